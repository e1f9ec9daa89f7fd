// The files of an application for staff: kind, type and size, with a download link. The file name is
// not shown (it may carry a name); downloading is an audited export of personal data.
import type { AttachmentSummary } from '../attachments.ts';

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

export function AttachmentList({ attachments }: { attachments: readonly AttachmentSummary[] }) {
  if (attachments.length === 0) return <p data-testid="no-attachments">无附件。</p>;
  return (
    <>
      <ul data-testid="attachments">
        {attachments.map((attachment, index) => (
          <li key={attachment.id} data-attachment={attachment.id}>
            <a href={`/admin/applications/${attachment.applicationId}/attachments/${attachment.id}`} download>
              {attachment.label} {index + 1}
            </a>{' '}
            （{attachment.typeName}，{size(attachment.sizeBytes)}，
            {attachment.byStaff ? '工作人员登记时上传' : '申请人上传'}）
          </li>
        ))}
      </ul>
      <p class="muted">附件含个人信息，下载将记入审计日志。</p>
    </>
  );
}

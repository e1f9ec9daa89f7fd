// Back-office pages for registering an application received by letter, email, fax, in person or orally
// (条例第二十九条、第三十一条): first the channel, whose rule decides which fact fixes the receipt date;
// then the application with that fact, its evidence and the applicant's files. After registration, the
// possible repeated applications of the same applicant.
import {
  RECEIPT_RULES,
  REGISTERED_CHANNELS,
  type RegisteredChannel,
} from '../../../core/disclosure/receipt-date.ts';
import { AdminLayout } from '../../../web/views/admin/AdminLayout.tsx';
import type { StaffActor } from '../../accounts/model.ts';
import { MAX_ATTACHMENTS } from '../attachments.ts';
import type { PossibleDuplicate } from '../duplicates.ts';
import { CHANNEL_LABELS } from '../model.ts';
import type { ReceivingUnit } from '../repo.ts';
import type { FieldError } from '../validate.ts';
import {
  ApplicationFieldsets,
  ErrorSummary,
  Field,
  FileField,
  fileRulesHint,
  type Values,
} from './ApplicationFormFields.tsx';
import { DuplicateList } from './DuplicateList.tsx';

interface Shell {
  readonly actor: StaffActor;
  readonly csrfToken: string;
}

export function RegistrationChannelPage({ actor, csrfToken }: Shell) {
  return (
    <AdminLayout title="登记申请" actor={actor} csrfToken={csrfToken}>
      <h1>登记申请</h1>
      <p>
        登记以信函、电子邮箱、传真、当面或者口头方式收到的政府信息公开申请（网络申请由申请人在线提交，无需登记）。
        不同方式确定“收到申请之日”的规则不同（《中华人民共和国政府信息公开条例》第三十一条），请先选择申请方式：
      </p>
      <ul data-testid="registration-channels">
        {REGISTERED_CHANNELS.map((channel) => (
          <li key={channel}>
            <a href={`/admin/applications/new?channel=${channel}`}>{CHANNEL_LABELS[channel]}</a>：
            {RECEIPT_RULES[channel].explanation}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export interface RegistrationFormPageProps extends Shell {
  readonly channel: RegisteredChannel;
  readonly units: readonly ReceivingUnit[];
  readonly today: string;
  readonly maxUploadBytes: number;
  readonly values?: Values;
  readonly errors?: readonly FieldError[];
}

export function RegistrationFormPage(props: RegistrationFormPageProps) {
  const { channel, values = {}, errors = [] } = props;
  const rule = RECEIPT_RULES[channel];
  const f = { values, errors };
  const action = `/admin/applications/new?_csrf=${encodeURIComponent(props.csrfToken)}`;
  return (
    <AdminLayout title="登记申请" actor={props.actor} csrfToken={props.csrfToken}>
      <h1>登记申请：{CHANNEL_LABELS[channel]}</h1>
      <p>
        {rule.explanation}
        <span class="muted">（{rule.basis}）</span>
      </p>
      <p>
        <a href="/admin/applications/new">改选申请方式</a>
      </p>
      <ErrorSummary errors={errors} />
      <form
        method="post"
        action={action}
        enctype="multipart/form-data"
        data-testid="registration-form"
        novalidate
      >
        <input type="hidden" name="channel" value={channel} />
        <h2>收到申请</h2>
        <Field
          name="receivedOn"
          label={rule.dateLabel}
          type="date"
          required
          max={props.today}
          hint="此日期即收到申请之日，答复期限由此起算；不能晚于今天，也不能早于一年前。"
          {...f}
        />
        <Field name="receiptNote" label={rule.noteLabel} required={rule.noteRequired} multiline {...f} />
        <ApplicationFieldsets units={props.units} values={values} errors={errors} />
        <h2>附件</h2>
        <p class="muted">附件加密保存。{fileRulesHint(props.maxUploadBytes, MAX_ATTACHMENTS)}</p>
        <FileField
          name="evidence"
          label={`收件凭证：${rule.evidence.label}`}
          required={rule.evidence.required}
          hint="证明上面所填日期的材料。"
          errors={errors}
        />
        <FileField name="identityProof" label="身份证明" errors={errors} />
        <FileField name="powerOfAttorney" label="授权委托书" hint="代理申请的必须上传。" errors={errors} />
        <button type="submit">登记</button>
      </form>
    </AdminLayout>
  );
}

export interface PossibleDuplicatesPageProps extends Shell {
  readonly application: { readonly id: number; readonly queryCode: string };
  readonly duplicates: readonly PossibleDuplicate[];
  /** Shown right after registration. */
  readonly registered: boolean;
}

export function PossibleDuplicatesPage({
  actor,
  csrfToken,
  application,
  duplicates,
  registered,
}: PossibleDuplicatesPageProps) {
  return (
    <AdminLayout title={`申请 ${application.queryCode} 可能重复的申请`} actor={actor} csrfToken={csrfToken}>
      {registered ? (
        <p class="ok" data-testid="registered">
          已登记，查询码 <strong data-testid="query-code">{application.queryCode}</strong>
          。请将查询码告知申请人。
        </p>
      ) : null}
      <h1>申请 {application.queryCode} 可能重复的申请</h1>
      {duplicates.length === 0 ? (
        <p data-testid="no-duplicates">未发现同一申请人内容相近的其他申请。</p>
      ) : (
        <DuplicateList duplicates={duplicates} />
      )}
      <p>
        <a href={`/admin/applications/${application.id}`}>查看申请 {application.queryCode}</a>
      </p>
    </AdminLayout>
  );
}

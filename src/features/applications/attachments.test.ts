import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkAttachments, type UploadedFile } from './attachments.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(32),
]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');

const upload = (field: string, fileName: string, data: Buffer, truncated = false): UploadedFile => ({
  field,
  fileName,
  data,
  truncated,
});
const check = (files: UploadedFile[], tooManyFiles = false) =>
  checkAttachments({ files, tooManyFiles }, 1024 * 1024);

describe('checking uploaded files by their content', () => {
  it('accepts PDF, JPEG, PNG and DOCX whatever their names say', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('委托')] }] }));
    const { attachments, errors } = await check([
      upload('identityProof', 'scan.txt', PDF),
      upload('identityProof', 'photo.pdf', JPEG),
      upload('powerOfAttorney', 'C:\\Users\\张三\\委托书.png', PNG),
      upload('evidence', '../../etc/回执.docx', docx),
    ]);
    expect(errors).toEqual([]);
    expect(attachments.map((a) => [a.kind, a.fileName, a.mediaType])).toEqual([
      ['identity-proof', 'scan.txt', 'application/pdf'],
      ['identity-proof', 'photo.pdf', 'image/jpeg'],
      ['power-of-attorney', '委托书.png', 'image/png'],
      [
        'receipt-evidence',
        '回执.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
    ]);
  });

  it('names the field, the file and the rule of every refused file', async () => {
    const { attachments, errors } = await check([
      upload('identityProof', 'card.gif', GIF),
      upload('powerOfAttorney', '委托书.pdf', Buffer.from('只是文字')),
      upload('evidence', 'big.pdf', Buffer.alloc(0), true),
      upload('unknown', 'ignored.pdf', PDF),
    ]);
    expect(attachments).toEqual([]);
    expect(errors).toEqual([
      {
        field: 'identityProof',
        message:
          '“身份证明”中的文件“card.gif”不是 PDF、JPEG、PNG、DOCX 文件（按文件内容识别），请转换格式后重新上传',
      },
      {
        field: 'powerOfAttorney',
        message:
          '“授权委托书”中的文件“委托书.pdf”不是 PDF、JPEG、PNG、DOCX 文件（按文件内容识别），请转换格式后重新上传',
      },
      { field: 'evidence', message: '“收件凭证”中的文件“big.pdf”超过 1MB 的大小限制' },
    ]);
  });

  it('refuses more than five files at once', async () => {
    const six = Array.from({ length: 6 }, (_, i) => upload('identityProof', `${i}.png`, PNG));
    const message = '每件申请最多上传 5 个文件，请合并或删减后重新选择';
    expect((await check(six)).errors).toEqual([{ field: 'identityProof', message }]);
    expect((await check(six.slice(0, 5))).errors).toEqual([]);
    expect((await check(six.slice(0, 2), true)).errors).toEqual([{ field: 'identityProof', message }]);
  });
});

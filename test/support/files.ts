// Small real files for upload tests: a one-page PDF, a 1×1 PNG and a one-paragraph DOCX, each recognised
// by its content; and a text file that only pretends to be a PDF by its name.
import { Document, Packer, Paragraph } from 'docx';

/** A minimal well-formed one-page PDF with a text marker in its content stream. */
export function tinyPdf(marker = 'Gongkai test identity proof'): Buffer {
  const stream = `BT /F1 12 Tf 20 100 Td (${marker}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
}

/** A Word document with one paragraph. */
export async function tinyDocx(text = '授权委托书'): Promise<Buffer> {
  const document = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return Packer.toBuffer(document);
}

/** Plain text saved under a .pdf name: refused by content. */
export function fakePdf(): Buffer {
  return Buffer.from('这不是 PDF 文件，只是改了扩展名。\n', 'utf8');
}

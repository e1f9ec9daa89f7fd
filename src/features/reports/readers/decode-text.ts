// Bytes → text for HTML, Markdown and plain text. Chinese government sites still serve much of
// their content in GBK/GB2312, often without saying so: bytes that are not valid UTF-8 are read as
// GB18030 (a superset of both), or in the charset an HTML <meta> names.

const BOMS: readonly (readonly [bytes: readonly number[], encoding: string])[] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

const GB_ALIASES = new Set([
  'gbk',
  'gb2312',
  'gb18030',
  'gb_2312-80',
  'x-gbk',
  'cp936',
  'euc-cn',
  'hz-gb-2312',
]);

export function decodeText(bytes: Uint8Array): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) {
      return new TextDecoder(encoding).decode(bytes.subarray(bom.length));
    }
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declaredCharset(bytes) ?? 'gb18030').decode(bytes);
  }
}

/** The charset an HTML page declares in its first KiBs, mapped to a decoder label Node knows. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const declared = match?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8') return undefined;
  if (GB_ALIASES.has(declared)) return 'gb18030';
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    return undefined;
  }
}

/** UTF-16 saved without a BOM shows as ASCII interleaved with zero bytes. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenZeros += 1;
    if (sample[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

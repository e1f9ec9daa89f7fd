// 统一社会信用代码 in published text are public, not personal (spec/publishing.md): a valid code shields
// its span from the personal-data detectors, and a code written after its label that fails the
// GB 32100-2015 check is reported as a typo.
import { validateResidentId } from '../identity/resident-id.ts';
import { USCC_LENGTH, computeUsccCheckCharacter, validateUscc } from '../identity/uscc.ts';
import type { Finding } from './types.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Any 18-letter alphanumeric run (the detectors run on the half-width view of the text). */
const CODE_RUN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;

/** A code written after its label, of about the right length so that a missing character shows. */
const LABELLED_CODE =
  /(?:统一社会信用代码|社会信用代码|信用代码)(?:\s*[(（][^)）\n]{0,12}[)）])?[\s:：为是]*([0-9A-Za-z]{15,20})(?![0-9A-Za-z])/g;

export interface CodeScan {
  /** Spans that hold a valid code, or a code after its label: never personal data. */
  readonly shielded: readonly Span[];
  readonly findings: readonly Finding[];
}

export function scanCodes(halfWidth: string, original: string, today: Date): CodeScan {
  const shielded: Span[] = [];
  const findings: Finding[] = [];
  const labelled = new Set<number>();
  for (const match of halfWidth.matchAll(LABELLED_CODE)) {
    const code = match[1] ?? '';
    const start = match.index + match[0].length - code.length;
    const end = start + code.length;
    labelled.add(start);
    shielded.push({ start, end });
    const result = validateUscc(code);
    if (result.ok) continue;
    // Only a wrong check character has one obvious correction; other typos need the source document.
    const first17 = code.toUpperCase().slice(0, USCC_LENGTH - 1);
    const corrected = result.position === USCC_LENGTH ? computeUsccCheckCharacter(first17) : null;
    findings.push({
      start,
      end,
      text: original.slice(start, end),
      category: 'uscc',
      severity: 'error',
      message: `${result.message}，请核对`,
      ...(corrected === null ? {} : { suggestion: `${first17}${corrected}` }),
    });
  }
  for (const match of halfWidth.matchAll(CODE_RUN)) {
    const start = match.index;
    if (labelled.has(start)) continue;
    // A run that is both a valid code and a valid resident ID number is taken for the ID unless labelled.
    if (validateUscc(match[0]).ok && !validateResidentId(match[0], today).ok) {
      shielded.push({ start, end: start + match[0].length });
    }
  }
  return { shielded, findings };
}

import type { DocLine } from '../document.ts';
import { SECTION_IDS, SECTION_TITLES } from '../format.ts';
import type { SectionId } from '../format.ts';
import { commonSubsequenceLength, foldWidth, isPageNoise, normalizeForMatch } from './normalize.ts';

// Locating the six section headings. Published reports vary the wording (五、政府信息公开工作存在的
// 主要问题及改进情况), so a heading is a short line with the section's ordinal whose words largely
// follow the statutory title.

export interface SectionHeading {
  readonly line: number;
  /** Text printed on the heading's line after the title, if any. */
  readonly rest: string;
}

export type SectionHeadings = Partial<Record<SectionId, SectionHeading>>;

const ORDINAL = /^([一二三四五六])\s*[、.,，:：．]\s*/u;
/** Share of the title's characters a variant heading must keep, in order. */
const MIN_TITLE_SHARE = 0.6;
const MIN_TITLE_SHARE_WITHOUT_ORDINAL = 0.9;
/** Headings are short; longer lines are prose that happens to begin with an ordinal. */
const MAX_HEADING_LENGTH = 120;
/** A heading followed by its first paragraph on the same line is still looked at, up to this length. */
const MAX_HEADING_LINE_LENGTH = 2000;

interface TitleForm {
  readonly printed: string;
  readonly body: string;
}

const TITLE_FORMS: Readonly<Record<SectionId, TitleForm>> = Object.fromEntries(
  SECTION_IDS.map((id) => {
    const printed = foldWidth(SECTION_TITLES[id]).replace(ORDINAL, '');
    return [id, { printed, body: normalizeForMatch(printed) }];
  }),
) as Record<SectionId, TitleForm>;

export function lineText(line: DocLine): string {
  return line.join(' ');
}

export function findSectionHeadings(lines: readonly DocLine[]): SectionHeadings {
  const headings: SectionHeadings = {};
  let cursor = 0;
  for (const id of SECTION_IDS) {
    for (let index = cursor; index < lines.length; index += 1) {
      const heading = headingOn(lines[index] ?? [], id);
      if (heading === null) continue;
      headings[id] = { line: index, rest: heading };
      cursor = index + 1;
      break;
    }
  }
  return headings;
}

/** The text after the heading on this line ('' for a heading alone), or null if it is not the heading. */
function headingOn(line: DocLine, id: SectionId): string | null {
  const printed = lineText(line);
  if (printed.length > MAX_HEADING_LINE_LENGTH) return null;
  const text = foldWidth(printed)
    .replace(/^[#*\s]+/u, '')
    .trim();
  if (text.length === 0) return null;
  const title = TITLE_FORMS[id];
  const ordinal = ORDINAL.exec(text);
  if (ordinal !== null && ordinal[1] !== id) return null;
  const afterOrdinal = ordinal === null ? text : text.slice(ordinal[0].length);
  if (afterOrdinal.startsWith(title.printed)) {
    return ordinal === null && afterOrdinal.length > title.printed.length
      ? null
      : afterOrdinal.slice(title.printed.length).replace(/^[\s。:：.]+/u, '');
  }
  if (afterOrdinal.length > MAX_HEADING_LENGTH || /^[(（]/u.test(afterOrdinal)) return null;
  const body = normalizeForMatch(afterOrdinal);
  if (body.length === 0 || body.length > title.body.length * 2 + 6) return null;
  const share = commonSubsequenceLength(title.body, body) / title.body.length;
  const needed = ordinal === null ? MIN_TITLE_SHARE_WITHOUT_ORDINAL : MIN_TITLE_SHARE;
  if (ordinal === null && body.length > title.body.length + 4) return null;
  return share >= needed ? '' : null;
}

/** A narrative section's text: its paragraphs from `from` (exclusive) to `to`, joined by newlines. */
export function sectionText(lines: readonly DocLine[], heading: SectionHeading, to: number): string {
  const paragraphs: string[] = heading.rest.length > 0 ? [heading.rest] : [];
  for (let index = heading.line + 1; index < Math.min(to, lines.length); index += 1) {
    const text = lineText(lines[index] ?? [])
      .replace(/[\s\u3000]+$/u, '')
      .replace(/^[\s\u3000]+/u, '');
    if (text.length > 0 && !isPageNoise(text)) paragraphs.push(text);
  }
  return paragraphs.join('\n');
}

// Shared handling of narrative text: one normal form for matching and comparing.
import { NARRATIVE_SECTION_IDS, type SectionId } from '../format.ts';
import type { AnnualReport } from '../types.ts';

/** NFKC (full-width digits and punctuation become ASCII), no whitespace. */
export function normalizeNarrative(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** The narrative sections a report carries, in section order, with their text normalised. */
export function narrativeSections(report: AnnualReport): { id: SectionId; text: string }[] {
  const sections = report.sections ?? {};
  return NARRATIVE_SECTION_IDS.flatMap((id) => {
    const text: unknown = sections[id];
    return typeof text === 'string' ? [{ id, text: normalizeNarrative(text) }] : [];
  });
}

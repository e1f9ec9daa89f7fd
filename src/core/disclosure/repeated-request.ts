// Possible repeated applications (重复申请, a ground of 不予处理 under 第三十六条第（五）项): the same
// applicant asking again for much the same information. Only a hint for the handler, never a decision:
// the request texts are compared with the same character-bigram similarity as the report checker's
// boilerplate rule, after punctuation is removed as well (digits and spaces it removes itself).
import { bigramCosine } from '../report/checks/similarity.ts';

/** At or above this similarity two requests are shown to the handler as possibly the same. */
export const SIMILAR_REQUEST_THRESHOLD = 0.5;

function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, '');
}

/** 0 (nothing shared) … 1 (the same wording), punctuation, spaces and digits ignored. */
export function requestSimilarity(a: string, b: string): number {
  return bigramCosine(comparable(a), comparable(b));
}

// Square roots make an exact half come out a hair below 0.5.
const ROUNDING = 1e-9;

export function isSimilarRequest(a: string, b: string): boolean {
  return requestSimilarity(a, b) >= SIMILAR_REQUEST_THRESHOLD - ROUNDING;
}

// Chinese word segmentation with jieba, loaded once per process: the index takes the precise cut and the
// search-mode cut (the shorter words inside long ones), a query the precise cut, so a query word is found
// whether it stands alone or inside a longer word of the text.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { distinctTerms, MAX_TERMS, normaliseToken } from '../../core/search/query.ts';

let segmenter: Jieba | null = null;

function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** The normalised tokens of a text for the index (repeats kept out: presence is what is ranked). */
export function indexTokens(text: string): string[] {
  const segments = jieba();
  return distinctTerms([...segments.cut(text, true), ...segments.cutForSearch(text, true)]);
}

/** The distinct terms of a query, at most MAX_TERMS. */
export function queryTerms(query: string): string[] {
  return distinctTerms(jieba().cut(query, true), MAX_TERMS);
}

export { normaliseToken };

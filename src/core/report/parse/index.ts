export { readPlainText } from './read-plain-text.ts';
export { readMarkdown } from './read-markdown.ts';
export { parseReport } from './parse-report.ts';
export type { ParseHints, ParseOutcome } from './parse-report.ts';

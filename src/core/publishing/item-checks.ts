// The automatic content checks (core/checks) applied to an item's text fields. A finding is keyed by its
// field, category and text, so an override given for it survives edits that only move it in the text.
import { runChecks, type CheckOptions, type Finding } from '../checks/index.ts';

export const CHECKED_FIELDS = ['title', 'summary', 'body'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

export const CHECKED_FIELD_LABELS: Readonly<Record<CheckedField, string>> = {
  title: '标题',
  summary: '内容概述',
  body: '正文',
};

export interface ItemFinding extends Finding {
  readonly field: CheckedField;
  readonly key: string;
}

export function findingKey(field: CheckedField, finding: Pick<Finding, 'category' | 'text'>): string {
  return `${field}:${finding.category}:${finding.text}`;
}

export function checkItem(
  item: Readonly<Record<CheckedField, string>>,
  options: CheckOptions = {},
): ItemFinding[] {
  return CHECKED_FIELDS.flatMap((field) =>
    runChecks(item[field], options).map((finding) => ({
      ...finding,
      field,
      key: findingKey(field, finding),
    })),
  );
}

/** The error-severity findings that no override covers: each blocks the final approval. */
export function blockingFindings(
  findings: readonly ItemFinding[],
  overridden: ReadonlySet<string>,
): ItemFinding[] {
  return findings.filter((finding) => finding.severity === 'error' && !overridden.has(finding.key));
}

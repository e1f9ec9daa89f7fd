// The re-scan of published items after a dictionary change: which findings are new enough to open a
// correction task. A finding is identified as at publication (item-checks findingKey: field, category,
// text), so one overridden with a reason before publication, or already reported by an earlier scan,
// is not raised again.
import { CHECKED_FIELD_LABELS, type ItemFinding } from '../publishing/item-checks.ts';
import { DICTIONARY_CATEGORIES, type FindingCategory } from './types.ts';

function isDictionaryCategory(category: FindingCategory): boolean {
  return (DICTIONARY_CATEGORIES as readonly string[]).includes(category);
}

/** Error-severity dictionary findings neither overridden nor reported before, one per key, in text order. */
export function newScanFindings(
  findings: readonly ItemFinding[],
  overridden: ReadonlySet<string>,
  reported: ReadonlySet<string>,
): ItemFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (finding.severity !== 'error' || !isDictionaryCategory(finding.category)) return false;
    if (overridden.has(finding.key) || reported.has(finding.key) || seen.has(finding.key)) return false;
    seen.add(finding.key);
    return true;
  });
}

/** The task's description: what the scan found where (zh-CN). */
export function scanTaskDescription(findings: readonly ItemFinding[], version: number): string {
  const lines = findings.map(
    (finding) => `${CHECKED_FIELD_LABELS[finding.field]}：“${finding.text}”——${finding.message}`,
  );
  return [`词库更新（第 ${version} 版）后复查已公开信息，发现以下问题：`, ...lines].join('\n');
}

// Which findings of the internal scans open a correction task, and what the task says (zh-CN). A
// personal-data finding is identified as at publication (item-checks findingKey), so one overridden with a
// reason in the review that published the item is not raised again. The description shows the proposed
// mask, never the personal data itself: correction tasks are not sealed.
import { CATEGORY_LABELS, isPersonalCategory } from '../checks/types.ts';
import { CHECKED_FIELD_LABELS, type ItemFinding } from '../publishing/item-checks.ts';

/** Error-severity personal-data findings neither overridden nor reported before, one per key, in text order. */
export function newPrivacyFindings(
  findings: readonly ItemFinding[],
  overridden: ReadonlySet<string>,
  reported: (key: string) => boolean,
): ItemFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (finding.severity !== 'error' || !isPersonalCategory(finding.category)) return false;
    if (overridden.has(finding.key) || seen.has(finding.key) || reported(finding.key)) return false;
    seen.add(finding.key);
    return true;
  });
}

export function privacyTaskDescription(findings: readonly ItemFinding[], detectorVersion: number): string {
  const lines = findings.map(
    (finding) =>
      `${CHECKED_FIELD_LABELS[finding.field]}：${CATEGORY_LABELS[finding.category]}（遮盖后为“${
        finding.proposedMask ?? '—'
      }”）——${finding.message}`,
  );
  return [
    `个人信息扫描（检测规则第 ${detectorVersion} 版）发现已公开信息中可能含有个人信息，请核实后遮盖或撤回：`,
    ...lines,
  ].join('\n');
}

export interface DeadLink {
  readonly path: string;
  readonly reason: string;
}

export function deadLinkTaskDescription(links: readonly DeadLink[]): string {
  return [
    '站内链接检查发现正文中的链接已失效，请修改或删除：',
    ...links.map((link) => `${link.path}——${link.reason}`),
  ].join('\n');
}

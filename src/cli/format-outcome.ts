// The readable zh-CN output of `gongkai report check`.
import type { Finding } from '../core/report/types.ts';
import type { CheckOutcome } from '../features/reports/service.ts';

function findingLine(finding: Finding): string {
  const label = finding.severity === 'error' ? '错误' : '提示';
  return `  [${label}] ${finding.message}（${finding.rule}）`;
}

export function formatOutcome(outcome: CheckOutcome, file: string): string {
  const lines = [`== ${file}`];
  if (outcome.kind === 'unreadable') {
    lines.push(`  无法读取：${outcome.reason}`);
    return lines.join('\n');
  }
  const { report, errors, warnings } = outcome;
  const format = report.format === '2021' ? '2021年版' : '2019年版（试行）';
  lines.push(`  机关：${report.agency ?? '未识别'}  年度：${report.year ?? '未识别'}  格式：${format}`);
  lines.push(`  结论：${errors > 0 ? `发现错误 ${errors} 处` : '未发现错误'}，提示 ${warnings} 处`);
  for (const finding of report.findings ?? []) lines.push(findingLine(finding));
  return lines.join('\n');
}

export function formatSummary(outcomes: readonly CheckOutcome[]): string {
  const unreadable = outcomes.filter((o) => o.kind === 'unreadable').length;
  const withErrors = outcomes.filter((o) => o.kind === 'checked' && o.errors > 0).length;
  const passed = outcomes.length - unreadable - withErrors;
  return `共检查 ${outcomes.length} 份：通过 ${passed} 份，有错误 ${withErrors} 份，无法读取 ${unreadable} 份。`;
}

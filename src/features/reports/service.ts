// Use cases of the report checker: read a published report (any layout), parse it against the national
// format and run the cross-checks. Shared by the CLI, the web page and the API.
import { checkReport, summarizeFindings } from '../../core/report/checks/index.ts';
import { parseReport } from '../../core/report/parse/index.ts';
import type { AnnualReport, Finding } from '../../core/report/types.ts';
import { readReportFile } from './readers/index.ts';
import { ReadError } from './readers/errors.ts';

export type ReportSource =
  | { readonly kind: 'text'; readonly text: string; readonly name?: string }
  | { readonly kind: 'file'; readonly data: Uint8Array; readonly name?: string };

export type CheckOutcome =
  | {
      readonly kind: 'checked';
      readonly name: string | null;
      /** The report with every finding (parse findings first, then the cross-checks). */
      readonly report: AnnualReport;
      readonly errors: number;
      readonly warnings: number;
    }
  | { readonly kind: 'unreadable'; readonly name: string | null; readonly reason: string };

/** 0 no errors, 1 errors found, 2 unreadable — the exit codes of `gongkai report check`. */
export function exitCodeOf(outcome: CheckOutcome): 0 | 1 | 2 {
  if (outcome.kind === 'unreadable') return 2;
  return outcome.errors > 0 ? 1 : 0;
}

async function readSource(source: ReportSource): Promise<AnnualReport | { reason: string }> {
  try {
    const data = source.kind === 'text' ? new TextEncoder().encode(source.text) : source.data;
    const document = await readReportFile(data, source.name);
    const parsed = parseReport(document);
    return parsed.kind === 'parsed' ? parsed.report : { reason: parsed.reason };
  } catch (error) {
    if (error instanceof ReadError) return { reason: error.reason };
    throw error;
  }
}

/** Reads a report in any supported layout, without running the cross-checks. */
export async function readReport(source: ReportSource): Promise<AnnualReport | { reason: string }> {
  return readSource(source);
}

export async function checkReportSource(
  source: ReportSource,
  options: { previous?: AnnualReport } = {},
): Promise<CheckOutcome> {
  const name = source.name ?? null;
  const read = await readSource(source);
  if ('reason' in read) return { kind: 'unreadable', name, reason: read.reason };
  const findings: Finding[] = [...(read.findings ?? []), ...checkReport(read, options)];
  const report: AnnualReport = { ...read, findings };
  return { kind: 'checked', name, report, ...summarizeFindings(findings) };
}

/** Checks a report given in the interchange JSON (e.g. one written by `gongkai report build`). */
export function checkReportJson(
  report: AnnualReport,
  options: { previous?: AnnualReport } = {},
): CheckOutcome {
  const findings = checkReport(report, options);
  return { kind: 'checked', name: null, report: { ...report, findings }, ...summarizeFindings(findings) };
}

// The cross-checks of an annual report (spec/annual-report.md, "Cross-checks (勾稽关系)").
// Pure and synchronous: a report (and optionally the previous year's) in, findings out.
import { FORMAT_IDS, FORMATS, type FormatId } from '../format.ts';
import type { AnnualReport, Finding } from '../types.ts';
import { checkFeeStatement } from './fee-statement.ts';
import { makeFinding, showValue } from './finding.ts';
import { checkNarrativeFigures } from './narrative-figures.ts';
import { sortFindings } from './order.ts';
import { readTables } from './read-tables.ts';
import { checkTableSums } from './table-sums.ts';
import { checkYearOverYear } from './year-over-year.ts';

export interface CheckOptions {
  /** The same agency's report for the year before, for the year-over-year checks. */
  readonly previous?: AnnualReport;
}

function knownFormat(format: unknown): format is FormatId {
  return typeof format === 'string' && (FORMAT_IDS as readonly string[]).includes(format);
}

export function checkReport(report: AnnualReport, options: CheckOptions = {}): Finding[] {
  const format: unknown = report.format;
  if (!knownFormat(format)) {
    return [
      makeFinding(
        'format.unknown',
        { table: null, row: null, column: null },
        null,
        null,
        `报告格式${showValue(format)}未知，应为${FORMAT_IDS.join('或')}（${FORMAT_IDS.map((id) => FORMATS[id].source).join('、')}），无法校验。`,
      ),
    ];
  }
  const { tables, findings } = readTables(report);
  findings.push(...checkTableSums(tables, format));
  findings.push(...checkNarrativeFigures(report, tables));
  findings.push(...checkFeeStatement(report));
  const previous = options.previous;
  if (previous !== undefined && knownFormat(previous.format)) {
    findings.push(...checkYearOverYear(report, tables, previous, readTables(previous).tables));
  }
  return sortFindings(findings, format);
}

export function summarizeFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export { extractClaims, type Claim, type ClaimKind } from './narrative-claims.ts';
export { statesFee } from './fee-statement.ts';
export { bigramCosine } from './similarity.ts';

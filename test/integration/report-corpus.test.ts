// The synthetic report corpus (test/fixtures/reports): each report, in the layout and wording
// variants seen in published reports, must read to exactly the numbers of its .expected.json and
// produce exactly the findings listed there (the report's own arithmetic errors, blanks, extra rows).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnualReport, Finding } from '../../src/core/report/types.ts';
import { checkReportSource } from '../../src/features/reports/service.ts';
import { repoRoot } from '../support/paths.ts';

const corpusDir = join(repoRoot, 'test/fixtures/reports');
const EXPECTED_SUFFIX = '.expected.json';

interface ExpectedFinding {
  rule: string;
  table: Finding['table'];
  row: string | null;
  column: string | null;
}

type Expected = Pick<AnnualReport, 'format' | 'year' | 'agency' | 'table2' | 'table3' | 'table4'> & {
  findings: ExpectedFinding[];
};

function corpus(): { name: string; file: string; expected: Expected }[] {
  const files = readdirSync(corpusDir);
  return files
    .filter((file) => file.endsWith(EXPECTED_SUFFIX))
    .map((expectedFile) => {
      const name = expectedFile.slice(0, -EXPECTED_SUFFIX.length);
      const file = files.find((candidate) => candidate !== expectedFile && candidate.startsWith(`${name}.`));
      if (file === undefined) throw new Error(`no report file for ${expectedFile}`);
      const expected = JSON.parse(readFileSync(join(corpusDir, expectedFile), 'utf8')) as Expected;
      return { name, file, expected };
    });
}

function essentials(finding: ExpectedFinding): string {
  return [finding.rule, finding.table, finding.row, finding.column].join(' | ');
}

describe('report corpus', () => {
  const entries = corpus();

  it('holds the corpus', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
  });

  it.each(entries)('$file reads exactly', async ({ file, expected }) => {
    const data = readFileSync(join(corpusDir, file));
    const outcome = await checkReportSource({ kind: 'file', data, name: file });
    if (outcome.kind !== 'checked') throw new Error(`unreadable: ${outcome.reason}`);
    const { report } = outcome;
    expect({
      format: report.format,
      year: report.year,
      agency: report.agency,
      table2: report.table2,
      table3: report.table3,
      table4: report.table4,
    }).toEqual({
      format: expected.format,
      year: expected.year,
      agency: expected.agency,
      table2: expected.table2,
      table3: expected.table3,
      table4: expected.table4,
    });
    const actual = (report.findings ?? []).map(essentials).sort();
    expect(actual).toEqual(expected.findings.map(essentials).sort());
  });
});

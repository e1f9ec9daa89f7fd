// Many agencies write the report in Word and publish the PDF that Word or WPS prints. The fixture is
// our own DOCX rendering of the reference report (沈阳市皇姑区2023年报, public data), printed to PDF by
// LibreOffice 7: its tables, wrapped labels and repeated headers must read back exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceReport } from './render/test-fixtures.ts';
import { checkReportSource } from './service.ts';

const fixture = new URL('../../../test/fixtures/libreoffice/reference-2023-via-docx.pdf', import.meta.url);

describe('a Word report printed to PDF', () => {
  it('reads every number, the agency and the year, with no findings', async () => {
    const outcome = await checkReportSource({
      kind: 'file',
      data: readFileSync(fixture),
      name: 'report.pdf',
    });
    if (outcome.kind !== 'checked') throw new Error(outcome.reason);
    const expected = referenceReport();
    expect(outcome.report.agency).toBe(expected.agency);
    expect(outcome.report.year).toBe(2023);
    expect(outcome.report.table2).toEqual(expected.table2);
    expect(outcome.report.table3).toEqual(expected.table3);
    expect(outcome.report.table4).toEqual(expected.table4);
    expect(outcome.report.findings).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/plain-date.ts';
import { OUTCOMES } from '../disclosure/outcomes.ts';
import { checkReport } from '../report/checks/index.ts';
import { buildReport } from '../report/checks/test-reports.ts';
import { T3, TABLE3_COLUMNS } from '../report/format.ts';
import { compileApplicationStatistics, REPORT_CHANNELS, type ApplicationRecord } from './applications.ts';

const TYPES = TABLE3_COLUMNS.slice(0, 6);
const CHANNELS = ['online', 'letter-registered', 'letter-ordinary', 'email', 'fax', 'in-person', 'oral', 'x'];

// Receipt dates from 2019 to 2025 and closures up to 400 days later (or never), so that every report
// year from 2019 to 2025 sees carried-in, new, closed and carried-out applications in both formats.
const recordArbitrary = fc
  .record({
    received: fc.integer({ min: 0, max: 2550 }),
    closedAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    outcome: fc.constantFrom(...OUTCOMES.map((outcome) => outcome.code)),
    type: fc.constantFrom(...TYPES),
    channel: fc.constantFrom(...CHANNELS),
    onTime: fc.constantFrom(true, false, null),
  })
  .map(({ received, closedAfter, outcome, type, channel, onTime }) => {
    const receivedOn = addDays('2019-01-01', received);
    return {
      receivedOn,
      closedOn: closedAfter === null ? null : addDays(receivedOn, closedAfter),
      outcome,
      applicantType: type,
      channel,
      onTime,
    };
  });

describe('application statistics for random records', () => {
  it('balance 一 + 二 = （七）总计 + 四 in every column and pass every table 三 cross-check', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { maxLength: 60 }),
        fc.integer({ min: 2019, max: 2025 }),
        (drafts, year) => {
          const records: ApplicationRecord[] = drafts.map((draft, index) => ({ id: index + 1, ...draft }));
          const stats = compileApplicationStatistics(records, year);
          const row = (key: string) => stats.table3[key] ?? [];
          TABLE3_COLUMNS.forEach((_, column) => {
            const inflow = (row(T3.received)[column] ?? 0) + (row(T3.carriedIn)[column] ?? 0);
            const outflow = (row(T3.total)[column] ?? 0) + (row(T3.carriedOut)[column] ?? 0);
            expect(inflow).toBe(outflow);
          });
          const report = { ...buildReport({ format: stats.format, year }), table3: stats.table3 };
          expect(checkReport(report).filter((finding) => finding.table === '三')).toEqual([]);
          // The drill-down names exactly as many applications as each number counts.
          for (const [key, values] of Object.entries(stats.table3)) {
            expect(stats.ids.table3[key]?.map((ids) => ids.length)).toEqual(values);
          }
          const byChannel = REPORT_CHANNELS.reduce((sum, name) => sum + stats.receivedByChannel[name], 0);
          expect(byChannel).toBe(row(T3.received)[6]);
          expect(stats.onTime.closed).toBe(row(T3.total)[6]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { table3OutcomeKeys } from '../report/format.ts';
import { OUTCOMES, findOutcome } from './outcomes.ts';

describe('outcomes of an application', () => {
  it('map every outcome row of table 三 (2021 and 2019) to at least one outcome, and nothing else', () => {
    for (const format of ['2021', '2019'] as const) {
      const outcomeRows = table3OutcomeKeys(format);
      const mapped = new Set(
        OUTCOMES.map((entry) => (format === '2019' ? entry.table3Row2019 : entry.table3Row)),
      );
      expect([...mapped].sort()).toEqual([...outcomeRows].sort());
    }
  });

  it('have unique codes, and the automatic fee closure counts under （六）2', () => {
    expect(new Set(OUTCOMES.map((entry) => entry.code)).size).toBe(OUTCOMES.length);
    const fee = findOutcome('other-fee-unpaid');
    expect(fee?.automaticOnly).toBe(true);
    expect(fee?.table3Row.startsWith('（六）2.')).toBe(true);
    expect(findOutcome('partial')?.requires).toContain('withheld');
  });
});

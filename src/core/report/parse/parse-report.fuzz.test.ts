import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLE4_COLUMNS, table3Keys } from '../format.ts';
import { parseReport, readMarkdown, readPlainText } from './index.ts';
import type { ParseOutcome } from './index.ts';

const REFERENCE = new URL(
  '../../../../../shared/reference/reports/shenyang-huanggu-2023.txt',
  import.meta.url,
);
const referenceLines = readFileSync(REFERENCE, 'utf8').split('\n');
const MAX_MS_PER_INPUT = 1000;

function expectWellFormed(outcome: ParseOutcome): void {
  if (outcome.kind === 'unreadable') {
    expect(typeof outcome.reason).toBe('string');
    expect(outcome.reason.length).toBeGreaterThan(0);
    // An internal error is caught and reported, but should not happen.
    expect(outcome.reason).not.toMatch(/^解析报告时出错/u);
    return;
  }
  const { report } = outcome;
  expect(Object.keys(report.table3)).toEqual(table3Keys(report.format));
  // A table 四 that is not there at all (cut off) is read as no cells, for the checks to report.
  expect([0, TABLE4_COLUMNS.length]).toContain(report.table4.length);
  const cells = [...Object.values(report.table3).flat(), ...report.table4];
  for (const cell of cells) expect(cell === null || Number.isFinite(cell)).toBe(true);
}

function timedParse(text: string): void {
  const started = performance.now();
  expectWellFormed(parseReport(readPlainText(text)));
  expectWellFormed(parseReport(readMarkdown(text)));
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
}

const REPORT_CHARACTERS = Array.from(
  '0123456789０１２３４５６７８９\t|  \n\u3000-—/.,、，。（）()“”' +
    '一二三四五六七八九十第条项年度报告政府信息公开申请总计结果维持纠正其他审结行政复议诉讼无',
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'digits'; at: number; offset: number; digits: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant('digits' as const),
    at: fc.nat(),
    offset: fc.nat(),
    digits: fc.stringMatching(/^[0-9]{1,12}$/u),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(lines: readonly string[], mutations: readonly Mutation[]): string {
  const result = [...lines];
  for (const change of mutations) {
    if (result.length === 0) break;
    const at = change.at % result.length;
    const line = result[at] ?? '';
    switch (change.kind) {
      case 'delete':
        result.splice(at, 1);
        break;
      case 'duplicate':
        result.splice(at, 0, line);
        break;
      case 'swap': {
        const other = change.with % result.length;
        result[at] = result[other] ?? '';
        result[other] = line;
        break;
      }
      case 'digits': {
        const offset = change.offset % (line.length + 1);
        result[at] = `${line.slice(0, offset)}${change.digits}${line.slice(offset)}`;
        break;
      }
      case 'truncate':
        result.length = at;
        break;
    }
  }
  return result.join('\n');
}

describe('parseReport never throws and never hangs', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        timedParse(text);
      }),
      { numRuns: 100 },
    );
  });

  it('on random text made of report characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...REPORT_CHARACTERS), maxLength: 3000 }), (text) => {
        timedParse(text);
      }),
      { numRuns: 100 },
    );
  });

  it('on mutated copies of the reference report', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        timedParse(mutate(referenceLines, mutations));
      }),
      { numRuns: 300 },
    );
  });

  it('on huge inputs', { timeout: 60_000 }, () => {
    const started = performance.now();
    const noise = '第二十条第（一）项 1234567890 一、本年新收 行政复议 0\t0 | 0 ';
    expectWellFormed(parseReport(readPlainText(noise.repeat(Math.ceil(10_000_000 / noise.length)))));
    expectWellFormed(parseReport(readPlainText(`${'9'.repeat(1_000_000)}\n`.repeat(3))));
    const repeated = referenceLines.join('\n');
    expectWellFormed(
      parseReport(readPlainText(`${repeated}\n`.repeat(Math.ceil(2_000_000 / repeated.length)))),
    );
    // Pathological: 10 MB of table-like tokens (millions of cells); real reports are far smaller.
    expect(performance.now() - started).toBeLessThan(40_000);
  });
});

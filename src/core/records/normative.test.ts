import { describe, expect, it } from 'vitest';
import {
  yearsCounted,
  countNormativeDocuments,
  table2NormativeBlock,
  validityOn,
  normativeFactsOfItems,
  normativeKindOfGenre,
  type NormativeDocumentFacts,
  type NormativeItemFacts,
} from './normative.ts';

const doc = (
  id: string,
  kind: NormativeDocumentFacts['kind'],
  issuedOn: string,
  repealedOn: string | null = null,
  invalidOn: string | null = null,
): NormativeDocumentFacts => ({ id, kind, issuedOn, repealedOn, invalidOn });

// Hand-computed for 2023:
// n1 issued 2021, in force          -> in force
// n2 issued 2023-03-01              -> issued, in force
// n3 issued and repealed in 2023    -> issued, ended, not in force
// n4 issued 2020, repealed 12-31    -> ended, not in force on 31 December
// n5 issued 2022, invalid 2023-07-01 (失效) -> ended, not in force
// n6 issued 2024                    -> nothing
// n7 issued 2019, repealed 2024-01-01 -> in force
// n8 issued 2019, repealed 2022     -> nothing
// r1 规章 issued 2023-12-31         -> issued, in force
const documents = [
  doc('n1', 'normative', '2021-05-10'),
  doc('n2', 'normative', '2023-03-01'),
  doc('n3', 'normative', '2023-02-01', '2023-09-30'),
  doc('n4', 'normative', '2020-01-15', '2023-12-31'),
  doc('n5', 'normative', '2022-06-01', null, '2023-07-01'),
  doc('n6', 'normative', '2024-01-02'),
  doc('n7', 'normative', '2019-04-04', '2024-01-01'),
  doc('n8', 'normative', '2019-04-04', '2022-05-05'),
  doc('r1', 'rule', '2023-12-31'),
];

describe('the years a document counts in', () => {
  it('runs from its issue to its earliest end, open while in force', () => {
    expect(yearsCounted({ issuedOn: '2021-05-01', repealedOn: null, invalidOn: null })).toEqual({
      from: 2021,
      to: null,
    });
    expect(
      yearsCounted({ issuedOn: '2021-05-01', repealedOn: '2024-02-01', invalidOn: '2023-06-30' }),
    ).toEqual({ from: 2021, to: 2023 });
  });
});

describe('table 二 (一) from the register', () => {
  it('counts issued, ended and in force per kind with the documents behind each number', () => {
    const counts = countNormativeDocuments(documents, 2023);
    expect(counts.normative).toEqual({
      issued: 2,
      ended: 3,
      inForce: 3,
      ids: { issued: ['n2', 'n3'], ended: ['n3', 'n4', 'n5'], inForce: ['n1', 'n2', 'n7'] },
    });
    expect(counts.rule).toEqual({
      issued: 1,
      ended: 0,
      inForce: 1,
      ids: { issued: ['r1'], ended: [], inForce: ['r1'] },
    });
    expect(table2NormativeBlock(counts)).toEqual({
      规章: { 本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 1 },
      行政规范性文件: { 本年制发件数: 2, 本年废止件数: 3, 现行有效件数: 3 },
    });
  });

  it('keeps 现行有效(N) = 现行有效(N−1) + 制发(N) − 废止(N)', () => {
    const before = countNormativeDocuments(documents, 2022).normative;
    const now = countNormativeDocuments(documents, 2023).normative;
    expect(before.inForce).toBe(4); // n1, n4, n5, n7
    expect(now.inForce).toBe(before.inForce + now.issued - now.ended);
  });

  it('derives validity by date: a repeal takes effect on its date', () => {
    const repealed = doc('x', 'rule', '2020-01-01', '2023-12-31');
    expect(validityOn(repealed, '2019-12-31')).toBe('not-issued');
    expect(validityOn(repealed, '2023-12-30')).toBe('in-force');
    expect(validityOn(repealed, '2023-12-31')).toBe('repealed');
    expect(validityOn(doc('y', 'rule', '2020-01-01', null, '2021-01-01'), '2021-06-01')).toBe('invalid');
    // The earlier of the two ends decides.
    expect(validityOn(doc('z', 'rule', '2020-01-01', '2022-01-01', '2021-01-01'), '2022-06-01')).toBe(
      'invalid',
    );
  });
});

describe('normative documents published as items', () => {
  const item = (
    id: number,
    genre: string | null,
    extra: Partial<NormativeItemFacts> = {},
  ): NormativeItemFacts => ({
    id,
    genre,
    documentNumber: null,
    writtenOn: null,
    publishedOn: '2023-05-06',
    validity: null,
    invalidOn: null,
    ...extra,
  });

  it('tells 规章 and 行政规范性文件 by genre, and nothing else', () => {
    expect(normativeKindOfGenre('规章')).toBe('rule');
    expect(normativeKindOfGenre('政府规章')).toBe('rule');
    expect(normativeKindOfGenre('行政规范性文件')).toBe('normative');
    expect(normativeKindOfGenre(' 规范性 文件')).toBe('normative');
    expect(normativeKindOfGenre('通知')).toBeNull();
    expect(normativeKindOfGenre(null)).toBeNull();
  });

  it('dates an item by 成文日期 (else publication) and ends it by its validity, leaving registered numbers out', () => {
    expect(
      normativeFactsOfItems(
        [
          item(1, '规章', { writtenOn: '2021-05-01', validity: 'repealed', invalidOn: '2023-06-30' }),
          item(2, '行政规范性文件', { validity: 'expired', invalidOn: '2024-01-01' }),
          item(3, '行政规范性文件', { documentNumber: '甲政发 〔2023〕 2号' }),
          item(4, '通知'),
        ],
        ['甲政发〔2023〕2号'],
      ),
    ).toEqual([
      { id: 'item:1', kind: 'rule', issuedOn: '2021-05-01', repealedOn: '2023-06-30', invalidOn: null },
      { id: 'item:2', kind: 'normative', issuedOn: '2023-05-06', repealedOn: null, invalidOn: '2024-01-01' },
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDictionaries, type Dictionary } from './dictionary.ts';
import { normalizeTerm } from './normalize.ts';
import { TODAY, luhnNumber, residentId, toFullWidth } from './personal-fixtures.test-fixture.ts';
import { findPersonalData, runChecks } from './run-checks.ts';
import { SAMPLE_DICTIONARY } from './sample-dictionaries.ts';
import { isPersonalCategory, type Finding } from './types.ts';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((list) => list.join(''));

const filler = fc
  .array(
    fc.constantFrom('的', '工作', '。', '，', ' ', '\n', 'a', '1', '20', '-', '号', '路', '（', '）', '：'),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

const idNumber = fc
  .tuple(
    fc.constantFrom('110105', '210102', '440305', '650102'),
    fc.integer({ min: 1930, max: 2020 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    digits(3),
  )
  .map(([area, year, month, day, sequence]) =>
    residentId(`${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${sequence}`),
  );

const mobile = fc
  .tuple(fc.constantFrom('13', '15', '18', '19'), digits(9), fc.constantFrom('', ' ', '-'))
  .map(
    ([head, rest, separator]) =>
      `${head}${rest.slice(0, 1)}${separator}${rest.slice(1, 5)}${separator}${rest.slice(5)}`,
  );

const personalData = fc.oneof(
  idNumber.map((id) => `身份证号码：${id}`),
  idNumber.map((id) => toFullWidth(id)),
  mobile,
  mobile.map((number) => `+86 ${number}`),
  digits(8).map((rest) => `(0755)${String((Number(rest.charAt(0)) % 8) + 2)}${rest.slice(1)}`),
  digits(14).map((rest) => `卡号：${luhnNumber(`6222${rest}`)}`),
  fc.constantFrom('wang', 'li.si', 'z_1').map((name) => `${name}@example.com`),
  fc.constantFrom('幸福路8号3-2-401', '沈阳市皇姑区黄河南大街12号2单元301室', '李家村3组15号'),
  fc.constantFrom('申请人张三', '姓名：王小明', '联系人：欧阳娜娜'),
);

/** Replaces every personal-data finding by its proposed mask. */
function masked(text: string, findings: readonly Finding[]): string {
  let result = text;
  for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
    if (finding.proposedMask === undefined) continue;
    result = `${result.slice(0, finding.start)}${finding.proposedMask}${result.slice(finding.end)}`;
  }
  return result;
}

describe('personal data (properties)', () => {
  // Items of personal data stand in clauses of their own, as they do in documents: the words that label
  // a number are looked for in its clause, and a mask shortens the clause it stands in.
  const text = fc
    .array(fc.tuple(fc.oneof(filler, personalData), fc.constantFrom('', '，', '。', '\n', '；')), {
      maxLength: 8,
    })
    .map((parts) => parts.map(([part, separator]) => `${part}${separator}`).join(''));

  it('points at the text it reports, in order, without overlaps', () => {
    fc.assert(
      fc.property(text, (value) => {
        const findings = findPersonalData(value, TODAY).filter((finding) =>
          isPersonalCategory(finding.category),
        );
        for (const [index, finding] of findings.entries()) {
          expect(value.slice(finding.start, finding.end)).toBe(finding.text);
          expect(finding.end).toBeGreaterThan(finding.start);
          if (index > 0) expect(finding.start).toBeGreaterThanOrEqual(findings[index - 1]?.end ?? 0);
        }
      }),
    );
  });

  it('finds nothing left once the proposed masks are applied', () => {
    fc.assert(
      fc.property(text, (value) => {
        const once = masked(value, findPersonalData(value, TODAY));
        const left = findPersonalData(once, TODAY).filter((finding) => isPersonalCategory(finding.category));
        expect(left.map((finding) => finding.text)).toEqual([]);
      }),
    );
  });

  it('finds every number it is given between separators', () => {
    fc.assert(
      fc.property(idNumber, mobile, (id, number) => {
        const value = `号码：${id}，电话：${number}。`;
        expect(findPersonalData(value, TODAY).map((finding) => finding.category)).toEqual([
          'resident_id',
          'mobile',
        ]);
      }),
    );
  });
});

describe('dictionary terms (properties)', () => {
  const dictionaries: readonly Dictionary[] = [SAMPLE_DICTIONARY];
  const compiled = compileDictionaries(dictionaries);
  const normalizedTerms = new Set(SAMPLE_DICTIONARY.entries.map((entry) => normalizeTerm(entry.term)));
  const separator = fc.constantFrom('', ' ', '.', '-', '\u200b', '·', '，', '*');
  /** A listed term as someone might type it: some characters full-width or traditional, separators between. */
  const disguisedTerm = fc
    .tuple(
      fc.constantFrom(...SAMPLE_DICTIONARY.entries.map((entry) => entry.term)),
      fc.array(separator, { maxLength: 12 }),
    )
    .map(([term, separators]) =>
      Array.from(term)
        .map((char, index) => `${index > 0 ? (separators[index] ?? '') : ''}${char === '国' ? '國' : char}`)
        .join(''),
    );
  const text = fc
    .array(fc.oneof(filler, disguisedTerm, fc.constantFrom('按', '装', '绝密', '★')), { maxLength: 8 })
    .map((parts) => parts.join(''));

  it('points at original text that normalises to a listed term', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const finding of runChecks(value, { dictionaries: compiled })) {
          if (isPersonalCategory(finding.category) || finding.category === 'uscc') continue;
          expect(value.slice(finding.start, finding.end)).toBe(finding.text);
          expect(normalizedTerms.has(normalizeTerm(finding.text))).toBe(true);
        }
      }),
    );
  });

  it('finds a disguised term wherever it stands', () => {
    fc.assert(
      fc.property(filler, disguisedTerm, filler, (before, term, after) => {
        const value = `${before}。${term}。${after}`;
        const start = before.length + 1;
        const spans = runChecks(value, { dictionaries: compiled }).map((finding) => [
          finding.start,
          finding.end,
        ]);
        expect(spans).toContainEqual([start, start + term.length]);
      }),
    );
  });

  it('returns the findings sorted by offset', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, disguisedTerm, personalData), { maxLength: 8 }), (parts) => {
        const findings = runChecks(parts.join(''), { dictionaries: compiled, today: TODAY });
        const starts = findings.map((finding) => finding.start);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
    );
  });
});

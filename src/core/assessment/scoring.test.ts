import { describe, expect, it } from 'vitest';
import { Invalid } from '../errors.ts';
import {
  defaultRuleSet,
  formatHundredths,
  parseHundredths,
  pointsFor,
  rankScores,
  scoreUnit,
  validateRuleSet,
  type RuleLine,
} from './scoring.ts';

const count = (n: number) => ({ numerator: n, denominator: 1 });
const rate = (part: number, whole: number) => ({ numerator: 100 * part, denominator: whole });

describe('pointsFor', () => {
  const publications: RuleLine = { code: 'publications', weight: 3000, full: 1000, zero: 0 };
  const overdue: RuleLine = { code: 'applications-overdue', weight: 1500, full: 0, zero: 300 };
  const onTime: RuleLine = { code: 'applications-on-time', weight: 2500, full: 10000, zero: 8000 };

  it('gives full marks at and beyond the full threshold, nothing at and beyond zero, linear between', () => {
    expect(pointsFor(publications, count(10))).toBe(3000);
    expect(pointsFor(publications, count(25))).toBe(3000);
    expect(pointsFor(publications, count(0))).toBe(0);
    expect(pointsFor(publications, count(7))).toBe(2100); // 30 × 7/10 = 21
    expect(pointsFor(overdue, count(0))).toBe(1500);
    expect(pointsFor(overdue, count(1))).toBe(1000); // 15 × 2/3 = 10
    expect(pointsFor(overdue, count(3))).toBe(0);
    expect(pointsFor(overdue, count(9))).toBe(0);
  });

  it('rounds half up to a hundredth in exact arithmetic', () => {
    // 7 of 8 on time = 87.5 %: 25 × (87.5 − 80) / 20 = 9.375 → 9.38
    expect(pointsFor(onTime, rate(7, 8))).toBe(938);
    // 2 of 3 = 66.67 % is below the zero line
    expect(pointsFor(onTime, rate(2, 3))).toBe(0);
    // 17 of 19 = 89.47…%: 25 × (89.4736… − 80) / 20 = 11.842… → 11.84
    expect(pointsFor(onTime, rate(17, 19))).toBe(1184);
    // weight 10, 1/3 of the way: 3.333… → 3.33; 2/3: 6.666… → 6.67
    const third: RuleLine = { code: 'trainings', weight: 1000, full: 300, zero: 0 };
    expect(pointsFor(third, count(1))).toBe(333);
    expect(pointsFor(third, count(2))).toBe(667);
  });

  it('gives full weight when nothing was there to assess', () => {
    expect(pointsFor(onTime, null)).toBe(2500);
  });
});

describe('scoreUnit', () => {
  it('sums the rounded points of a hand-computed fixture', () => {
    const rules = validateRuleSet([
      { code: 'publications', weight: 3000, full: 1000, zero: 0 },
      { code: 'applications-on-time', weight: 2500, full: 10000, zero: 8000 },
      { code: 'applications-overdue', weight: 1500, full: 0, zero: 300 },
      { code: 'corrections-on-time', weight: 1500, full: 10000, zero: 5000 },
      { code: 'trainings', weight: 1000, full: 100, zero: 0 },
      { code: 'annual-report-on-time', weight: 500, full: 100, zero: 0 },
    ]);
    const score = scoreUnit(rules, {
      publications: count(7), // 30 × 7/10 = 21.00
      'applications-on-time': rate(7, 8), // 9.38
      'applications-overdue': count(1), // 15 × (3 − 1)/3 = 10.00
      'corrections-on-time': rate(1, 2), // 50 % is the zero line: 0
      trainings: count(0), // 0
      'annual-report-on-time': null, // not assessed: 5
    });
    expect(score.indicators.map((indicator) => indicator.points)).toEqual([2100, 938, 1000, 0, 0, 500]);
    expect(score.score).toBe(4538);
    expect(formatHundredths(score.score)).toBe('45.38');
  });
});

describe('rankScores', () => {
  it('ranks ties alike and skips the places they share (1, 2, 2, 4)', () => {
    const ranked = rankScores([
      { id: 'a', score: 8000 },
      { id: 'b', score: 9000 },
      { id: 'c', score: 7000 },
      { id: 'd', score: 8000 },
    ]);
    expect(ranked.map((entry) => [entry.id, entry.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['d', 2],
      ['c', 4],
    ]);
    expect(rankScores([{ score: 1 }, { score: 1 }, { score: 1 }]).map((entry) => entry.rank)).toEqual([
      1, 1, 1,
    ]);
    expect(rankScores([])).toEqual([]);
  });
});

describe('validateRuleSet', () => {
  const field = (lines: RuleLine[]) => {
    try {
      validateRuleSet(lines);
      return null;
    } catch (error) {
      return [(error as Invalid).field, (error as Invalid).message];
    }
  };

  it('accepts the defaults and asks weights to sum to 100', () => {
    expect(validateRuleSet(defaultRuleSet()).reduce((sum, line) => sum + line.weight, 0)).toBe(10000);
    expect(field([{ code: 'publications', weight: 9000, full: 1000, zero: 0 }])).toEqual([
      'rules',
      '各项指标分值之和须为 100，现为 90',
    ]);
    expect(field([])).toEqual(['rules', '考核细则至少须有一项指标']);
  });

  it('keeps rule sets saved before the content-check and per-column indicators valid, and takes them', () => {
    const before: RuleLine[] = [
      { code: 'publications', weight: 2500, full: 1000, zero: 0 },
      { code: 'applications-on-time', weight: 2000, full: 10000, zero: 8000 },
      { code: 'applications-overdue', weight: 1000, full: 0, zero: 300 },
      { code: 'corrections-on-time', weight: 1000, full: 10000, zero: 5000 },
      { code: 'trainings', weight: 1000, full: 100, zero: 0 },
      { code: 'annual-report-on-time', weight: 500, full: 100, zero: 0 },
      { code: 'columns-stale', weight: 1000, full: 0, zero: 500 },
      { code: 'new-media-zombies', weight: 1000, full: 0, zero: 100 },
    ];
    expect(validateRuleSet(before)).toEqual(before);
    expect(
      validateRuleSet([
        { code: 'columns-published', weight: 4000, full: 1000, zero: 0 },
        { code: 'content-findings', weight: 6000, full: 0, zero: 500 },
      ]).map((line) => line.code),
    ).toEqual(['content-findings', 'columns-published']);
    expect(field([{ code: 'content-findings', weight: 10000, full: 500, zero: 0 }])).toEqual([
      'full.content-findings',
      '指标“已公开信息内容检查问题数”越低越好：满分线须低于零分线',
    ]);
    expect(field([{ code: 'columns-published', weight: 10000, full: 0, zero: 1000 }])).toEqual([
      'full.columns-published',
      '指标“有信息发布的法定栏目数”越高越好：满分线须高于零分线',
    ]);
  });

  it('asks thresholds to follow the indicator direction', () => {
    expect(field([{ code: 'publications', weight: 10000, full: 0, zero: 1000 }])).toEqual([
      'full.publications',
      '指标“主动公开信息发布数”越高越好：满分线须高于零分线',
    ]);
    expect(field([{ code: 'applications-overdue', weight: 10000, full: 300, zero: 0 }])?.[0]).toBe(
      'full.applications-overdue',
    );
  });

  it('reads decimal numbers as hundredths', () => {
    expect(parseHundredths('25', 'weight.x', '分值')).toBe(2500);
    expect(parseHundredths('25.5', 'weight.x', '分值')).toBe(2550);
    expect(parseHundredths(' 0.05 ', 'weight.x', '分值')).toBe(5);
    expect(() => parseHundredths('-1', 'weight.x', '分值')).toThrow(Invalid);
    expect(() => parseHundredths('1.234', 'weight.x', '分值')).toThrow('分值须为不小于 0、至多两位小数的数');
    expect(formatHundredths(2550)).toBe('25.5');
    expect(formatHundredths(5)).toBe('0.05');
  });
});

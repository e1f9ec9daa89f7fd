// Assessment rules (考核细则) and scores. All numbers are integers in hundredths (权重 25.5 is 2550), so
// scoring is exact on every machine:
// - An indicator earns its full weight when its value is at or beyond the full-marks threshold, nothing at
//   or beyond the zero threshold, and in between the weight times the share of the way from zero to full,
//   rounded half up to a hundredth (computed in integers, never in floating point).
// - An indicator without a value (nothing of its kind happened in the period) earns its full weight: a unit
//   is not penalised for having nothing to assess.
// - The score is the sum of the indicators' rounded points; weights sum to 100, so scores run 0–100.
// - Ranking among siblings is competition ranking ("1224"): equal scores share a rank and the next rank
//   skips as many places as shared it.
import { Invalid } from '../errors.ts';
import { INDICATORS, indicatorOf, type IndicatorCode } from './catalogue.ts';

export interface RuleLine {
  readonly code: IndicatorCode;
  /** Hundredths of a point. */
  readonly weight: number;
  /** Thresholds in hundredths of the indicator's unit. */
  readonly full: number;
  readonly zero: number;
}

export type RuleSet = readonly RuleLine[];

/** An exact value in the indicator's unit: numerator / denominator (denominator > 0). */
export interface Measured {
  readonly numerator: number;
  readonly denominator: number;
}

export const TOTAL_WEIGHT = 10_000;

/** Reads '25', '25.5' or '25.50' as hundredths; throws Invalid naming `field` otherwise. */
export function parseHundredths(text: unknown, field: string, label: string): number {
  const value = typeof text === 'string' ? text.trim() : '';
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(value);
  if (match === null)
    throw new Invalid(field, `${label}须为不小于 0、至多两位小数的数，收到：${value || '（空）'}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const cents = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${cents === 0 ? '' : `.${String(cents).padStart(2, '0').replace(/0$/, '')}`}`;
}

/** Checks a rule set: known indicators, each once, thresholds in the indicator's direction, weights sum to 100. */
export function validateRuleSet(lines: readonly RuleLine[]): RuleSet {
  if (lines.length === 0) throw new Invalid('rules', '考核细则至少须有一项指标');
  const seen = new Set<string>();
  let total = 0;
  for (const line of lines) {
    const indicator = indicatorOf(line.code);
    if (indicator === undefined) throw new Invalid('rules', `未知的考核指标：${line.code}`);
    if (seen.has(line.code)) throw new Invalid(`weight.${line.code}`, `指标“${indicator.label}”重复`);
    seen.add(line.code);
    for (const [name, value] of [
      ['weight', line.weight],
      ['full', line.full],
      ['zero', line.zero],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new Invalid(`${name}.${line.code}`, `指标“${indicator.label}”的数值须为不小于 0 的数`);
      }
    }
    if (line.weight === 0) throw new Invalid(`weight.${line.code}`, `指标“${indicator.label}”的分值须大于 0`);
    const ordered = indicator.direction === 'higher' ? line.full > line.zero : line.full < line.zero;
    if (!ordered) {
      throw new Invalid(
        `full.${line.code}`,
        indicator.direction === 'higher'
          ? `指标“${indicator.label}”越高越好：满分线须高于零分线`
          : `指标“${indicator.label}”越低越好：满分线须低于零分线`,
      );
    }
    total += line.weight;
  }
  if (total !== TOTAL_WEIGHT) {
    throw new Invalid('rules', `各项指标分值之和须为 100，现为 ${formatHundredths(total)}`);
  }
  // Catalogue order, so that equal rule sets compare equal.
  return INDICATORS.flatMap((indicator) => lines.filter((line) => line.code === indicator.code));
}

/** The points (hundredths) an indicator earns under its rule line. */
export function pointsFor(line: RuleLine, value: Measured | null): number {
  if (value === null) return line.weight;
  if (!(value.denominator > 0)) throw new RangeError('denominator must be positive');
  // share = (100·N/D − zero) / (full − zero) = (100·N − zero·D) / ((full − zero)·D)
  let numerator = 100n * BigInt(value.numerator) - BigInt(line.zero) * BigInt(value.denominator);
  let denominator = BigInt(line.full - line.zero) * BigInt(value.denominator);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  if (numerator <= 0n) return 0;
  if (numerator >= denominator) return line.weight;
  const scaled = BigInt(line.weight) * numerator;
  return Number((2n * scaled + denominator) / (2n * denominator));
}

export interface IndicatorScore {
  readonly code: IndicatorCode;
  readonly value: Measured | null;
  readonly points: number;
}

export interface UnitScore {
  readonly indicators: readonly IndicatorScore[];
  /** Hundredths. */
  readonly score: number;
}

export function scoreUnit(
  rules: RuleSet,
  values: Readonly<Partial<Record<IndicatorCode, Measured | null>>>,
): UnitScore {
  const indicators = rules.map((line) => {
    const value = values[line.code] ?? null;
    return { code: line.code, value, points: pointsFor(line, value) };
  });
  return { indicators, score: indicators.reduce((sum, indicator) => sum + indicator.points, 0) };
}

/**
 * Competition ranking of scores (hundredths), highest first: 90, 80, 80, 70 rank 1, 2, 2, 4. Entries keep
 * their given order among equal scores.
 */
export function rankScores<T extends { readonly score: number }>(
  entries: readonly T[],
): (T & { rank: number })[] {
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.score - a.entry.score || a.index - b.index);
  let rank = 0;
  return sorted.map(({ entry }, position) => {
    if (position === 0 || (sorted[position - 1] as { entry: T }).entry.score !== entry.score)
      rank = position + 1;
    return { ...entry, rank };
  });
}

/** The value as a decimal for display (two places at most, rounded half up). */
export function formatMeasured(value: Measured): string {
  const hundredths = Math.floor((value.numerator * 200 + value.denominator) / (2 * value.denominator));
  return formatHundredths(hundredths);
}

/** A rule set built from the catalogue's defaults. */
export function defaultRuleSet(): RuleSet {
  return INDICATORS.map((indicator) => ({ code: indicator.code, ...indicator.defaults }));
}

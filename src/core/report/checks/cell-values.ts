// What a single cell may hold. A blank (null) is a printed blank and never a zero; anything that is not
// a finite number of the right kind is unusable in the sums, because its error is already reported.
export type ValueKind = 'count' | 'money' | 'signed';

export type Verdict =
  | { readonly kind: 'ok'; readonly value: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'invalid'; readonly reason: string };

const MAX_MONEY_DECIMALS = 4;

const RULE_TEXT: Readonly<Record<ValueKind, string>> = {
  count: '应为非负整数',
  money: `应为非负金额（最多${MAX_MONEY_DECIMALS}位小数）`,
  signed: '应为整数（可为负数）',
};

export function describeKind(kind: ValueKind): string {
  return RULE_TEXT[kind];
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Math.abs(Number(value.toFixed(decimals)) - value) < 1e-9;
}

export function judgeCell(value: unknown, kind: ValueKind): Verdict {
  if (value === null) return { kind: 'blank' };
  if (typeof value !== 'number') return { kind: 'invalid', reason: '不是数字' };
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: '不是有限数值' };
  switch (kind) {
    case 'count':
      if (!Number.isInteger(value)) return { kind: 'invalid', reason: '不是整数' };
      if (value < 0) return { kind: 'invalid', reason: '为负数' };
      return { kind: 'ok', value };
    case 'signed':
      if (!Number.isInteger(value)) return { kind: 'invalid', reason: '不是整数' };
      return { kind: 'ok', value };
    case 'money':
      if (value < 0) return { kind: 'invalid', reason: '为负数' };
      if (!hasAtMostDecimals(value, MAX_MONEY_DECIMALS)) {
        return { kind: 'invalid', reason: `小数位超过${MAX_MONEY_DECIMALS}位` };
      }
      return { kind: 'ok', value };
  }
}

// Administrative statistics of table 二 (五)(六)(八): decisions counted per year and fees in 万元. Values
// are kept as canonical decimal strings so a fee is never rounded by binary floating point on its way in.
import { Invalid } from '../errors.ts';

export const STATISTIC_KINDS = ['licensing', 'penalty', 'enforcement', 'fees'] as const;
export type StatisticKind = (typeof STATISTIC_KINDS)[number];

/** The row labels of table 二 in the 2021 format. */
export const STATISTIC_KIND_LABELS: Readonly<Record<StatisticKind, string>> = {
  licensing: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费',
};

/** Block and column of table 二 (2021) where each kind is reported. */
export const STATISTIC_CELLS: Readonly<Record<StatisticKind, { block: string; column: string }>> = {
  licensing: { block: '第二十条第（五）项', column: '本年处理决定数量' },
  penalty: { block: '第二十条第（六）项', column: '本年处理决定数量' },
  enforcement: { block: '第二十条第（六）项', column: '本年处理决定数量' },
  fees: { block: '第二十条第（八）项', column: '本年收费金额（单位：万元）' },
};

export function isStatisticKind(value: unknown): value is StatisticKind {
  return typeof value === 'string' && (STATISTIC_KINDS as readonly string[]).includes(value);
}

/** The kind named by its code or its statutory label. */
export function statisticKindOf(text: string): StatisticKind | null {
  const trimmed = text.trim();
  if (isStatisticKind(trimmed)) return trimmed;
  const found = STATISTIC_KINDS.find((kind) => STATISTIC_KIND_LABELS[kind] === trimmed);
  return found ?? null;
}

const MAX_COUNT = 1_000_000_000;

/**
 * The canonical value of an entry: a non-negative whole number of decisions, or a non-negative amount in
 * 万元 with at most four decimal places (trailing zeros dropped). Throws Invalid naming `field`.
 */
export function parseStatisticValue(kind: StatisticKind, raw: string, field = 'value'): string {
  const text = raw.trim().replace(/,/g, '');
  if (kind === 'fees') {
    const match = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(text);
    if (!match) {
      throw new Invalid(field, `收费金额须为不小于 0 的数，以万元计，最多四位小数，收到：“${raw}”`);
    }
    const whole = String(Number(match[1]));
    const fraction = (match[2] ?? '').replace(/0+$/, '');
    return fraction === '' ? whole : `${whole}.${fraction}`;
  }
  if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_COUNT) {
    throw new Invalid(field, `${STATISTIC_KIND_LABELS[kind]}决定数量须为不小于 0 的整数，收到：“${raw}”`);
  }
  return String(Number(text));
}

export interface StatisticEntryFacts {
  readonly id: number;
  readonly year: number;
  readonly kind: StatisticKind;
  readonly value: string;
}

/** The entry in force for each kind: the latest one (highest id) supersedes earlier ones. */
export function currentEntries<T extends StatisticEntryFacts>(
  entries: readonly T[],
  year: number,
): Partial<Record<StatisticKind, T>> {
  const current: Partial<Record<StatisticKind, T>> = {};
  for (const entry of entries) {
    if (entry.year !== year) continue;
    const held = current[entry.kind];
    if (held === undefined || entry.id > held.id) current[entry.kind] = entry;
  }
  return current;
}

/**
 * Table 二 (五)(六)(八) in the interchange shape (2021 labels) with the entry behind every number. A kind
 * with no entry for the year is reported as missing rather than as 0, so the compiler can ask for it.
 */
export function table2StatisticsBlocks(
  entries: readonly StatisticEntryFacts[],
  year: number,
): {
  blocks: Record<string, Record<string, Record<string, number>>>;
  entryIds: Partial<Record<StatisticKind, number>>;
  missing: StatisticKind[];
} {
  const current = currentEntries(entries, year);
  const blocks: Record<string, Record<string, Record<string, number>>> = {};
  const entryIds: Partial<Record<StatisticKind, number>> = {};
  const missing: StatisticKind[] = [];
  for (const kind of STATISTIC_KINDS) {
    const entry = current[kind];
    if (entry === undefined) {
      missing.push(kind);
      continue;
    }
    const { block, column } = STATISTIC_CELLS[kind];
    blocks[block] = { ...blocks[block], [STATISTIC_KIND_LABELS[kind]]: { [column]: Number(entry.value) } };
    entryIds[kind] = entry.id;
  }
  return { blocks, entryIds, missing };
}

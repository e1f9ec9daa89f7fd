// Drill-down of tables 二 and 四: for every number, the records the compiler counted behind it (normative
// documents, administrative statistic entries with their provenance, review and litigation cases), each
// linked to the page where it is kept.
import type { ActingScope } from '../../app-context.ts';
import { NORMATIVE_KINDS, NORMATIVE_KIND_LABELS } from '../../core/records/normative.ts';
import { CASE_KIND_LABELS } from '../../core/records/cases.ts';
import { STATISTIC_CELLS, STATISTIC_KINDS, STATISTIC_KIND_LABELS } from '../../core/records/statistics.ts';
import { TABLE4_COLUMNS } from '../../core/report/format.ts';
import { chinaDate } from '../applications/clock.ts';
import { listUnitCases, listUnitDocuments, listUnitStatistics } from '../records/service.ts';
import type { CompiledReport } from './compile.ts';

export interface DrillRecord {
  /** The compiler's id, e.g. 'document:12', 'item:7', 'statistic:3', 'case:5'. */
  readonly ref: string;
  readonly title: string;
  readonly detail: string;
  readonly href: string | null;
}

export interface DrillCell {
  /** Anchor on the report page. */
  readonly anchor: string;
  readonly table: '二' | '四';
  readonly label: string;
  readonly count: number;
  readonly records: readonly DrillRecord[];
}

const NORMATIVE_COLUMNS = [
  ['issued', '本年制发件数'],
  ['ended', '本年废止件数'],
  ['inForce', '现行有效件数'],
] as const;

type NormativeSources = Partial<
  Record<string, { readonly ids?: Partial<Record<'issued' | 'ended' | 'inForce', readonly string[]>> }>
>;

/** The cells of tables 二 and 四 with the records behind them, in table order. */
export async function drillDown(
  scope: ActingScope,
  unitId: number,
  compiled: CompiledReport,
): Promise<DrillCell[]> {
  const [documents, statistics, cases] = await Promise.all([
    listUnitDocuments(scope, unitId),
    listUnitStatistics(scope, unitId),
    listUnitCases(scope, unitId),
  ]);
  const base = `/admin/records/units/${unitId}`;
  const documentById = new Map(documents.map((document) => [`document:${document.id}`, document]));
  const caseById = new Map(cases.map((record) => [`case:${record.id}`, record]));

  const asDocument = (ref: string): DrillRecord => {
    const document = documentById.get(ref);
    if (document !== undefined) {
      return {
        ref,
        title: document.title,
        detail: `${document.documentNumber}，${document.issuedOn}印发${document.repealedOn === null ? '' : `，${document.repealedOn}废止`}${document.invalidOn === null ? '' : `，${document.invalidOn}失效`}`,
        href: `${base}/documents?edit=${document.id}`,
      };
    }
    const item = /^item:(\d+)$/.exec(ref);
    return item
      ? {
          ref,
          title: `公开事项 ${item[1] ?? ''}`,
          detail: '经本平台发布',
          href: `/admin/publishing/items/${item[1] ?? ''}`,
        }
      : { ref, title: ref, detail: '', href: null };
  };

  const cells: DrillCell[] = [];
  const normative = (compiled.sources.normative ?? {}) as NormativeSources;
  for (const kind of NORMATIVE_KINDS) {
    for (const [key, column] of NORMATIVE_COLUMNS) {
      const refs = normative[kind]?.ids?.[key] ?? [];
      cells.push({
        anchor: `drill-2-${kind}-${key}`,
        table: '二',
        label: `第二十条第（一）项 / ${NORMATIVE_KIND_LABELS[kind]} / ${column}`,
        count: refs.length,
        records: refs.map(asDocument),
      });
    }
  }
  const entryIds = (compiled.sources.statistics ?? {}) as Partial<Record<string, number>>;
  for (const kind of STATISTIC_KINDS) {
    const entry = statistics.find((candidate) => candidate.id === entryIds[kind]);
    const cell = STATISTIC_CELLS[kind];
    cells.push({
      anchor: `drill-2-${kind}`,
      table: '二',
      label: `${cell.block} / ${STATISTIC_KIND_LABELS[kind]} / ${cell.column}`,
      count: entry === undefined ? 0 : 1,
      records:
        entry === undefined
          ? []
          : [
              {
                ref: `statistic:${entry.id}`,
                title: `${entry.year}年${STATISTIC_KIND_LABELS[kind]}：${entry.value}`,
                detail: [
                  entry.source === 'import'
                    ? `导入自 ${entry.fileName ?? ''}（SHA-256 ${entry.fileSha256 ?? ''}）`
                    : '手工录入',
                  `${entry.enteredBy ?? '命令行操作员'}于${chinaDate(entry.enteredAt)}录入`,
                ].join('，'),
                href: `${base}/statistics#statistic-${entry.id}`,
              },
            ],
    });
  }
  compiled.sources.table4.forEach((refs, index) => {
    cells.push({
      anchor: `drill-4-${index}`,
      table: '四',
      label: TABLE4_COLUMNS[index] ?? String(index),
      count: refs.length,
      records: refs.map((ref) => {
        const record = caseById.get(ref);
        return record === undefined
          ? { ref, title: ref, detail: '', href: null }
          : {
              ref,
              title: record.caseNumber,
              detail: `${CASE_KIND_LABELS[record.kind]}，${record.filedOn}立案${record.decidedOn === null ? '' : `，${record.decidedOn}审结`}`,
              href: `${base}/cases?edit=${record.id}`,
            };
      }),
    });
  });
  return cells;
}

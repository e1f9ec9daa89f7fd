// Drafts of the narrative sections 一, 五 and 六, written from the facts in our own wording; the
// disclosure office edits them before publication. Every number in them comes from the records.
import type { SectionId } from '../../core/report/format.ts';

export interface NarrativeFacts {
  readonly agency: string;
  readonly year: number;
  readonly proactiveTotal: number;
  readonly proactiveByKind: Readonly<Record<string, number>>;
  readonly applicationsReceived: number;
  readonly applicationsByChannel: Readonly<Record<string, number>>;
  /** Share of applications answered within the period, 0–1; null when none was measurable. */
  readonly onTimeRate: number | null;
  readonly feesCollectedYuan: number;
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  website: '政府网站',
  'new-media': '政务新媒体',
  'traditional-media': '传统媒体',
  platform: '审批和监管平台',
};

export function draftSections(facts: NarrativeFacts): Partial<Record<SectionId, string>> {
  const channels = Object.entries(facts.applicationsByChannel)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name}${count}件`)
    .join('，');
  const proactive = Object.entries(facts.proactiveByKind)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${KIND_NAMES[kind] ?? kind}${count}条`)
    .join('，');
  const onTime =
    facts.onTimeRate === null
      ? ''
      : `，按期答复率${(facts.onTimeRate * 100).toFixed(1).replace(/\.0$/, '')}%`;
  return {
    一: [
      `${facts.year}年，${facts.agency}依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。`,
      `（一）主动公开。全年主动公开政府信息${facts.proactiveTotal}条${proactive === '' ? '' : `，其中${proactive}`}。`,
      `（二）依申请公开。全年新收政府信息公开申请${facts.applicationsReceived}件${channels === '' ? '' : `，其中${channels}`}${onTime}。`,
    ].join('\n'),
    五: '（待政府信息公开工作机构根据本年度工作情况填写存在的主要问题及改进情况。）',
    六:
      facts.feesCollectedYuan === 0
        ? `本年度未收取政府信息公开信息处理费。`
        : `本年度依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${facts.feesCollectedYuan}元。`,
  };
}

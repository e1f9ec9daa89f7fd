// Drafts of the narrative sections 一, 五 and 六, written from the facts in our own wording; the
// disclosure office edits them before publication. Every number in them comes from the records.
import type { SectionId } from '../../core/report/format.ts';

/**
 * The groups in which a government's report counts its proactive publications: its own website, its own
 * new-media accounts, the new-media accounts of the units under it, traditional media, and the approval
 * and supervision platforms.
 */
export const PROACTIVE_GROUPS = [
  'website',
  'own-new-media',
  'subunit-new-media',
  'traditional',
  'platform',
] as const;
export type ProactiveGroup = (typeof PROACTIVE_GROUPS)[number];

export const PROACTIVE_GROUP_NAMES: Readonly<Record<ProactiveGroup, string>> = {
  website: '政府网站',
  'own-new-media': '本机关政务新媒体',
  'subunit-new-media': '所属部门和街道（乡镇）政务新媒体',
  traditional: '报刊、广播、电视等传统媒体',
  platform: '审批服务和监管平台',
};

export interface NarrativeFacts {
  readonly agency: string;
  readonly year: number;
  readonly proactiveTotal: number;
  readonly proactiveByKind: Readonly<Record<string, number>>;
  readonly proactiveByGroup: Readonly<Record<ProactiveGroup, number>>;
  readonly applicationsReceived: number;
  readonly applicationsByChannel: Readonly<Record<string, number>>;
  /** Share of applications answered within the period, 0–1; null when none was measurable. */
  readonly onTimeRate: number | null;
  readonly feesCollectedYuan: number;
  /** Co-handling tasks (协办) of other agencies' applications this unit answered in the year. */
  readonly assistedOtherAgencies: number;
  readonly trainingSessions: number;
  readonly trainingParticipants: number;
  /** Entered service guide counts (办事指南; 全区通办事项); null when none was entered for the year. */
  readonly serviceGuides: number | null;
  readonly districtWideServices: number | null;
}

/** The ids of the records behind each narrative fact, for drill-down. */
export interface NarrativeFactSources {
  /** Channels counted in each group (null: this platform's own column, counted from published items). */
  readonly proactiveByGroup: Readonly<Record<ProactiveGroup, readonly (number | null)[]>>;
  readonly fees: readonly number[];
  readonly assistance: readonly number[];
  readonly training: readonly number[];
  readonly serviceGuides: readonly number[];
  readonly districtWideServices: readonly number[];
}

export function draftSections(facts: NarrativeFacts): Partial<Record<SectionId, string>> {
  const channels = Object.entries(facts.applicationsByChannel)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name}${count}件`)
    .join('，');
  const proactive = Object.entries(facts.proactiveByGroup)
    .filter(([, count]) => count > 0)
    .map(([group, count]) => `${PROACTIVE_GROUP_NAMES[group as ProactiveGroup]}${count}条`)
    .join('，');
  const onTime =
    facts.onTimeRate === null
      ? ''
      : `，按期答复率${(facts.onTimeRate * 100).toFixed(1).replace(/\.0$/, '')}%`;
  const assisted =
    facts.assistedOtherAgencies > 0
      ? `协助其他行政机关办理政府信息公开申请${facts.assistedOtherAgencies}次。`
      : '';
  const guides = [
    facts.serviceGuides === null ? '' : `编制办事指南${facts.serviceGuides}个`,
    facts.districtWideServices === null ? '' : `梳理“全区通办”事项${facts.districtWideServices}项`,
  ].filter((text) => text !== '');
  const lines = [
    `${facts.year}年，${facts.agency}依照《中华人民共和国政府信息公开条例》做好政府信息公开工作。`,
    `（一）主动公开。全年主动公开政府信息${facts.proactiveTotal}条${proactive === '' ? '' : `，其中${proactive}`}。`,
    `（二）依申请公开。全年新收政府信息公开申请${facts.applicationsReceived}件${channels === '' ? '' : `，其中${channels}`}${onTime}。${assisted}`,
  ];
  if (guides.length > 0) lines.push(`（三）平台建设。${guides.join('，')}。`);
  lines.push(
    facts.trainingSessions === 0
      ? `（四）监督保障。本年度未登记政务公开业务培训。`
      : `（四）监督保障。开展政务公开业务培训${facts.trainingSessions}次，参训${facts.trainingParticipants}人次。`,
  );
  return {
    一: lines.join('\n'),
    五: '（待政府信息公开工作机构根据本年度工作情况填写存在的主要问题及改进情况。）',
    六:
      facts.feesCollectedYuan === 0
        ? `本年度未收取政府信息公开信息处理费。`
        : `本年度依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费${facts.feesCollectedYuan}元。`,
  };
}

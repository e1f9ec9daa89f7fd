// The remedy clause (救济途径) of a reply: administrative reconsideration within 60 days, or a lawsuit
// within 6 months (《中华人民共和国行政诉讼法》第四十六条). Which body hears the reconsideration depends
// on the law in force on the day of the decision: the 2023 revision of 《中华人民共和国行政复议法》
// (in force 2024-01-01) sends a local department's act to the government at the same level; the
// earlier law let the applicant choose between that government and the department one level up.
import type { PlainDate } from '../calendar/plain-date.ts';

/** The day the 2023 revision of the Administrative Reconsideration Law came into force. */
export const RECONSIDERATION_LAW_2023_IN_FORCE: PlainDate = '2024-01-01';

/** The unit kinds that are people's governments (人民政府) of a level. */
const GOVERNMENT_KINDS: ReadonlySet<string> = new Set(['province', 'city', 'county', 'township']);

/** The agency that made the decision, as far as the clause needs it. */
export interface DecidingAgency {
  readonly name: string;
  /** A unit kind: province / city / county / department / street / township / other. */
  readonly kind: string;
  /** A vertically managed body (customs, finance, foreign exchange, tax, state security…). */
  readonly verticallyManaged: boolean;
  /** The unit directly above it, when there is one. */
  readonly parent: { readonly name: string; readonly kind: string } | null;
}

export interface ReconsiderationBody {
  /** Where the applicant applies, as the letter names it. */
  readonly body: string;
  /** The articles that fix the period and the body. */
  readonly articles: string;
}

const NEW_LAW = '《中华人民共和国行政复议法》（2023年修订）';
const OLD_LAW = '《中华人民共和国行政复议法》';

function governmentAbove(agency: DecidingAgency, otherwise: string): string {
  return agency.parent !== null && GOVERNMENT_KINDS.has(agency.parent.kind) ? agency.parent.name : otherwise;
}

function parentOr(agency: DecidingAgency, otherwise: string): string {
  return agency.parent?.name ?? otherwise;
}

/** The reconsideration body under the 2023 revision (decisions from 2024-01-01). */
function underRevisedLaw(agency: DecidingAgency): ReconsiderationBody {
  const cite = (article: string) => `${NEW_LAW}第二十条、${article}`;
  if (agency.verticallyManaged) {
    return { body: parentOr(agency, '上一级主管部门'), articles: cite('第二十七条') };
  }
  switch (agency.kind) {
    case 'province':
      return { body: `本机关（${agency.name}）`, articles: cite('第二十四条第二款') };
    case 'city':
    case 'county':
    case 'township':
      return {
        body: governmentAbove(agency, '上一级人民政府'),
        articles: cite('第二十四条第一款第（二）项'),
      };
    case 'street':
      return {
        body: parentOr(agency, '设立该派出机关的人民政府'),
        articles: cite('第二十四条第一款第（三）项'),
      };
    case 'department':
      return { body: governmentAbove(agency, '本级人民政府'), articles: cite('第二十四条第一款第（一）项') };
    default:
      return { body: '有管辖权的行政复议机关', articles: `${NEW_LAW}第二十条` };
  }
}

/** The reconsideration body under the law before the 2023 revision (decisions up to 2023-12-31). */
function underFormerLaw(agency: DecidingAgency): ReconsiderationBody {
  const cite = (article: string) => `${OLD_LAW}第九条、${article}`;
  if (agency.verticallyManaged) {
    return { body: parentOr(agency, '上一级主管部门'), articles: cite('第十二条第二款') };
  }
  switch (agency.kind) {
    case 'province':
      return { body: `本机关（${agency.name}）`, articles: cite('第十四条') };
    case 'city':
    case 'county':
    case 'township':
      return { body: governmentAbove(agency, '上一级地方人民政府'), articles: cite('第十三条第一款') };
    case 'street':
      return {
        body: parentOr(agency, '设立该派出机关的人民政府'),
        articles: cite('第十五条第一款第（一）项'),
      };
    case 'department':
      // The applicant chooses (Art. 12 of the former law).
      return {
        body: `${governmentAbove(agency, '本级人民政府')}或者上一级主管部门`,
        articles: cite('第十二条第一款'),
      };
    default:
      return { body: '有管辖权的行政复议机关', articles: `${OLD_LAW}第九条` };
  }
}

/** The body that hears a reconsideration of the agency's decision made on `decidedOn`. */
export function reconsiderationBody(agency: DecidingAgency, decidedOn: PlainDate): ReconsiderationBody {
  return decidedOn >= RECONSIDERATION_LAW_2023_IN_FORCE ? underRevisedLaw(agency) : underFormerLaw(agency);
}

/** The remedy clause printed in a reply letter. */
export function remedyClause(agency: DecidingAgency, decidedOn: PlainDate): string {
  const { body, articles } = reconsiderationBody(agency, decidedOn);
  return (
    `如对本答复不服，可以依照${articles}的规定，自收到本答复之日起六十日内向${body}申请行政复议；` +
    '也可以依照《中华人民共和国行政诉讼法》第四十六条的规定，自收到本答复之日起六个月内向人民法院提起行政诉讼。'
  );
}

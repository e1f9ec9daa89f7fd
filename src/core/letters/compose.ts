// Composing a letter: the values of every placeholder from the application, the issuing agency, the
// issuer's kind-specific entries and (for a reply) the decision; then the template filled with them.
import { compareDates, type PlainDate } from '../calendar/plain-date.ts';
import { findOutcome } from '../disclosure/outcomes.ts';
import { Invalid } from '../errors.ts';
import { decisionOpinion, type DecisionDetails } from './decision-opinion.ts';
import { LETTER_KIND_SPECS, systemPlaceholders, type LetterKind } from './kinds.ts';
import { chineseDate, printedValue } from './numbering.ts';
import { remedyClause, type DecidingAgency } from './remedy.ts';
import { fillTemplate, placeholdersIn } from './template.ts';

export interface LetterDecision extends DecisionDetails {
  readonly outcomeCode: string;
  readonly decidedOn: PlainDate;
}

/** What the letter is about, as the issuer gives it. */
export interface LetterFacts {
  /** The applicant's name in clear, or the consulted third party or agency. */
  readonly addressee: string;
  readonly queryCode: string;
  readonly receivedOn: PlainDate;
  /** The description of the information sought. */
  readonly request: string;
  /** Kind-specific placeholders by name (e.g. 补正事项); a value 'YYYY-MM-DD' prints as a date. */
  readonly values: Readonly<Record<string, string>>;
  readonly decision?: LetterDecision;
}

export interface LetterInput {
  readonly kind: LetterKind;
  readonly issuedOn: PlainDate;
  readonly agency: DecidingAgency;
  /** The disclosure office's contact details on one line (may be empty). */
  readonly contact: string;
  readonly facts: LetterFacts;
}

export interface PreparedLetter {
  readonly title: string;
  readonly addressee: string;
  /** Every placeholder's value except 文号, which is known only once the letter is numbered. */
  readonly values: Readonly<Record<string, string>>;
}

const MAX_EXTENSION_WORKDAYS = 20;

function required(value: string, field: string, message: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new Invalid(field, message);
  return trimmed;
}

/** The request on one line, without a closing full stop (it is quoted inside a sentence). */
function requestText(request: string): string {
  return request
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.]+$/, '');
}

function inputValues(kind: LetterKind, given: Readonly<Record<string, string>>): Record<string, string> {
  const spec = LETTER_KIND_SPECS[kind];
  const system = systemPlaceholders(kind);
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    // The system's own value wins (e.g. 征求对象 is the addressee).
    if (system.includes(name)) continue;
    if (!spec.inputs.includes(name)) {
      const allowed = spec.inputs.length === 0 ? '无' : spec.inputs.join('、');
      throw new Invalid(name, `“${name}”不是“${spec.label}”的填写项（可填写：${allowed}）`);
    }
    if (value.trim() !== '') values[name] = printedValue(value, name);
  }
  const days = values['延长工作日数'];
  if (days !== undefined && !(/^\d{1,2}$/.test(days) && Number(days) >= 1 && Number(days) <= 20)) {
    throw new Invalid(
      '延长工作日数',
      `“延长工作日数”应为 1 至 ${MAX_EXTENSION_WORKDAYS} 之间的整数（《中华人民共和国政府信息公开条例》第三十三条第一款）`,
    );
  }
  return values;
}

function decisionValues(input: LetterInput): Record<string, string> {
  const decision = input.facts.decision;
  if (decision === undefined) throw new Invalid('decision', '答复书须依据已作出的答复决定签发');
  const outcome = findOutcome(decision.outcomeCode);
  if (outcome === undefined) {
    throw new Invalid('outcomeCode', `未知的答复结果：${JSON.stringify(decision.outcomeCode)}`);
  }
  chineseDate(decision.decidedOn, 'decidedOn');
  return {
    答复意见: decisionOpinion(outcome, decision),
    法律依据: outcome.ground,
    救济途径: remedyClause(input.agency, decision.decidedOn),
  };
}

/**
 * Checks the facts against the kind and the template in force and computes every value the template
 * needs. Throws Invalid naming the missing or wrong entry; nothing is numbered before this passes.
 */
export function prepareLetter(input: LetterInput, template: string): PreparedLetter {
  const { kind, facts } = input;
  const spec = LETTER_KIND_SPECS[kind];
  const addressee = required(
    facts.addressee,
    'addressee',
    spec.toApplicant ? '文书须写明申请人姓名或者名称' : '征求意见书须写明被征求意见的第三方或者机关',
  );
  const receivedOn = chineseDate(facts.receivedOn, 'receivedOn');
  const issuedOn = chineseDate(input.issuedOn, 'issuedOn');
  if (compareDates(input.issuedOn, facts.receivedOn) < 0) {
    throw new Invalid('issuedOn', `发文日期（${issuedOn}）不能早于收到申请的日期（${receivedOn}）`);
  }
  const request = requestText(required(facts.request, 'request', '文书须写明申请获取的政府信息'));
  const values: Record<string, string> = {
    机关名称: input.agency.name,
    发文日期: issuedOn,
    收到日期: receivedOn,
    申请内容: request,
    联系方式: input.contact,
    ...(spec.toApplicant ? { 申请人: addressee, 查询码: facts.queryCode } : { 征求对象: addressee }),
    ...inputValues(kind, facts.values),
    ...(kind === 'decision' ? decisionValues(input) : {}),
  };
  const missing = placeholdersIn(template).find((name) => name !== '文号' && values[name] === undefined);
  if (missing !== undefined) throw new Invalid(missing, `签发“${spec.label}”须填写“${missing}”`);
  return { title: spec.title, addressee, values };
}

/** The letter's text: the template filled with the prepared values and the number. */
export function composeLetter(template: string, prepared: PreparedLetter, number: string | null): string {
  return fillTemplate(template, number === null ? prepared.values : { ...prepared.values, 文号: number });
}

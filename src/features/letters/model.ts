// Letters and notices as the letters feature stores, lists and prints them.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { LetterFacts } from '../../core/letters/compose.ts';
import type { LetterKind } from '../../core/letters/kinds.ts';

export type { LetterDecision, LetterFacts } from '../../core/letters/compose.ts';
export type { LetterKind } from '../../core/letters/kinds.ts';

/** How a letter reached its addressee. */
export const DELIVERY_METHODS = ['邮寄', '电子邮件', '当面领取', '传真', '在线查阅'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export function isDeliveryMethod(value: unknown): value is DeliveryMethod {
  return typeof value === 'string' && (DELIVERY_METHODS as readonly string[]).includes(value);
}

export interface IssueLetterInput {
  readonly applicationId: number;
  /** The unit that signs and numbers the letter. */
  readonly unitId: number;
  readonly kind: LetterKind;
  readonly issuedOn: PlainDate;
  readonly issuedBy: number | null;
  readonly facts: LetterFacts;
}

export interface IssuedLetter {
  readonly id: number;
  readonly number: string | null;
  readonly title: string;
}

/** A letter in a list: nothing personal (the addressee and the text stay sealed). */
export interface LetterSummary {
  readonly id: number;
  readonly applicationId: number;
  readonly kind: LetterKind;
  readonly title: string;
  readonly number: string | null;
  readonly issuedOn: PlainDate;
  readonly deliveredOn: PlainDate | null;
  readonly deliveryMethod: string | null;
}

/** A letter as the repo returns it: the addressee and the text still sealed. */
export interface StoredLetter extends LetterSummary {
  readonly unitId: number | null;
  readonly agencyName: string | null;
  readonly contact: string | null;
  readonly sealedAddressee: string | null;
  readonly sealedBody: string;
  readonly issuedBy: number | null;
  readonly deliveredBy: number | null;
}

/** A letter opened for printing: everything the page and the Word file show. */
export interface LetterDocument {
  readonly id: number;
  readonly kind: LetterKind;
  readonly title: string;
  readonly number: string | null;
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  readonly agencyName: string;
  readonly issuedOn: PlainDate;
  /** The disclosure office's contact details, one item a line. */
  readonly contactLines: readonly string[];
}

/** Where the template in force for a unit and kind comes from. */
export type TemplateSource =
  | { readonly type: 'own' }
  | { readonly type: 'inherited'; readonly unitId: number; readonly unitName: string }
  | { readonly type: 'default' };

export interface TemplateInForce {
  readonly kind: LetterKind;
  readonly body: string;
  readonly source: TemplateSource;
}

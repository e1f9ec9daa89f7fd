// Items of proactive disclosure as the feature's code sees them: catalogue metadata, state and review.
import type { SubColumn } from '../../core/publishing/categories.ts';
import type { ItemStatus, Validity } from '../../core/publishing/metadata.ts';
import type { ReviewStage } from '../../core/publishing/review-chain.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';

/** What an editor writes: everything but the system's numbers and dates. */
export interface ItemContent {
  readonly subColumn: SubColumn;
  readonly categoryCode: string | null;
  readonly subcategoryId: number | null;
  readonly title: string;
  readonly summary: string;
  /** The text of the body: as written for plain text, the text content of `bodyHtml` for rich text. */
  readonly body: string;
  /** The sanitised HTML of a rich-text body, or null for a plain-text one. */
  readonly bodyHtml: string | null;
  readonly documentNumber: string | null;
  readonly writtenOn: PlainDate | null;
  readonly genre: string | null;
  readonly keywords: string | null;
  readonly validity: Validity | null;
  readonly effectiveOn: PlainDate | null;
  readonly invalidOn: PlainDate | null;
  readonly disclosureMethod: string;
  readonly disclosurePeriod: string;
  readonly format: string;
}

export interface Item extends ItemContent {
  readonly id: number;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly unitKind: string;
  readonly unitCode: string | null;
  readonly status: ItemStatus;
  readonly version: number;
  readonly round: number;
  readonly chain: readonly ReviewStage[] | null;
  readonly submittedBy: number | null;
  readonly assigneeId: number | null;
  readonly indexNumber: string | null;
  readonly publishedYear: number | null;
  readonly serial: number | null;
  readonly publishedAt: Date | null;
  readonly publishedOn: PlainDate | null;
  readonly correctedOn: PlainDate | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawnReason: string | null;
  readonly subcategoryName: string | null;
  /** The Art. 44 draft the item was made from. */
  readonly draftId: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ReviewRecord {
  readonly round: number;
  readonly stage: ReviewStage;
  readonly decision: 'approve' | 'return';
  readonly comment: string | null;
  readonly reviewerId: number | null;
  readonly reviewerName: string | null;
  readonly decidedAt: Date;
}

export interface OverrideRecord {
  readonly findingKey: string;
  readonly reason: string;
  readonly decidedBy: number | null;
  readonly decidedAt: Date;
}

export interface Subcategory {
  readonly id: number;
  readonly unitId: number;
  readonly parentCode: string;
  readonly name: string;
}

/** One line of a public list. */
export interface PublishedSummary {
  readonly id: number;
  readonly title: string;
  readonly indexNumber: string;
  readonly publishedOn: PlainDate;
  readonly writtenOn: PlainDate | null;
  readonly summary: string;
  readonly categoryCode: string | null;
  readonly publishedYear: number;
  readonly serial: number;
}

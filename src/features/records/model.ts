// What the records feature hands out: rows of the three registers, read through the repo.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { CaseKind, CaseResult } from '../../core/records/cases.ts';
import type { NormativeKind } from '../../core/records/normative.ts';
import type { StatisticKind } from '../../core/records/statistics.ts';

export interface RecordsUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export interface NormativeDocument {
  readonly id: number;
  readonly unitId: number;
  readonly kind: NormativeKind;
  readonly title: string;
  readonly documentNumber: string;
  readonly issuingUnit: string;
  readonly issuedOn: PlainDate;
  readonly repealedOn: PlainDate | null;
  readonly invalidOn: PlainDate | null;
}

export type StatisticSource = 'form' | 'import';

export interface StatisticEntry {
  readonly id: number;
  readonly unitId: number;
  readonly year: number;
  readonly kind: StatisticKind;
  readonly value: string;
  readonly source: StatisticSource;
  readonly fileName: string | null;
  readonly fileSha256: string | null;
  /** The account that entered it (its user name), or null for the command line. */
  readonly enteredBy: string | null;
  readonly enteredAt: Date;
}

export interface ReviewCase {
  readonly id: number;
  readonly unitId: number;
  readonly kind: CaseKind;
  readonly applicationId: number | null;
  readonly applicationQueryCode: string | null;
  readonly caseNumber: string;
  readonly filedOn: PlainDate;
  readonly decidedOn: PlainDate | null;
  readonly result: CaseResult;
}

import type { IndicatorCode } from '../../core/assessment/catalogue.ts';
import type { Measured, RuleSet } from '../../core/assessment/scoring.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';

export interface AssessmentUnit {
  readonly id: number;
  readonly name: string;
  readonly path: string;
}

export interface RuleSetVersion {
  readonly id: number;
  readonly unitId: number;
  readonly version: number;
  readonly rules: RuleSet;
  readonly createdAt: Date;
}

/** A record behind an indicator value; `ok` says whether it counted in the unit's favour (on time, …). */
export interface RecordRef {
  readonly kind: 'item' | 'application' | 'correction' | 'training' | 'annual-report' | 'column' | 'account';
  /** The record's id (0 for a column, which has a key instead). */
  readonly id: number;
  /** What to call it when its id says nothing (a column's name, an account's name). */
  readonly label?: string;
  /** The date that placed it in the period (a column: its last publication in the period, or the end). */
  readonly on: PlainDate;
  /** How many records it stands for (a column: the items published in it during the period). */
  readonly count?: number;
  readonly ok: boolean;
  /** The unit whose page holds it (the organiser of a training, the reporting unit of a report). */
  readonly unitId: number;
}

export interface IndicatorDetail {
  readonly code: IndicatorCode;
  readonly value: Measured | null;
  readonly points: number;
  readonly records: readonly RecordRef[];
}

export interface ScoreRow {
  readonly unitId: number;
  readonly unitName: string;
  readonly score: number;
  readonly rank: number;
  readonly indicators: readonly IndicatorDetail[];
}

export interface AssessmentRun {
  readonly id: number;
  readonly unitId: number;
  readonly period: string;
  readonly ruleSet: RuleSetVersion;
  readonly asOf: PlainDate;
  readonly computedAt: Date;
  /** Ranked, best first. */
  readonly scores: readonly ScoreRow[];
}

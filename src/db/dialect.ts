// Dialect differences live here and only here.
import type { ColumnDataType, Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.ts';

export type DialectName = DatabaseConfig['kind'];

export interface ColumnTypes {
  readonly timestamp: ColumnDataType;
  readonly json: ColumnDataType;
}

export function columnTypes(dialect: DialectName): ColumnTypes {
  return dialect === 'postgres'
    ? { timestamp: 'timestamptz', json: 'jsonb' }
    : { timestamp: 'text', json: 'text' };
}

/** Kysely hands migrations a Kysely<any>; the dialect name travels beside it. */
export interface MigrationContext {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was then
  readonly db: Kysely<any>;
  readonly dialect: DialectName;
  readonly types: ColumnTypes;
}

export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The value to store in a timestamp column of this dialect. */
export function fromDate(dialect: DialectName, value: Date): string | Date {
  return dialect === 'postgres' ? value : value.toISOString();
}

// Dialect differences live here and only here.
import { sql, type ColumnDataType, type CreateTableBuilder, type Kysely } from 'kysely';
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

/** Adds an auto-incrementing integer primary key named `id`. */
export function addIdColumn<T extends string>(
  table: CreateTableBuilder<T>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (col) => col.primaryKey())
    : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}

/** The default value of a timestamp column: now, in the dialect's storage form. */
export function nowDefault(dialect: DialectName) {
  return dialect === 'postgres' ? sql`now()` : sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
}

// Use cases of the deployment's check dictionaries: loading them for the checks (cached by version),
// the admin's list, entry changes, CSV import (previewed, then all or nothing) and export. Every change
// bumps the version in its transaction and writes its audit entry there; the re-scan job (rescan.ts)
// notices the new version. The dictionaries start from the shipped sample the first time they are used.
import type { Transaction } from 'kysely';
import type { ActingScope } from '../../app-context.ts';
import {
  DICTIONARY_CATEGORIES,
  parseDictionaryEntry,
  SAMPLE_DICTIONARY,
  type Dictionary,
  type DictionaryEntry,
  type RawEntry,
} from '../../core/checks/index.ts';
import { diffDictionaries, duplicateEntries } from '../../core/checks/dictionary-diff.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import type { DialectName } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { dialectOf } from '../corrections/repo.ts';
import { findLease } from '../jobs/repo.ts';
import type { JobLease } from '../jobs/model.ts';
import { dictionaryToCsv, parseDictionaryCsv } from './csv.ts';
import {
  SCAN_JOB_NAME,
  type DictionaryState,
  type EntryFilter,
  type ImportPreview,
  type ScanProgress,
  type StoredEntry,
} from './model.ts';
import { authorizeDictionaries } from './policy.ts';
import {
  bumpVersion,
  deleteAllEntries,
  deleteEntry,
  findEntry,
  findEntryId,
  findScan,
  findState,
  insertEntries,
  insertState,
  listEntries,
  updateEntry,
} from './repo.ts';

export const DEPLOYMENT_DICTIONARY_NAME = '本部署词库';
/** Largest CSV file an import takes (a dictionary of some 30,000 entries). */
export const MAX_DICTIONARY_CSV_BYTES = 1024 * 1024;

/** Seeds the dictionaries from the shipped sample when they have never been used; returns the state. */
async function ensureSeeded(executor: Executor, now: Date): Promise<DictionaryState> {
  const state = await findState(executor);
  if (state !== null) return state;
  return inTransaction(executor, async (trx) => {
    const dialect = dialectOf(trx);
    if (await insertState(trx, dialect, true, now)) {
      await insertEntries(trx, dialect, SAMPLE_DICTIONARY.entries, null, now);
      await recordAudit(
        trx,
        {
          actor: null,
          address: null,
          action: 'dictionary.seed',
          objectType: 'dictionary',
          objectId: 1,
          details: { entries: SAMPLE_DICTIONARY.entries.length, source: SAMPLE_DICTIONARY.name },
        },
        now,
      );
    }
    const seeded = await findState(trx);
    if (seeded === null) throw new Error('dictionary_state row missing after seeding');
    return seeded;
  });
}

function plain(entry: DictionaryEntry): DictionaryEntry {
  return {
    term: entry.term,
    category: entry.category,
    severity: entry.severity,
    ...(entry.suggestion === undefined ? {} : { suggestion: entry.suggestion }),
    ...(entry.note === undefined ? {} : { note: entry.note }),
  };
}

const cache = new WeakMap<object, { version: number; dictionaries: readonly Dictionary[] }>();

/** The dictionaries with the version they are at (seeding them if never used), cached by version. */
export async function loadVersionedDictionaries(
  db: Executor,
  now = new Date(),
): Promise<{ version: number; dictionaries: readonly Dictionary[] }> {
  const { version } = await ensureSeeded(db, now);
  const cached = cache.get(db);
  if (cached !== undefined && cached.version === version) return cached;
  // Version and entries read together, so a change committed in between cannot pair old with new.
  const loaded = await inTransaction(db, async (trx) => {
    const state = await findState(trx);
    const entries = await listEntries(trx);
    return { version: state?.version ?? version, entries: entries.map(plain) };
  });
  const fresh = {
    version: loaded.version,
    dictionaries: [{ name: DEPLOYMENT_DICTIONARY_NAME, entries: loaded.entries }] as readonly Dictionary[],
  };
  if (!db.isTransaction) cache.set(db, fresh);
  return fresh;
}

/**
 * The deployment's dictionaries for runChecks (core/checks), read again only when the version changed:
 * the same array comes back while the version stands, so runChecks compiles its matcher once per version.
 * Pass the database (not a transaction) to benefit from the cache.
 */
export async function loadDictionaries(db: Executor, now = new Date()): Promise<readonly Dictionary[]> {
  return (await loadVersionedDictionaries(db, now)).dictionaries;
}

/**
 * The deployment's dictionaries as they stand, for a reader that must not write (the command line):
 * null while they were never used, which means the shipped sample (the first use seeds them with it).
 */
export async function readStoredDictionaries(db: Executor): Promise<readonly Dictionary[] | null> {
  if ((await findState(db)) === null) return null;
  const entries = await listEntries(db);
  return [{ name: DEPLOYMENT_DICTIONARY_NAME, entries: entries.map(plain) }];
}

/** The version the dictionaries are at (seeding them if never used). */
export async function dictionaryVersion(db: Executor, now = new Date()): Promise<number> {
  return (await ensureSeeded(db, now)).version;
}

export interface DictionaryOverview {
  readonly state: DictionaryState;
  readonly entries: readonly StoredEntry[];
  readonly total: number;
  readonly filter: EntryFilter;
  readonly scan: ScanProgress | null;
  readonly lease: JobLease | null;
}

function cleanFilter(query: Readonly<Record<string, unknown>>): EntryFilter {
  const text = (name: string) => (typeof query[name] === 'string' ? query[name].trim() : '');
  const category = text('category');
  const severity = text('severity');
  const search = text('q').slice(0, 100);
  return {
    ...((DICTIONARY_CATEGORIES as readonly string[]).includes(category) ? { category } : {}),
    ...(severity === 'error' || severity === 'warning' ? { severity } : {}),
    ...(search === '' ? {} : { text: search }),
  };
}

export async function getDictionaryOverview(
  scope: ActingScope,
  query: Readonly<Record<string, unknown>> = {},
  now = new Date(),
): Promise<DictionaryOverview> {
  authorizeDictionaries(scope.actor);
  const { db } = scope.context.database;
  const state = await ensureSeeded(db, now);
  const filter = cleanFilter(query);
  const [entries, all, scan, lease] = await Promise.all([
    listEntries(db, filter),
    listEntries(db),
    findScan(db),
    findLease(db, SCAN_JOB_NAME),
  ]);
  return { state, entries, total: all.length, filter, scan, lease };
}

export async function getEntry(scope: ActingScope, id: number): Promise<StoredEntry> {
  authorizeDictionaries(scope.actor);
  const entry = await findEntry(scope.context.database.db, id);
  if (entry === null) throw new NotFound('未找到该词条');
  return entry;
}

function entryFrom(form: Readonly<Record<string, unknown>>): DictionaryEntry {
  const raw: RawEntry = {};
  for (const field of ['term', 'category', 'severity', 'suggestion', 'note'] as const) {
    const value = form[field];
    if (typeof value === 'string') raw[field] = value;
  }
  const result = parseDictionaryEntry(raw);
  if (!result.ok) {
    const [first] = result.problems;
    throw new Invalid(first?.field ?? 'term', first?.message ?? '词条有误');
  }
  return result.entry;
}

/** One change: policy first, the version bump as the first write, the audit entry last. */
async function change<T>(
  scope: ActingScope,
  now: Date,
  work: (trx: Transaction<Database>, dialect: DialectName, version: number) => Promise<T>,
): Promise<T> {
  authorizeDictionaries(scope.actor);
  const { db } = scope.context.database;
  await ensureSeeded(db, now);
  return inTransaction(db, async (trx) => {
    const dialect = dialectOf(trx);
    const version = await bumpVersion(trx, dialect, now);
    return work(trx, dialect, version);
  });
}

function userIdOf(scope: ActingScope): number | null {
  return scope.actor.kind === 'staff' ? scope.actor.userId : null;
}

async function refuseDuplicate(trx: Executor, entry: DictionaryEntry, exceptId: number | null) {
  const existing = await findEntryId(trx, entry.category, entry.term);
  if (existing !== null && existing !== exceptId) {
    throw new Invalid('term', `该类别下已有词条“${entry.term}”`);
  }
}

export async function addEntry(
  scope: ActingScope,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<{ id: number; version: number }> {
  authorizeDictionaries(scope.actor);
  const entry = entryFrom(form);
  return change(scope, now, async (trx, dialect, version) => {
    await refuseDuplicate(trx, entry, null);
    const [id] = await insertEntries(trx, dialect, [entry], userIdOf(scope), now);
    if (id === undefined) throw new Error('dictionary entry not inserted');
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'dictionary.add',
        objectType: 'dictionary-entry',
        objectId: id,
        details: { version, entry },
      },
      now,
    );
    return { id, version };
  });
}

export async function editEntry(
  scope: ActingScope,
  id: number,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<{ version: number }> {
  authorizeDictionaries(scope.actor);
  const entry = entryFrom(form);
  return change(scope, now, async (trx, dialect, version) => {
    const before = await findEntry(trx, id);
    if (before === null) throw new NotFound('未找到该词条');
    await refuseDuplicate(trx, entry, id);
    await updateEntry(trx, dialect, id, entry, userIdOf(scope), now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'dictionary.update',
        objectType: 'dictionary-entry',
        objectId: id,
        details: { version, before: plain(before), after: entry },
      },
      now,
    );
    return { version };
  });
}

export async function removeEntry(
  scope: ActingScope,
  id: number,
  now = new Date(),
): Promise<{ version: number }> {
  return change(scope, now, async (trx, _dialect, version) => {
    const before = await findEntry(trx, id);
    if (before === null) throw new NotFound('未找到该词条');
    await deleteEntry(trx, id);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'dictionary.delete',
        objectType: 'dictionary-entry',
        objectId: id,
        details: { version, entry: plain(before) },
      },
      now,
    );
    return { version };
  });
}

function decodeCsv(data: Buffer): string {
  if (data.length > MAX_DICTIONARY_CSV_BYTES) {
    throw new Invalid('file', `文件不能超过 ${MAX_DICTIONARY_CSV_BYTES / 1024 / 1024}MB`);
  }
  const text = data.toString('utf8');
  if (text.includes('\uFFFD'))
    throw new Invalid('file', '文件不是 UTF-8 编码的 CSV，请另存为“CSV UTF-8”后再导入');
  return text;
}

function previewOf(
  fileName: string,
  csv: string,
  version: number,
  current: readonly DictionaryEntry[],
): ImportPreview {
  const parsed = parseDictionaryCsv(csv, fileName);
  const listProblems = parsed.problems.length > 0 ? [] : duplicateEntries(parsed.dictionary.entries);
  const ok = parsed.problems.length === 0 && listProblems.length === 0;
  return {
    fileName,
    csv,
    version,
    problems: parsed.problems,
    listProblems,
    diff: ok ? diffDictionaries(current, parsed.dictionary.entries) : null,
  };
}

/** What importing the file would change (the file replaces the whole dictionary), or its problems. */
export async function previewImport(
  scope: ActingScope,
  upload: { readonly fileName: string; readonly data: Buffer } | undefined,
  now = new Date(),
): Promise<ImportPreview> {
  authorizeDictionaries(scope.actor);
  if (upload === undefined) throw new Invalid('file', '请选择要导入的 CSV 文件');
  const csv = decodeCsv(upload.data);
  const { db } = scope.context.database;
  const state = await ensureSeeded(db, now);
  const current = (await listEntries(db)).map(plain);
  return previewOf(upload.fileName, csv, state.version, current);
}

export interface ImportResult {
  readonly version: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
}

/**
 * Replaces the dictionary with the previewed file, all or nothing. Refused when the dictionary changed
 * since the preview (the preview would no longer say what happens) or when the file has problems.
 */
export async function applyImport(
  scope: ActingScope,
  form: Readonly<Record<string, unknown>>,
  now = new Date(),
): Promise<ImportResult> {
  authorizeDictionaries(scope.actor);
  const csv = typeof form.csv === 'string' ? form.csv : '';
  const fileName = typeof form.fileName === 'string' ? form.fileName.slice(0, 200) : '';
  const previewed = Number(typeof form.version === 'string' ? form.version : NaN);
  if (csv === '') throw new Invalid('file', '请选择要导入的 CSV 文件');
  decodeCsv(Buffer.from(csv, 'utf8'));
  return change(scope, now, async (trx, dialect, version) => {
    if (version !== previewed + 1) {
      throw new Conflict('预览之后词库已被修改，请重新上传文件预览后再导入');
    }
    const current = (await listEntries(trx)).map(plain);
    const preview = previewOf(fileName, csv, previewed, current);
    if (preview.diff === null) {
      throw new Invalid('file', '文件有误，未导入任何词条');
    }
    const parsed = parseDictionaryCsv(csv, fileName).dictionary.entries;
    await deleteAllEntries(trx);
    await insertEntries(trx, dialect, parsed, userIdOf(scope), now);
    const result = {
      version,
      added: preview.diff.added.length,
      removed: preview.diff.removed.length,
      changed: preview.diff.changed.length,
    };
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'dictionary.import',
        objectType: 'dictionary',
        objectId: 1,
        details: { ...result, fileName, entries: parsed.length },
      },
      now,
    );
    return result;
  });
}

/** The whole dictionary as CSV (Chinese headers), the form the import reads back unchanged. */
export async function exportDictionary(scope: ActingScope, now = new Date()): Promise<string> {
  authorizeDictionaries(scope.actor);
  const dictionaries = await loadDictionaries(scope.context.database.db, now);
  return dictionaryToCsv({
    name: DEPLOYMENT_DICTIONARY_NAME,
    entries: dictionaries.flatMap((dictionary) => dictionary.entries),
  });
}

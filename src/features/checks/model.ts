// The deployment's check dictionaries as stored: entries with an id, one version number for all of them,
// and the progress of the re-scan of published items that each new version starts.
import type { DictionaryEntry } from '../../core/checks/index.ts';
import type { DictionaryDiff } from '../../core/checks/dictionary-diff.ts';
import type { CsvProblem } from './csv.ts';

export interface StoredEntry extends DictionaryEntry {
  readonly id: number;
  readonly updatedAt: Date;
}

export interface DictionaryState {
  readonly version: number;
  /** The dictionaries started from the sample shipped with the software. */
  readonly seededFromSample: boolean;
}

export interface ScanProgress {
  readonly targetVersion: number;
  readonly lastItemId: number;
  readonly total: number;
  readonly checked: number;
  readonly tasksOpened: number;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

export interface EntryFilter {
  readonly category?: string;
  readonly severity?: string;
  /** Part of the term, suggestion or note. */
  readonly text?: string;
}

/** What an import would do, shown before it is confirmed; problems stop it as a whole. */
export interface ImportPreview {
  readonly fileName: string;
  readonly csv: string;
  /** The dictionary version the preview was computed against: the confirmation refuses another. */
  readonly version: number;
  readonly problems: readonly CsvProblem[];
  /** Further problems of the list as a whole (repeated terms), zh-CN. */
  readonly listProblems: readonly string[];
  readonly diff: DictionaryDiff | null;
}

export const SCAN_JOB_NAME = 'dictionary-rescan';

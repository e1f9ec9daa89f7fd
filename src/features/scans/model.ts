// The internal scans of published items: personal data left in title, summary or body (privacy-scan), and
// links inside the platform that lead nowhere (dead-link). Each opens correction tasks like a public 纠错.

export const PRIVACY_SCAN = 'privacy-scan';
export const DEAD_LINK_SCAN = 'dead-link-scan';
export type ScanName = typeof PRIVACY_SCAN | typeof DEAD_LINK_SCAN;

/**
 * The version of the personal-data detectors (core/checks). Raise it whenever a detector is added or
 * made stricter: the privacy scan then walks every published item again.
 */
export const PRIVACY_DETECTOR_VERSION = 1;

/** A position in the walk over published items by their last change: null changedAt before the first. */
export interface ScanCursor {
  readonly changedAt: Date | null;
  readonly itemId: number;
}

export const SCAN_START: ScanCursor = { changedAt: null, itemId: 0 };

export interface ScanState {
  readonly name: ScanName;
  /** The detector version (privacy) or the China day (dead links) of the walk. */
  readonly pass: string;
  /** Where the walk stands: the last item checked, in change order (updated_at, then id). */
  readonly cursor: ScanCursor;
  readonly checked: number;
  readonly tasksOpened: number;
  readonly externalLinks: number;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
}

/** What one run of a scan did. */
export interface ScanRun {
  readonly pass: string;
  readonly batches: number;
  readonly checked: number;
  readonly tasksOpened: number;
  readonly externalLinks: number;
  readonly finished: boolean;
}

export interface ScanOverviewRow {
  readonly name: ScanName;
  readonly state: ScanState | null;
  readonly lastRunAt: Date | null;
  readonly lastResult: string | null;
  /** Correction tasks opened over all passes. */
  readonly totalTasks: number;
}

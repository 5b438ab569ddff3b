import type { DuplicateOf, ImportReport } from './importer';
import type { Overlap } from '../db/overlap';
import type { ScanProgress, ScanResult } from './scan';
import type { CsvOptions } from './types';
import type { Notice } from '../i18n/notice';

/**
 * What the import worker knows about a file after reading it once. When `staged`, its rows
 * are written as a staging import that waits, invisible, for a commit or a discard.
 */
export interface Analysis extends ScanResult {
  fileName: string;
  staged: boolean;
  /** The active import that already holds these exact bytes, if any. */
  duplicateOf?: DuplicateOf;
  /** Active imports that hold rows with the same keys (a revision and what it revises). */
  overlaps: Overlap[];
}

/** Messages from the page to the import worker. */
export type WorkerRequest =
  /** Reads and stages a file; its rows wait for `commit` or `discard` with this job's id. */
  | { type: 'stage'; id: number; file: Blob; fileName: string; options: CsvOptions }
  | { type: 'commit'; id: number; stage: number; replace: number[] }
  | { type: 'discard'; id: number; stage: number }
  | {
      type: 'import';
      id: number;
      file: Blob;
      fileName: string;
      options: CsvOptions & { origin?: string };
      source: 'user' | 'sample';
      /** The group (a bundle, the sample) the import belongs to; the page holds its lock. */
      group?: string;
    }
  | { type: 'cancel'; id: number }
  /** Loads what the next job needs (the database, a chunk writer), so that it starts at once. */
  | { type: 'warm' };

/** Messages from the import worker to the page. */
export type WorkerResponse =
  | ({ type: 'progress'; id: number } & ScanProgress)
  | { type: 'analysis'; id: number; analysis: Analysis }
  | { type: 'report'; id: number; report: ImportReport }
  | { type: 'discarded'; id: number }
  | { type: 'error'; id: number; message: string; notice?: Notice };

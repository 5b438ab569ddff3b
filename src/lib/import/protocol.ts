import type { DuplicateOf, ImportReport } from './importer';
import type { ScanProgress, ScanResult } from './scan';
import type { CsvOptions } from './types';
import type { Notice } from '../notice';

/** What the import worker knows about a file after reading it once, without writing. */
export interface Analysis extends ScanResult {
  fileName: string;
  /** The active import that already holds these exact bytes, if any. */
  duplicateOf?: DuplicateOf;
}

/** Messages from the page to the import worker. */
export type WorkerRequest =
  | { type: 'analyze'; id: number; file: Blob; fileName: string; options: CsvOptions }
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
  | { type: 'cancel'; id: number };

/** Messages from the import worker to the page. */
export type WorkerResponse =
  | ({ type: 'progress'; id: number } & ScanProgress)
  | { type: 'analysis'; id: number; analysis: Analysis }
  | { type: 'report'; id: number; report: ImportReport }
  | { type: 'error'; id: number; message: string; notice?: Notice };

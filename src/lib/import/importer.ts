import { ChunkBuilder } from '../db/chunks';
import type { ChunkRow, ExchangeRow, FactoryRow, LoomDB } from '../db/database';
import { FactoryResolver, activeFactories } from '../db/factories';
import {
  beginImport,
  deleteImport,
  deleteImportRows,
  findActiveByHash,
  findDuplicate,
} from '../db/imports';
import { localSink, type ChunkSink } from '../db/chunkSink';
import type { ExchangeRecord, FactoryRecord, ProductionRecord, RecordKind } from '../schema/types';
import type { ByteSource } from './decode';
import { isBlocking, scanCsv, type ScanProgress } from './scan';
import type { CsvOptions, Encoding, RowError } from './types';
import { notice, noticeError, quoteList, type Notice } from '../notice';

/** Options for {@link importCsv}. */
export interface ImportOptions extends CsvOptions {
  fileName: string;
  source?: 'user' | 'sample';
  /** Makes the sink for production chunks; by default they are written and rolled up on this thread. */
  makeSink?: (importId: number) => ChunkSink;
  /** The content hash from the analysis of the same File, so the import need not hash it again. */
  hash?: string;
  /** The Web Lock this importer holds, so start-up cleanup can tell a live import from an abandoned one. */
  lockName?: string;
  /**
   * Loads the file as part of a group (a bundle, the sample), whose lock is also its
   * `lockName`: it is staged complete but stays invisible until the group is made active.
   */
  group?: string;
  /** The content hash a bundle claims for this data's original file; checked against the data, never trusted. */
  origin?: string;
  signal?: AbortSignal;
  onProgress?: (p: ScanProgress) => void;
}

/** The active import that already holds a file's exact bytes. */
export interface DuplicateOf {
  importId: number;
  fileName: string;
  /** Epoch ms. */
  importedAt: number;
}

/** How an import ended. */
export interface ImportReport {
  status: 'imported' | 'duplicate' | 'failed' | 'cancelled';
  fileName: string;
  kind: RecordKind | null;
  encoding: Encoding;
  importId?: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** The first row errors (all when few), a blocking one first. */
  errors: RowError[];
  errorCount: number;
  warnings: Notice[];
  /** For a duplicate: the import that already holds these bytes. */
  duplicateOf?: DuplicateOf;
  /** The error report CSV's lines, when rows were skipped. */
  rejectedCsv: string[];
  /** Wall time of the import, ms. */
  ms: number;
}

/** Exchanges or factories written per staging batch. */
const SMALL_BATCH = 5_000;

/**
 * Imports one CSV into the database, all or nothing: rows are written as
 * staging rows of a new import while the file streams past (production as
 * columnar chunks, handed to a {@link ChunkSink} that also stores their
 * rollups as staging rows), and one small final transaction checks the
 * content hash, adds placeholder factories and makes the import active. A
 * blocking error, a duplicate or a cancel removes everything the import wrote.
 */
export async function importCsv(
  db: LoomDB,
  input: ByteSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const t0 = performance.now();
  const { fileName, signal } = options;
  const importId = await beginImport(db, {
    fileName,
    kind: options.kind ?? 'production',
    hash: '',
    lockName: options.group ?? options.lockName ?? '',
    ...(options.group ? { group: options.group } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
    bytes: input.size,
    encoding: options.encoding ?? 'utf-8',
    delimiter: options.delimiter ?? ',',
    warnings: [],
    mapping: {},
    startedAt: Date.now(),
    source: options.source ?? 'user',
  });

  const known = await activeFactories(db);
  const usage0 = await storageEstimate();
  let bytesRead = 0;
  const onProgress = options.onProgress;
  const makeSink = options.makeSink ?? ((id: number) => localSink(db, id));
  let resolver = new FactoryResolver(known);
  let chunks = new ChunkBuilder(importId);
  let sink = makeSink(importId);
  let factories: FactoryRow[] = [];
  let exchanges: ExchangeRow[] = [];
  const writeChunk = async (chunk: ChunkRow | null) => {
    if (chunk) await sink.write(chunk);
  };

  const finish = (report: Omit<ImportReport, 'fileName' | 'ms'>): ImportReport => ({
    ...report,
    fileName,
    ms: performance.now() - t0,
  });

  try {
    const scan = await scanCsv(input, {
      ...options,
      onProgress(p) {
        bytesRead = p.bytesRead;
        onProgress?.(p);
      },
      // The file is read again in another encoding: everything written so far goes.
      async onRestart() {
        await sink.abort();
        await deleteImportRows(db, importId);
        resolver = new FactoryResolver(known);
        chunks = new ChunkBuilder(importId);
        sink = makeSink(importId);
        factories = [];
        exchanges = [];
      },
      async onRecords(records, rows, kind) {
        if (kind === 'production') {
          for (let i = 0; i < records.length; i++) {
            const r = records[i] as ProductionRecord;
            r.factory_id = resolver.resolve(r.factory_id);
            if (chunks.add(r, rows[i])) await writeChunk(chunks.take());
          }
        } else if (kind === 'factories') {
          for (const r of records) factories.push({ ...(r as FactoryRecord), importId });
        } else {
          for (let i = 0; i < records.length; i++) {
            const r = records[i] as ExchangeRecord;
            r.source_factory = resolver.resolve(r.source_factory);
            r.target_factory = resolver.resolve(r.target_factory);
            exchanges.push({ ...r, importId, row: rows[i] });
          }
          if (exchanges.length >= SMALL_BATCH) {
            await db.exchanges.bulkAdd(exchanges);
            exchanges = [];
          }
        }
      },
    });
    await writeChunk(chunks.take());
    signal?.throwIfAborted();

    const base = {
      kind: scan.kind,
      encoding: scan.encoding,
      errors: scan.errors,
      errorCount: scan.errorCount,
      warnings: scan.warnings,
      rejectedCsv: scan.rejectedCsv,
    };
    if (scan.errors.some(isBlocking)) {
      await sink.abort();
      await deleteImport(db, importId);
      return finish({ ...base, status: 'failed', rowsAccepted: 0, rowsRejected: scan.rows });
    }
    if (exchanges.length) await db.exchanges.bulkAdd(exchanges);
    for (let i = 0; i < factories.length; i += SMALL_BATCH)
      await db.factories.bulkAdd(factories.slice(i, i + SMALL_BATCH));

    const placeholders: FactoryRow[] = [...resolver.unknown].map((ref) => ({
      factory_id: ref,
      name: ref,
      importId,
      placeholder: true,
    }));
    const warnings = [...scan.warnings];
    if (placeholders.length)
      warnings.push(
        notice(placeholders.length === 1 ? 'placeholder' : 'placeholders', {
          n: placeholders.length,
          ids:
            quoteList(placeholders.slice(0, 10).map((p) => p.factory_id)) +
            (placeholders.length > 10 ? ', …' : ''),
        }),
      );
    // Chunks and rollups are stored as staging rows; the commit below only has to flip the status.
    await sink.finish();

    // Same bytes, or a bundle's copy of the same records: found before the commit, since
    // comparing records reads them; the same bytes are checked again inside it.
    const claimed = await findDuplicate(db, {
      id: importId,
      kind: scan.kind!,
      hash: scan.hash,
      origin: options.origin,
      group: options.group,
    });
    // The one small transaction that makes the import visible (or, in a group, complete).
    const duplicate = await db.transaction('rw', [db.imports, db.factories], async () => {
      const existing = claimed ?? (await findActiveByHash(db, scan.hash));
      if (existing) return existing;
      // Deleted under us (everything deleted by a tab of an older build): report, never pretend.
      if ((await db.imports.get(importId))?.status !== 'staging') throw noticeError('import-lost');
      await db.factories.bulkAdd(placeholders);
      await db.imports.update(importId, {
        status: options.group ? 'staging' : 'active',
        kind: scan.kind!,
        hash: scan.hash,
        encoding: scan.encoding,
        delimiter: scan.delimiter,
        mapping: scan.mapping,
        rowsAccepted: scan.accepted,
        rowsRejected: scan.rejected,
        warnings,
        importedAt: Date.now(),
      });
      return undefined;
    });
    if (duplicate) {
      await deleteImport(db, importId);
      return finish({
        ...base,
        status: 'duplicate',
        rowsAccepted: 0,
        rowsRejected: 0,
        duplicateOf: {
          importId: duplicate.id,
          fileName: duplicate.fileName,
          importedAt: duplicate.importedAt ?? 0,
        },
      });
    }
    return finish({
      ...base,
      warnings,
      status: 'imported',
      importId,
      rowsAccepted: scan.accepted,
      rowsRejected: scan.rejected,
    });
  } catch (e) {
    const full = isQuotaError(e) ? await storageEstimate() : undefined;
    await sink.abort().catch(() => undefined);
    await deleteImport(db, importId);
    if (isQuotaError(e)) {
      // Said in numbers, as far as the browser can tell them.
      const after = await storageEstimate();
      const written = Math.max(0, (full?.usage ?? 0) - (usage0?.usage ?? 0));
      const share = bytesRead / Math.max(1, input.size);
      const free = Math.round(Math.max(0, (after?.quota ?? 0) - (after?.usage ?? 0)) / 1e6);
      // The quota still had far more room than the import used: the disk itself is full.
      if (free > 2 * megabytes(written)) throw noticeError('disk-full', { file: fileName });
      // What the whole file would take at the rate it filled the quota, once enough was read.
      throw share >= 0.05
        ? noticeError('quota', { file: fileName, needed: megabytes(written / share), free })
        : noticeError('quota-more', { file: fileName, free });
    }
    if (signal?.aborted)
      return finish({
        status: 'cancelled',
        kind: options.kind ?? null,
        encoding: options.encoding ?? 'utf-8',
        rowsAccepted: 0,
        rowsRejected: 0,
        errors: [],
        errorCount: 0,
        warnings: [],
        rejectedCsv: [],
      });
    throw e;
  }
}

/**
 * True for IndexedDB's "the disk is full" however it arrives: as the error's name, inside
 * Dexie's `inner` error, or only in the message of an error passed on from another worker.
 */
function isQuotaError(e: unknown): boolean {
  type E = { name?: string; message?: string; inner?: unknown };
  for (let x = e as E | undefined, depth = 0; x && depth < 5; x = x.inner as E, depth++)
    if (x.name === 'QuotaExceededError' || /QuotaExceeded/.test(String(x.message ?? '')))
      return true;
  return false;
}

/** What the browser says of its storage, or undefined where it cannot say. */
async function storageEstimate(): Promise<StorageEstimate | undefined> {
  try {
    return await navigator.storage?.estimate?.();
  } catch {
    return undefined;
  }
}

/** Bytes as whole megabytes, at least 1. */
const megabytes = (bytes: number) => Math.max(1, Math.round(bytes / 1e6));

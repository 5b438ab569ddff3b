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
import { cancelledReport } from './report';
import { DATA_TABLES } from '../db/database';
import { findOverlaps, type Overlap } from '../db/overlap';
import type { ExchangeRecord, FactoryRecord, ProductionRecord, RecordKind } from '../schema/types';
import { TermCollector } from '../schema/terms';
import type { ByteSource } from './decode';
import { isBlocking, scanCsv, type ScanProgress, type ScanResult } from './scan';
import type { CsvOptions, Encoding, RowError } from './types';
import { notice, noticeError, quoteList, type Notice } from '../i18n/notice';

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
  /** The files of the imports this one replaced. */
  replaced?: string[];
  /** The error report CSV's lines, when rows were skipped. */
  rejectedCsv: string[];
  /** Wall time of the import, ms. */
  ms: number;
}

/**
 * A file read once and written as a staging import, invisible until committed: what the
 * preview shows (`scan`), whether the same bytes are already here, which active imports hold
 * the same rows, and the two ways on.
 */
export interface StagedImport {
  scan: ScanResult;
  importId: number;
  /** The active import that already holds these exact bytes: committing would only remove this one. */
  duplicateOf?: DuplicateOf;
  /** Active imports that hold rows with the same keys (a revised report and its original). */
  overlaps: Overlap[];
  /**
   * Makes the import active in one small transaction, all or nothing; `replace` names active
   * imports (overlapping ones) that go in the same transaction, so no lot counts twice.
   */
  commit(options?: { replace?: readonly number[] }): Promise<ImportReport>;
  /** Removes everything the import wrote. */
  discard(): Promise<void>;
}

/** A file that was not staged: refused (with the scan that says why) or cancelled (no scan). */
export interface NotStaged {
  scan: ScanResult | null;
  report: ImportReport;
}

/** Exchanges or factories written per staging batch. */
const SMALL_BATCH = 5_000;

/**
 * Imports one CSV into the database, all or nothing: {@link stageCsv}, then, unless the file
 * is refused or cancelled, the commit (a duplicate is removed and reported as one).
 */
export async function importCsv(
  db: LoomDB,
  input: ByteSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const staged = await stageCsv(db, input, options);
  return 'report' in staged ? staged.report : staged.commit();
}

/**
 * Reads one CSV once and writes it as a staging import: rows are written while the file
 * streams past (production as columnar chunks, handed to a {@link ChunkSink} that also stores
 * their rollups as staging rows). Nothing is visible until the returned import is committed,
 * which is one small transaction; a blocking error or a cancel removes everything written and
 * comes back as a report instead.
 */
export async function stageCsv(
  db: LoomDB,
  input: ByteSource,
  options: ImportOptions,
): Promise<StagedImport | NotStaged> {
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
  // The file's words in the other language (`*_zh` / `*_en` columns), for the import's terms.
  const words: { collector: TermCollector | null } = { collector: null };
  const writeChunk = async (chunk: ChunkRow | null) => {
    if (chunk) await sink.write(chunk);
  };

  // The time the import took, without the time a staged import waited for its commit.
  let waited = 0;
  const finish = (report: Omit<ImportReport, 'fileName' | 'ms'>): ImportReport => ({
    ...report,
    fileName,
    ms: performance.now() - t0 - waited,
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
        words.collector = null;
      },
      async onRecords(records, rows, kind) {
        const collector = (words.collector ??= new TermCollector(kind));
        for (const r of records) collector.add(r);
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
      return {
        scan,
        report: finish({ ...base, status: 'failed', rowsAccepted: 0, rowsRejected: scan.rows }),
      };
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
      terms: words.collector?.terms,
    });
    const overlaps = claimed ? [] : await findOverlaps(db, { id: importId, kind: scan.kind! });
    const duplicateOf = (i: { id: number; fileName: string; importedAt?: number }) => ({
      importId: i.id,
      fileName: i.fileName,
      importedAt: i.importedAt ?? 0,
    });
    let settled = false;
    const stagedAt = performance.now();
    const commit = async (o: { replace?: readonly number[] } = {}): Promise<ImportReport> => {
      if (settled) throw new TypeError('This staged import was already committed or discarded');
      settled = true;
      waited = performance.now() - stagedAt;
      const replace = [...new Set(o.replace ?? [])];
      const replaced: { fileName: string; importedAt: number }[] = [];
      try {
        // The one small transaction that makes the import visible (or, in a group, complete),
        // and removes the imports it replaces.
        const duplicate = await db.transaction(
          'rw',
          [db.imports, ...DATA_TABLES.map((t) => db[t])],
          async () => {
            const existing = claimed ?? (await findActiveByHash(db, scan.hash));
            if (existing) return existing;
            // Deleted under us (everything deleted by a tab of an older build): report, never pretend.
            if ((await db.imports.get(importId))?.status !== 'staging')
              throw noticeError('import-lost');
            replaced.length = 0;
            for (const id of replace) {
              const old = await db.imports.get(id);
              if (old?.status !== 'active' || old.kind !== scan.kind)
                throw noticeError('replace-lost', { file: fileName });
              replaced.push({ fileName: old.fileName, importedAt: old.importedAt ?? 0 });
              for (const t of DATA_TABLES) await db[t].where('importId').equals(id).delete();
              await db.imports.delete(id);
            }
            // Factories the replaced imports held as placeholders, that this one still names.
            const missing = replace.length
              ? await unknownRefs(db, importId, scan.kind!)
              : new Set<string>();
            await db.factories.bulkAdd([
              ...placeholders,
              ...[...missing]
                .filter((ref) => !placeholders.some((p) => p.factory_id === ref))
                .map((ref) => ({ factory_id: ref, name: ref, importId, placeholder: true })),
            ]);
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
              ...(words.collector && Object.keys(words.collector.terms).length
                ? { terms: words.collector.terms }
                : {}),
              ...(scan.sheet !== null ? { sheet: scan.sheet } : {}),
              ...(replaced.length ? { replaced } : {}),
            });
            return undefined;
          },
        );
        if (duplicate) {
          await deleteImport(db, importId);
          return finish({
            ...base,
            status: 'duplicate',
            rowsAccepted: 0,
            rowsRejected: 0,
            duplicateOf: duplicateOf(duplicate),
          });
        }
        return finish({
          ...base,
          warnings,
          status: 'imported',
          importId,
          rowsAccepted: scan.accepted,
          rowsRejected: scan.rejected,
          ...(replaced.length ? { replaced: replaced.map((r) => r.fileName) } : {}),
        });
      } catch (e) {
        await deleteImport(db, importId);
        throw e;
      }
    };
    return {
      scan,
      importId,
      duplicateOf: claimed ? duplicateOf(claimed) : undefined,
      overlaps,
      commit,
      async discard() {
        if (settled) return;
        settled = true;
        await deleteImport(db, importId);
      },
    };
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
      return {
        scan: null,
        report: { ...cancelledReport(fileName), ms: performance.now() - t0 },
      };
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

/**
 * The factories a staged import names (production or exchanges) that no active import and
 * none of its own rows define: after the imports it replaces are gone, these need placeholders.
 */
async function unknownRefs(db: LoomDB, importId: number, kind: RecordKind): Promise<Set<string>> {
  const named = new Set<string>();
  if (kind === 'production') {
    for (const c of await db.chunks.where('importId').equals(importId).toArray())
      for (const f of c.factory.dict) if (f) named.add(f);
  } else if (kind === 'exchanges') {
    for (const e of await db.exchanges.where('importId').equals(importId).toArray()) {
      named.add(e.source_factory);
      named.add(e.target_factory);
    }
  }
  const active = new Set(await db.imports.where('status').equals('active').primaryKeys());
  active.add(importId);
  for (const f of await db.factories.toArray())
    if (active.has(f.importId)) named.delete(f.factory_id);
  return named;
}

import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoomDB, SCHEMA } from '../../../src/lib/db/database';
import { activeFactories } from '../../../src/lib/db/factories';
import {
  activateGroup,
  beginImport,
  cleanupStaging,
  deleteAll,
  deleteImport,
  deleteSample,
  isDerived,
  listImports,
  sweepOrphans,
} from '../../../src/lib/db/imports';
import { dataSummary, recordPage } from '../../../src/lib/db/queries';
import { rollupRows } from '../../../src/lib/db/rollups';
import { ChunkBuilder } from '../../../src/lib/db/chunks';
import { EMPTY, counts, freshDb, importText } from './helpers';
import { bytesSource } from '../../../src/lib/import/decode';
import { importCsv } from '../../../src/lib/import/importer';

const FACTORIES =
  'factory_id,name,name_zh\nzhenya,Zhenya Silk Factory,振亚丝织厂\nguangming,Guangming Silk Factory,光明丝织厂\n';
const PRODUCTION =
  'factory_id,product,period,inspected,defective,defect_type\n' +
  'zhenya,crepe satin,1956-08,1000,40,断经\n' +
  '光明丝织厂,crepe satin,1956-08,800,96,跳花\n' +
  'guangming,crepe satin,1956-09,800,40,跳花\n' +
  'dongwu,soft satin,1956-09,500,10,\n' +
  'zhenya,crepe satin,1956-02-30,10,1,\n';

describe('importCsv(db, file, options)', () => {
  it('commits rows, rollups and the import in one go', async () => {
    const db = freshDb();
    const f = await importText(db, FACTORIES, 'factories.csv');
    expect(f).toMatchObject({
      status: 'imported',
      kind: 'factories',
      rowsAccepted: 2,
      rowsRejected: 0,
    });
    const p = await importText(db, PRODUCTION, 'production.csv');
    expect(p).toMatchObject({
      status: 'imported',
      kind: 'production',
      rowsAccepted: 4,
      rowsRejected: 1,
      errorCount: 1,
    });
    expect(p.errors[0]).toMatchObject({ row: 6, column: 'period', code: 'impossible-date' });
    expect(p.rejectedCsv[0]).toBe(
      'row,column,error,factory_id,product,period,inspected,defective,defect_type',
    );
    const rollups = (await db.rollups.toArray()).flatMap((c) => [...rollupRows(c)]);
    // 光明丝织厂 is Guangming's Chinese name: it resolves to guangming.
    expect(
      rollups
        .filter((r) => r.factory_id === 'guangming')
        .map((r) => [r.month, r.inspected, r.defective]),
    ).toEqual([
      ['1956-08', 800, 96],
      ['1956-09', 800, 40],
    ]);
    expect((await db.defectRollups.toArray()).reduce((n, c) => n + c.count, 0)).toBe(3);
    expect((await listImports(db)).map((i) => [i.fileName, i.status])).toEqual([
      ['production.csv', 'active'],
      ['factories.csv', 'active'],
    ]);
  });

  it('adds an unknown factory as a placeholder, with a warning', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const p = await importText(db, PRODUCTION, 'production.csv');
    expect(p.warnings.map((w) => w.message).join(' ')).toMatch(
      /1 factory is not in any factories file.*“dongwu”/,
    );
    const factories = await activeFactories(db);
    expect(factories.map((f) => [f.factory_id, !!f.placeholder])).toEqual([
      ['dongwu', true],
      ['guangming', false],
      ['zhenya', false],
    ]);
  });

  it('recognises the same bytes imported twice and counts nothing twice', async () => {
    const db = freshDb();
    await importText(db, PRODUCTION, 'a.csv');
    const before = await counts(db);
    const again = await importText(db, PRODUCTION, 'renamed.csv');
    expect(again).toMatchObject({ status: 'duplicate', duplicateOf: { fileName: 'a.csv' } });
    expect(await counts(db)).toEqual(before);
  });

  it.each([
    ['only ASCII', 'zhenya'],
    ['UTF-8 Chinese', '振亚丝织厂'],
  ])(
    'stores each row of a GB18030 file once when its first MiB is %s and UTF-8 was only a guess',
    async (_, firstFactory) => {
      const db = freshDb();
      await importText(db, FACTORIES, 'factories.csv');
      const head = new TextEncoder().encode(
        'factory_id,product,period,inspected,defective\n' +
          Array.from(
            { length: 40_000 },
            (_, i) => `${i ? 'zhenya' : firstFactory},crepe satin,1956-08,100,3`,
          ).join('\n') +
          '\n',
      );
      expect(head.byteLength).toBeGreaterThan(1 << 20);
      // "guangming,绉缎,1956-09,50,2" in GB18030: 绉 is E7 A7 and 缎 is B6 D0.
      const tail = new Uint8Array([
        ...new TextEncoder().encode('guangming,'),
        0xe7,
        0xa7,
        0xb6,
        0xd0,
        ...new TextEncoder().encode(',1956-09,50,2\n'),
      ]);
      const bytes = new Uint8Array(head.byteLength + tail.byteLength);
      bytes.set(head);
      bytes.set(tail, head.byteLength);
      const r = await importCsv(db, bytesSource(bytes), { fileName: 'gb.csv' });
      expect(r).toMatchObject({ status: 'imported', encoding: 'gb18030', rowsAccepted: 40_001 });
      const chunks = await db.chunks.where('importId').equals(r.importId!).toArray();
      expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(40_001);
      const rollups = (await db.rollups.where('importId').equals(r.importId!).toArray()).flatMap(
        (c) => [...rollupRows(c)],
      );
      expect(rollups.reduce((n, x) => n + x.inspected, 0)).toBe(40_000 * 100 + 50);
      expect(rollups.reduce((n, x) => n + x.defective, 0)).toBe(40_000 * 3 + 2);
      expect(rollups.find((x) => x.factory_id === 'guangming')?.product).toBe('绉缎');
    },
  );

  it('rolls back everything for a fatal error', async () => {
    const db = freshDb();
    const r = await importText(db, 'factory_id,name\nzhenya,"never closed\n', 'broken.csv');
    expect(r.status).toBe('failed');
    expect(r.errors[0]).toMatchObject({ code: 'fatal-unclosed-quote', row: 2 });
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('rolls back a fatal error found after chunks were written', async () => {
    const db = freshDb();
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `zhenya,crepe satin,1956-08,${100 + (i % 50)},3`,
    ).join('\n');
    const r = await importText(
      db,
      `factory_id,product,period,inspected,defective\n${rows}\nzhenya,"open\n`,
      'late.csv',
    );
    expect(r.status).toBe('failed');
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('leaves nothing behind when cancelled', async () => {
    const db = freshDb();
    const controller = new AbortController();
    const rows = Array.from({ length: 60_000 }, () => 'zhenya,crepe satin,1956-08,100,3').join(
      '\n',
    );
    const r = await importText(
      db,
      `factory_id,product,period,inspected,defective\n${rows}\n`,
      'big.csv',
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    expect(r.status).toBe('cancelled');
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('stores production as columnar chunks and pages through them in file order', async () => {
    const db = freshDb();
    const n = 40_000;
    const rows = Array.from(
      { length: n },
      (_, i) =>
        `zhenya,crepe satin,1956-${String((i % 12) + 1).padStart(2, '0')},${1000 + i},${i % 10}`,
    );
    const r = await importText(
      db,
      `factory_id,product,period,inspected,defective\n${rows.join('\n')}\n`,
      'big.csv',
    );
    expect(r.rowsAccepted).toBe(n);
    expect(await db.chunks.count()).toBe(3); // 16,384 + 16,384 + 7,232
    const imp = (await listImports(db))[0];
    const page = await recordPage(db, imp, 327, 50); // rows 16,350..16,399 straddle chunks 0 and 1
    expect(page.total).toBe(n);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0][0]).toBe(16_350 + 2);
    expect(page.rows[49][0]).toBe(16_399 + 2);
    expect(page.rows[49][4]).toBe(1000 + 16_399);
    const rollups = (await db.rollups.toArray()).flatMap((c) => [...rollupRows(c)]);
    expect(rollups.reduce((s, x) => s + x.inspected, 0)).toBe(
      rows.reduce((s, _, i) => s + 1000 + i, 0),
    );
  });

  it('does not mutate the records it is given by the parser beyond resolving factory ids', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const r = await importText(
      db,
      'date,source_factory,target_factory,experience\n1956-08-26,Zhenya Silk Factory,光明丝织厂,Daily inspection\n',
      'ex.csv',
    );
    expect(r.status).toBe('imported');
    expect(
      (await db.exchanges.toArray()).map((e) => [e.source_factory, e.target_factory, e.row]),
    ).toEqual([['zhenya', 'guangming', 2]]);
  });
});

describe('importCsv racing a delete-all in another tab', () => {
  it('says its file was lost and leaves no staging or orphan rows when everything is deleted under it', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 60_000 }, () => 'zhenya,crepe satin,1956-08,100,3').join(
      '\n',
    );
    let deleted = false;
    const run = importText(
      db,
      `factory_id,product,period,inspected,defective\n${rows}\n`,
      'a.csv',
      {
        // A tab of an older build, without the data lock, deletes everything mid-import.
        onProgress: () => {
          if (!deleted) void deleteAll(db);
          deleted = true;
        },
      },
    );
    await expect(run).rejects.toThrow(/Everything was deleted in another tab/);
    expect(await counts(db)).toEqual(EMPTY);
  });
});

describe('importCsv on a full disk', () => {
  const rows = Array.from({ length: 40_000 }, () => 'zhenya,crepe satin,1956-08,100,3');
  const text = `factory_id,product,period,inspected,defective\n${rows.join('\n')}\n`;
  /** A sink whose writes fail as Dexie reports a full IndexedDB. */
  const fullSink = () => ({
    write: async () => {
      throw Object.assign(new Error('inner'), {
        name: 'AbortError',
        inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
    },
    finish: async () => undefined,
    abort: async () => undefined,
  });
  /** navigator.storage.estimate() giving `usages` in turn (before, at the failure, after). */
  const estimates = (quota: number, usages: number[]) => {
    let n = 0;
    vi.stubGlobal('navigator', {
      storage: {
        estimate: async () => ({ quota, usage: usages[Math.min(n++, usages.length - 1)] }),
      },
    });
  };
  afterEach(() => vi.unstubAllGlobals());

  it('says how much room the quota lacked and how much is free, points to the Data page, keeps nothing', async () => {
    estimates(50_000_000, [10_000_000, 49_600_000, 10_000_000]);
    const db = freshDb();
    // It failed on its first chunk, so only a lower bound can be said.
    await expect(importText(db, text, 'big.csv', { makeSink: fullSink })).rejects.toThrow(
      'There is not enough room in this browser’s storage for big.csv: it needed more than the 40 MB that are free. Delete data sets on the Data page to make room. Nothing of this file was kept.',
    );
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('estimates the room the whole file needed once part of it was stored', async () => {
    estimates(50_000_000, [10_000_000, 49_600_000, 10_000_000]);
    const db = freshDb();
    let writes = 0;
    const failsLater = () => ({
      ...fullSink(),
      write: async () => {
        if (++writes >= 2) await fullSink().write();
      },
    });
    // 39.6 MB stored for the first MiB of a 1.3 MB file: about 51 MB for the whole.
    await expect(importText(db, text, 'big.csv', { makeSink: failsLater })).rejects.toThrow(
      /storage for big\.csv: it needed about 5\d MB, and 40 MB are free\./,
    );
    expect(await counts(db)).toEqual(EMPTY);
  });

  it('says the disk is full when the browser’s quota still had room', async () => {
    estimates(1_000_000_000, [10_000_000, 10_500_000, 10_000_000]);
    const db = freshDb();
    await expect(importText(db, text, 'big.csv', { makeSink: fullSink })).rejects.toThrow(
      'This computer’s disk is full, so big.csv could not be stored. Free some disk space, or delete data sets on the Data page. Nothing of this file was kept.',
    );
    expect(await counts(db)).toEqual(EMPTY);
  });
});

describe('groups of imports (a bundle, the sample)', () => {
  it('keeps a group invisible until activateGroup, then shows all of it at once', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv', { group: 'g1' });
    await importText(db, PRODUCTION, 'production.csv', { group: 'g1' });
    expect(await listImports(db)).toEqual([]);
    const done = await activateGroup(db, 'g1');
    expect(done.imported.map((i) => i.fileName)).toEqual(['factories.csv', 'production.csv']);
    expect((await listImports(db)).map((i) => i.status)).toEqual(['active', 'active']);
  });

  it('is removed whole by start-up cleanup once its lock is free (a tab closed mid-load)', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv', { group: 'g2' });
    await importText(db, PRODUCTION, 'production.csv', { group: 'g2' });
    expect(await cleanupStaging(db, async (name, fn) => (name === 'g2' ? fn() : undefined))).toBe(
      2,
    );
    expect(await counts(db)).toEqual(EMPTY);
  });
});

describe('sweepOrphans(db)', () => {
  it('deletes rows whose import is gone and keeps the rest', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const keep = await counts(db);
    await db.exchanges.bulkAdd([
      {
        importId: 999,
        row: 2,
        date: '1956-08-26',
        source_factory: 'a',
        target_factory: 'b',
        experience: 'x',
      },
    ]);
    expect(await sweepOrphans(db)).toBe(1);
    expect(await counts(db)).toEqual(keep);
  });
});

describe('deleteImport(db, id)', () => {
  it('removes the import, its rows and its rollups', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const p = await importText(db, PRODUCTION, 'production.csv');
    const before = await dataSummary(db);
    expect(before).toMatchObject({
      imports: 2,
      productionRows: 4,
      firstMonth: '1956-08',
      lastMonth: '1956-09',
      placeholders: 1,
    });
    await deleteImport(db, p.importId!);
    expect(await dataSummary(db)).toMatchObject({
      imports: 1,
      productionRows: 0,
      firstMonth: null,
      factories: 2,
      placeholders: 0,
    });
    expect(await db.rollups.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });
});

describe('cleanupStaging(db, isAlive)', () => {
  it('removes staging imports once their lock is free, and keeps active ones', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const meta = {
      fileName: 'x.csv',
      kind: 'production' as const,
      hash: '',
      bytes: 1,
      encoding: 'utf-8' as const,
      delimiter: ',',
      warnings: [],
      mapping: {},
      startedAt: 0,
      source: 'user' as const,
    };
    const dead = await beginImport(db, { ...meta, lockName: 'gone' });
    const alive = await beginImport(db, { ...meta, lockName: 'held' });
    await db.exchanges.add({
      importId: dead,
      row: 2,
      date: '1956-01-01',
      source_factory: 'a',
      target_factory: 'b',
      experience: 'x',
    });
    // 'held' is held by an importer that finishes (makes its import active) before letting go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const withLock = async (name: string, fn: () => Promise<void>) => {
      if (name === 'held') await held;
      await fn();
    };
    const cleaning = cleanupStaging(db, withLock);
    await db.imports.update(alive, { status: 'active' });
    release();
    expect(await cleaning).toBe(1);
    expect((await db.imports.toArray()).map((i) => i.id).sort()).toEqual([1, alive].sort());
    expect(await db.exchanges.count()).toBe(0);
    expect(await db.imports.get(dead)).toBeUndefined();
  });

  it('leaves queries blind to a staging import', async () => {
    const db = freshDb();
    const id = await beginImport(db, {
      fileName: 'f.csv',
      kind: 'factories',
      hash: '',
      lockName: 'l',
      bytes: 1,
      encoding: 'utf-8',
      delimiter: ',',
      warnings: [],
      mapping: {},
      startedAt: 0,
      source: 'user',
    });
    await db.factories.add({ importId: id, factory_id: 'ghost', name: 'Ghost' });
    expect(await activeFactories(db)).toEqual([]);
    expect((await dataSummary(db)).factories).toBe(0);
  });
});

describe('LoomDB schema', () => {
  it('opens a new database at the latest version (3) with every table', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'chunks',
      'decks',
      'defectRollups',
      'exchanges',
      'factories',
      'imports',
      'rollups',
    ]);
    db.close();
  });

  it('sums again, on opening a version-2 database, the rollups of imports with quarter lots', async () => {
    const name = `loom-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA[1]);
    v2.version(2).stores(SCHEMA[2]);
    const lot = (period: string, grain: 'month' | 'quarter', periodStart: string) => ({
      factory_id: 'zhenya',
      product: 'crepe satin',
      period,
      periodStart,
      grain,
      inspected: 1000,
      defective: 60,
    });
    const builder = new ChunkBuilder(1);
    builder.add(lot('1956-07', 'month', '1956-07-01'), 2);
    builder.add(lot('1956-Q3', 'quarter', '1956-07-01'), 3);
    const chunk = builder.take()!;
    await v2
      .table('imports')
      .add({ id: 1, fileName: 'q.csv', status: 'active', kind: 'production' });
    await v2.table('chunks').add(chunk);
    // What version 2 stored: the quarter summed into July.
    await v2.table('rollups').add({
      importId: 1,
      count: 1,
      month: { dict: ['', '1956-07'], codes: Uint16Array.of(1) },
      grain: Uint8Array.of(2),
    });
    v2.close();
    const db = new LoomDB(name);
    const rows = (await db.rollups.toArray()).flatMap((c) => [...rollupRows(c)]);
    expect(rows.map((r) => [r.month, r.inspected, r.grain])).toEqual([
      ['1956-07', 1000, 'month'],
      ['1956-Q3', 1000, 'quarter'],
    ]);
    db.close();
    await Dexie.delete(name);
  });

  it('opens a database that version 1 wrote, with its data', async () => {
    const name = `loom-upgrade-${Math.random()}`;
    const v1 = new LoomDB(name);
    await importText(v1, FACTORIES, 'factories.csv');
    v1.close();
    const reopened = new LoomDB(name);
    expect((await activeFactories(reopened)).map((f) => f.factory_id)).toEqual([
      'guangming',
      'zhenya',
    ]);
    reopened.close();
    await Dexie.delete(name);
  });
});

describe('deleteSample(db)', () => {
  it('removes the imports the sample loaded, with their rows, and keeps the user’s own', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv', { source: 'sample' });
    await importText(db, PRODUCTION, 'production.csv', { source: 'sample' });
    const own = await importText(db, PRODUCTION.replace('1956-08', '1957-08'), 'mine.csv');
    expect(await deleteSample(db)).toBe(2);
    expect((await listImports(db)).map((i) => i.fileName)).toEqual(['mine.csv']);
    expect(await db.chunks.where('importId').notEqual(own.importId!).count()).toBe(0);
    expect(await db.factories.count()).toBe(
      await db.factories.where('importId').equals(own.importId!).count(),
    );
  });
});

describe('isDerived(import)', () => {
  it('marks an import whose defective counts came from a rate column, and only that', async () => {
    const db = freshDb();
    await importText(
      db,
      'factory_id,product,period,inspected,defect_rate\nzhenya,crepe,1956-07,1210,8.02%\n',
      'rates.csv',
    );
    await importText(
      db,
      'factory_id,product,period,inspected,defective,defect_rate\nzhenya,crepe,1956-08,1210,97,8.02%\n',
      'both.csv',
    );
    await importText(db, FACTORIES, 'factories.csv');
    const byName = Object.fromEntries((await listImports(db)).map((i) => [i.fileName, i]));
    expect(isDerived(byName['rates.csv'])).toBe(true);
    expect(isDerived(byName['both.csv'])).toBe(false);
    expect(isDerived(byName['factories.csv'])).toBe(false);
    const stored = await recordPage(db, byName['rates.csv'], 0, 10);
    const col = (name: string) => stored.rows[0][stored.columns.indexOf(name)];
    expect([col('inspected'), col('defective')]).toEqual([1210, 97]);
  });
});

import { describe, expect, it } from 'vitest';
import { listImports } from '../../../src/lib/db/imports';
import { activeFactories } from '../../../src/lib/db/factories';
import { activeRollups, rollupRows } from '../../../src/lib/db/rollups';
import { bytesSource } from '../../../src/lib/import/decode';
import { stageCsv, type StagedImport } from '../../../src/lib/import/importer';
import { freshDb, importText } from './helpers';
import { gb18030, qualityReport, thirdQuarterLots } from '../../fixtures/reports';
import type { LoomDB } from '../../../src/lib/db/database';

const FACTORIES =
  'factory_id,name,name_zh\nzhenya,Zhenya Silk Factory,振亚丝织厂\ndongwu,Dongwu Silk Factory,东吴丝织厂\nguangming,Guangming Silk Factory,光明丝织厂\n';

async function stage(db: LoomDB, text: string, fileName: string): Promise<StagedImport> {
  const s = await stageCsv(db, bytesSource(gb18030(text)), { fileName });
  if ('report' in s) throw new Error(`not staged: ${s.report.status}`);
  return s;
}

/** Inspected pieces of Zhenya × 绉缎 in 1956-07, over the active imports. */
async function zhenyaJuly(db: LoomDB) {
  let n = 0;
  for (const c of await activeRollups(db))
    for (const r of rollupRows(c))
      if (r.factory_id === 'zhenya' && r.product === '绉缎' && r.month === '1956-07')
        n += r.inspected;
  return n;
}

describe('a revised report: found before import, replaced in one transaction', () => {
  const lots = thirdQuarterLots();
  // The revision corrects every count by a few per cent; its keys are the original's.
  const revised = lots.map((l) => ({ ...l, inspected: l.inspected + 10 }));

  it('says how many rows match which import, and Replace leaves only the revision', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    const first = await stage(db, qualityReport(lots), '质量报表.csv');
    expect(first.overlaps).toEqual([]);
    await first.commit();
    expect(await zhenyaJuly(db)).toBe(1210);

    const second = await stage(db, qualityReport(revised), '质量报表（修订）.csv');
    expect(second.overlaps).toEqual([
      {
        importId: first.importId,
        fileName: '质量报表.csv',
        importedAt: expect.any(Number),
        rows: 12,
        of: 12,
        theirs: 12,
      },
    ]);
    // Staged, nothing of it shows yet.
    expect(await zhenyaJuly(db)).toBe(1210);
    const report = await second.commit({ replace: [first.importId] });
    expect(report.status).toBe('imported');
    expect(await zhenyaJuly(db)).toBe(1220);
    const imports = await listImports(db);
    expect(imports.map((i) => i.fileName).sort()).toEqual([
      'factories.csv',
      '质量报表（修订）.csv',
    ]);
    expect(imports.find((i) => i.fileName.startsWith('质量'))?.replaced).toEqual([
      { fileName: '质量报表.csv', importedAt: expect.any(Number) },
    ]);
  });

  it('counts a partial overlap, and Add anyway keeps both', async () => {
    const db = freshDb();
    await importText(db, FACTORIES, 'factories.csv');
    await (await stage(db, qualityReport(lots.slice(0, 6)), 'a.csv')).commit();
    const b = await stage(db, qualityReport(lots.slice(3)), 'b.csv');
    expect(b.overlaps.map((o) => [o.fileName, o.rows, o.of, o.theirs])).toEqual([
      ['a.csv', 3, 9, 6],
    ]);
    await b.commit();
    expect((await listImports(db)).length).toBe(3);
  });

  it('finds nothing for other months or other defect types', async () => {
    const db = freshDb();
    await (await stage(db, qualityReport(lots), 'q3.csv')).commit();
    const q4 = lots.map((l) => ({
      ...l,
      period: l.period.replace(/年(\d)月/, (_, m: string) => `年${Number(m) + 3}月`),
    }));
    const later = await stage(db, qualityReport(q4), 'q4.csv');
    expect(later.scan.accepted).toBe(12);
    expect(later.overlaps).toEqual([]);
    const typed = `factory_id,product,period,inspected,defective,defect_type\n振亚丝织厂,绉缎,1956-07,1210,97,断经\n`;
    expect((await stage(db, typed, 'typed.csv')).overlaps).toEqual([]);
  });

  it('keeps the placeholder factories the replaced import made, when the revision names them', async () => {
    const db = freshDb();
    const newcomer = lots.map((l) => ({ ...l, factory: '新华丝织厂' }));
    await (await stage(db, qualityReport(newcomer), 'orig.csv')).commit();
    const rev = await stage(
      db,
      qualityReport(newcomer.map((l) => ({ ...l, defective: 1 }))),
      'rev.csv',
    );
    await rev.commit({ replace: rev.overlaps.map((o) => o.importId) });
    expect((await activeFactories(db)).map((f) => [f.factory_id, !!f.placeholder])).toEqual([
      ['新华丝织厂', true],
    ]);
  });

  it('refuses to replace an import that is gone meanwhile, and changes nothing', async () => {
    const db = freshDb();
    const first = await stage(db, qualityReport(lots), 'orig.csv');
    await first.commit();
    const rev = await stage(db, qualityReport(revised), 'rev.csv');
    await db.imports.delete(first.importId);
    await expect(rev.commit({ replace: [first.importId] })).rejects.toThrow(
      'The import that rev.csv was to replace was deleted or replaced meanwhile',
    );
    expect(await db.imports.count()).toBe(0);
  });

  it('discards a staged import completely', async () => {
    const db = freshDb();
    const s = await stage(db, qualityReport(lots), 'q3.csv');
    expect(await db.chunks.count()).toBeGreaterThan(0);
    await s.discard();
    expect([await db.imports.count(), await db.chunks.count(), await db.rollups.count()]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe('revised exchanges', () => {
  it('match on date, both factories and the experience', async () => {
    const db = freshDb();
    const text = (exp: string) =>
      `date,source_factory,target_factory,experience\n1956-03-02,zhenya,dongwu,${exp}\n1956-03-09,zhenya,guangming,${exp}\n`;
    await importText(db, text('看板'), 'x.csv');
    const s = await stageCsv(
      db,
      bytesSource(new TextEncoder().encode(text('看板') + '1956-04-01,dongwu,guangming,看板\n')),
      {
        fileName: 'y.csv',
      },
    );
    if ('report' in s) throw new Error('not staged');
    expect(s.overlaps.map((o) => [o.fileName, o.rows, o.of])).toEqual([['x.csv', 2, 3]]);
  });
});

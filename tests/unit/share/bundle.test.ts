import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addSlide, listDecks } from '../../../src/lib/db/decks';
import { activateGroup, listImports } from '../../../src/lib/db/imports';
import { recordPage } from '../../../src/lib/db/queries';
import type { LoomDB } from '../../../src/lib/db/database';
import { bytesSource } from '../../../src/lib/import/decode';
import { importCsv } from '../../../src/lib/import/importer';
import {
  exportBundle,
  fetchBundle,
  loadBundle,
  parseBundle,
  stageBundle,
} from '../../../src/lib/share/bundle';
import { EMPTY, counts, freshDb, importText } from '../db/helpers';

const sample = (name: string) =>
  readFileSync(new URL(`../../../public/data/${name}`, import.meta.url), 'utf8');

/** The import worker's interface, run in this thread. */
const clientFor = (db: LoomDB) => ({
  import: (
    blob: Blob,
    fileName: string,
    options: { hash?: string; origin?: string } = {},
    _progress?: unknown,
    source: 'user' | 'sample' = 'user',
    group?: string,
  ) => ({
    id: 0,
    result: blob
      .arrayBuffer()
      .then((b) =>
        importCsv(db, bytesSource(new Uint8Array(b)), { fileName, ...options, source, group }),
      ),
    cancel() {},
  }),
});

async function allRecords(db: LoomDB) {
  const out: Record<string, unknown> = {};
  for (const imp of await listImports(db))
    out[imp.fileName] = (await recordPage(db, imp, 0, 1e6)).rows.map((r) =>
      imp.kind === 'factories' ? r : r.slice(1),
    );
  return out;
}

describe('bundles', () => {
  it('carry every data set and deck to another browser, record for record', async () => {
    const a = freshDb();
    await importText(a, sample('factories.csv'), 'factories.csv');
    await importText(a, sample('production.csv'), 'production.csv');
    await importText(a, sample('exchanges.csv'), 'exchanges.csv');
    await addSlide(a, null, {
      url: '/impact',
      title: 'Did it work?',
      notes: '=1+1 is not a formula here',
    });
    const json = await exportBundle(a, 'Suzhou 1956');

    const b = freshDb();
    const bundle = parseBundle(json, 'suzhou.loom.json');
    expect(bundle.name).toBe('Suzhou 1956');
    expect(bundle.files.map((f) => f.name)).toEqual([
      'factories.csv',
      'production.csv',
      'exchanges.csv',
    ]);
    const done = await loadBundle(b, clientFor(b), bundle);
    expect(done).toEqual({ imported: 3, duplicates: 0, decks: 1 });
    expect(await allRecords(b)).toEqual(await allRecords(a));
    expect((await listDecks(b))[0].slides[0].notes).toBe('=1+1 is not a formula here');

    // Loading it again adds nothing: the files are duplicates and the deck is already here.
    expect(await loadBundle(b, clientFor(b), bundle)).toEqual({
      imported: 0,
      duplicates: 3,
      decks: 0,
    });
  });

  it('knows its files for the ones a browser imported from the original CSV (by content hash)', async () => {
    const a = freshDb();
    await importText(a, sample('factories.csv'), 'factories.csv');
    await importText(a, sample('production.csv'), 'production.csv');
    const bundle = parseBundle(await exportBundle(a, 'Sample'), 'sample.json');
    // The bundle's production CSV is written afresh, not byte for byte the original file.
    expect(bundle.files[1].csv).not.toBe(sample('production.csv'));

    const b = freshDb();
    await importText(b, sample('production.csv'), 'production.csv');
    expect(await loadBundle(b, clientFor(b), bundle)).toEqual({
      imported: 1,
      duplicates: 1,
      decks: 0,
    });
    expect((await listImports(b)).map((i) => i.fileName).sort()).toEqual([
      'factories.csv',
      'production.csv',
    ]);
  });

  it('counts once a file of a group that a bundle in the same group repeats (the sample with its bundles)', async () => {
    const a = freshDb();
    await importText(a, sample('production.csv'), 'production.csv');
    const bundle = parseBundle(await exportBundle(a, 'Sample'), 'sample.json');

    const b = freshDb();
    await importText(b, sample('production.csv'), 'production.csv', { group: 'first-visit' });
    const staged = await stageBundle(b, clientFor(b), bundle, 'sample', 'first-visit');
    expect(staged.duplicates).toBe(1);
    const done = await activateGroup(b, 'first-visit');
    expect(done.imported.map((i) => i.fileName)).toEqual(['production.csv']);
    expect(await listImports(b)).toHaveLength(1);
  });

  it('keeps a cell that starts with = or - exactly (bundle CSV is for Loom, not a spreadsheet)', async () => {
    const a = freshDb();
    await importText(a, 'factory_id,name\n-minus,=SUM(A1)\n', 'factories.csv');
    const bundle = parseBundle(await exportBundle(a, 'x'), 'x.json');
    expect(bundle.files[0].csv).toBe(
      'factory_id,name,name_zh,industry,ownership,district,workers\n-minus,=SUM(A1),,,,,\n',
    );
  });

  it('loads whole or not at all: a broken file removes what the load imported', async () => {
    const b = freshDb();
    const bundle = parseBundle(
      JSON.stringify({
        format: 'loom-bundle',
        name: 'Broken',
        files: [
          { name: 'factories.csv', kind: 'factories', csv: 'factory_id,name\nzhenya,Zhenya\n' },
          {
            name: 'production.csv',
            kind: 'production',
            csv: 'factory_id,product,period,inspected,defective\nzhenya,satin,1956-01,100,400\n',
          },
        ],
      }),
      'broken.json',
    );
    await expect(loadBundle(b, clientFor(b), bundle)).rejects.toThrow(
      /^Broken: production\.csv could not be imported\. Row 2, column “defective”: Defective \(400\)/,
    );
    expect(await counts(b)).toMatchObject({ imports: 0, factories: 0, chunks: 0 });
  });

  it('refuses what is not a bundle, naming the file', () => {
    expect(() => parseBundle('nope', 'a.json')).toThrow(
      'a.json is not a Loom bundle: it is not JSON.',
    );
    expect(() => parseBundle('{"files":[]}', 'a.json')).toThrow('a.json is not a Loom bundle');
    expect(() =>
      parseBundle(
        '{"format":"loom-bundle","files":[{"name":"x.csv","kind":"sales","csv":""}]}',
        'a.json',
      ),
    ).toThrow('a.json, file 1: a file needs a name, a kind and its CSV.');
  });

  it('fetches bundles only from the same origin', async () => {
    await expect(
      fetchBundle('https://evil.example/b.json', 'https://loom.example/app/'),
    ).rejects.toThrow('Loom loads bundles only from this site, not from https://evil.example.');
  });

  it.each([
    'blob:https://loom.example/4f1c',
    'data:application/json,{}',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses the link %s before fetching anything', async (url) => {
    await expect(fetchBundle(url, 'https://loom.example/app/')).rejects.toThrow(
      /A bundle link must be a relative address on this site/,
    );
  });

  it('imports, never skips, a file whose claimed hash belongs to different data here', async () => {
    const b = freshDb();
    const real = await importText(b, 'factory_id,name\nzhenya,Zhenya\n', 'factories.csv');
    const hash = (await listImports(b))[0].hash;
    const lie = parseBundle(
      JSON.stringify({
        format: 'loom-bundle',
        name: 'Liar',
        files: [
          { name: 'f.csv', kind: 'factories', hash, csv: 'factory_id,name\ndongwu,Dongwu\n' },
        ],
      }),
      'liar.json',
    );
    expect(real.status).toBe('imported');
    expect(await loadBundle(b, clientFor(b), lie)).toEqual({
      imported: 1,
      duplicates: 0,
      decks: 0,
    });
    expect((await b.factories.toArray()).map((f) => f.factory_id).sort()).toEqual([
      'dongwu',
      'zhenya',
    ]);
    // The bundle's file stores the hash of its own bytes; the claim is kept apart as `origin`.
    const copy = (await listImports(b)).find((i) => i.fileName === 'f.csv')!;
    expect(copy.hash).not.toBe(hash);
    expect(copy.origin).toBe(hash);
  });

  it('leaves nothing of a bundle whose load stops part-way, and nothing visible while it loads', async () => {
    const a = freshDb();
    await importText(a, sample('factories.csv'), 'factories.csv');
    await importText(a, sample('production.csv'), 'production.csv');
    await importText(a, sample('exchanges.csv'), 'exchanges.csv');
    const bundle = parseBundle(await exportBundle(a, 'Suzhou'), 'suzhou.json');

    const b = freshDb();
    const client = clientFor(b);
    let calls = 0;
    const cut = {
      import: (...args: Parameters<typeof client.import>) => {
        if (++calls === 3) throw new Error('the tab was closed');
        return client.import(...args);
      },
    };
    let seenMidway: number | null = null;
    const watch = {
      import: (...args: Parameters<typeof client.import>) => {
        const job = cut.import(...args);
        return {
          ...job,
          result: job.result.then(async (r) => {
            seenMidway ??= (await listImports(b)).length;
            return r;
          }),
        };
      },
    };
    await expect(loadBundle(b, watch, bundle)).rejects.toThrow('the tab was closed');
    expect(seenMidway).toBe(0);
    expect(await counts(b)).toEqual(EMPTY);
  });
});

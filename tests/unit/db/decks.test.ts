import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LoomDB, SCHEMA } from '../../../src/lib/db/database';
import {
  MAX_SLIDES_PER_FILE,
  addSlide,
  decksFromJson,
  decksToJson,
  deleteDeck,
  importDecks,
  listDecks,
  moveSlide,
  saveDeck,
  type Slide,
} from '../../../src/lib/db/decks';
import { freshDb } from './helpers';

const slide = (n: number): Slide => ({ url: `/trends?n=${n}`, title: `Slide ${n}`, notes: '' });

describe('decks', () => {
  it('adds slides to a new deck, then to that deck, in order', async () => {
    const db = freshDb();
    const id = await addSlide(db, null, slide(1), 'Quality meeting');
    await addSlide(db, id, slide(2));
    const [deck] = await listDecks(db);
    expect(deck.name).toBe('Quality meeting');
    expect(deck.theme).toBe('light');
    expect(deck.slides.map((s) => s.title)).toEqual(['Slide 1', 'Slide 2']);
    await expect(addSlide(db, 999, slide(3))).rejects.toThrow('There is no deck 999.');
  });

  it('renames, reorders and deletes', async () => {
    const db = freshDb();
    const id = await addSlide(db, null, slide(1));
    await addSlide(db, id, slide(2));
    await addSlide(db, id, slide(3));
    const [deck] = await listDecks(db);
    await saveDeck(db, { ...deck, name: 'Renamed', slides: moveSlide(deck.slides, 2, 0) });
    const [after] = await listDecks(db);
    expect(after.name).toBe('Renamed');
    expect(after.slides.map((s) => s.title)).toEqual(['Slide 3', 'Slide 1', 'Slide 2']);
    await deleteDeck(db, id);
    expect(await listDecks(db)).toEqual([]);
  });

  it('moveSlide clamps its target and ignores a missing source', () => {
    const s = [slide(1), slide(2), slide(3)];
    expect(moveSlide(s, 0, 99).map((x) => x.title)).toEqual(['Slide 2', 'Slide 3', 'Slide 1']);
    expect(moveSlide(s, 1, -5).map((x) => x.title)).toEqual(['Slide 2', 'Slide 1', 'Slide 3']);
    expect(moveSlide(s, 7, 0)).toEqual(s);
  });

  it('round-trips through a deck file, which an import adds as new decks', async () => {
    const db = freshDb();
    const id = await addSlide(db, null, {
      url: '/network?at=1956-06-01',
      title: '网络',
      notes: 'Say why',
    });
    const json = decksToJson(await listDecks(db));
    const decks = decksFromJson(json, 'decks.json');
    expect(decks).toEqual([
      {
        name: 'My deck',
        theme: 'light',
        slides: [{ url: '/network?at=1956-06-01', title: '网络', notes: 'Say why' }],
        updatedAt: 0,
      },
    ]);
    const ids = await importDecks(db, decks);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe(id);
    expect(await db.decks.count()).toBe(2);
  });

  it('refuses a broken deck file with a message naming the file, deck and slide', () => {
    expect(() => decksFromJson('{', 'x.json')).toThrow(
      'x.json is not a Loom deck file: it is not JSON.',
    );
    expect(() => decksFromJson('{"decks":[]}', 'x.json')).toThrow('x.json is not a Loom deck file');
    const bad = JSON.stringify({
      format: 'loom-decks',
      decks: [{ name: 'A', slides: [{ url: '/trends' }, { url: 'https://evil.example/' }] }],
    });
    expect(() => decksFromJson(bad, 'x.json')).toThrow(
      'x.json, deck 1, slide 2: "url" must be a view',
    );
  });

  it('refuses a deck file of 50,000 slides at once, naming the limit, and takes 1,000', () => {
    const file = (n: number) =>
      JSON.stringify({
        format: 'loom-decks',
        decks: [{ name: 'Huge', slides: Array.from({ length: n }, () => ({ url: '/trends' })) }],
      });
    expect(() => decksFromJson(file(50_000), 'huge.json')).toThrow(
      'huge.json holds 50,000 slides; a deck file may hold at most 1,000.',
    );
    expect(decksFromJson(file(MAX_SLIDES_PER_FILE), 'ok.json')[0].slides).toHaveLength(1_000);
  });

  it('opens a version-1 database, keeping its imports, and adds the decks table', async () => {
    const name = `loom-v1-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[1]);
    await v1.table('imports').add({ fileName: 'old.csv', status: 'active', kind: 'factories' });
    v1.close();
    const db = new LoomDB(name);
    expect((await db.imports.toArray()).map((i) => i.fileName)).toEqual(['old.csv']);
    await addSlide(db, null, slide(1));
    expect(await db.decks.count()).toBe(1);
    expect(db.verno).toBe(3);
  });
});

// Presenter decks: saved views (URL, title, speaker notes) in order, stored in IndexedDB and
// exported or imported as JSON files.
import type { LoomDB } from './database';
import { noticeError } from '../i18n/notice';
import { THEMES, type Deck, type Slide, type Theme } from './deckTypes';

export { THEMES, type Deck, type Slide, type Theme } from './deckTypes';

/** Every deck, most recently changed first. */
export async function listDecks(db: LoomDB): Promise<Deck[]> {
  return (await db.decks.toArray()).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Saves a deck (new or changed) and gives its id. */
export async function saveDeck(db: LoomDB, deck: Deck): Promise<number> {
  // The key is auto-incremented, so put() always gives one back.
  return (await db.decks.put({
    ...deck,
    slides: deck.slides.map((s) => ({ ...s })),
    updatedAt: Date.now(),
  })) as number;
}

/** Adds a slide to the end of a deck, or of a new deck called `newName` when `deckId` is null. */
export async function addSlide(
  db: LoomDB,
  deckId: number | null,
  slide: Slide,
  newName = 'My deck',
): Promise<number> {
  return db.transaction('rw', db.decks, async () => {
    const deck = deckId === null ? undefined : await db.decks.get(deckId);
    if (deckId !== null && !deck) throw new Error(`There is no deck ${deckId}.`);
    const base: Deck = deck ?? { name: newName, theme: 'light', slides: [], updatedAt: 0 };
    return saveDeck(db, { ...base, slides: [...base.slides, slide] });
  });
}

export async function deleteDeck(db: LoomDB, id: number): Promise<void> {
  await db.decks.delete(id);
}

/** The slides with the one at `from` moved to `to` (both clamped to the list). */
export function moveSlide(slides: readonly Slide[], from: number, to: number): Slide[] {
  const out = [...slides];
  if (from < 0 || from >= out.length) return out;
  const [s] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, s);
  return out;
}

/** The hash route that presents slide `n` (1-based) of a deck. */
export const slideRoute = (deckId: number, n: number) => `/present/${deckId}/${n}`;

const FORMAT = 'loom-decks';

/**
 * The most slides a deck file (or a bundle's decks) may hold in all. A talk has tens; a file
 * with thousands is a mistake or an attack, and each slide is a live view to lay out.
 */
export const MAX_SLIDES_PER_FILE = 1_000;

/** Decks as the JSON of a deck file (ids dropped: an import always adds). */
export function decksToJson(decks: readonly Deck[]): string {
  return JSON.stringify(
    {
      format: FORMAT,
      version: 1,
      decks: decks.map(({ name, theme, slides }) => ({ name, theme, slides })),
    },
    null,
    2,
  );
}

/**
 * Reads a deck file. Throws an Error naming the file and what is wrong (not JSON, not a
 * deck file, a slide without a view) and never returns half of a file.
 */
export function decksFromJson(text: string, fileName: string): Deck[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw noticeError('deck-not-json', { file: fileName });
  }
  const file = data as { format?: unknown; decks?: unknown };
  if (file?.format !== FORMAT || !Array.isArray(file.decks))
    throw noticeError('deck-format', { file: fileName, format: FORMAT });
  let slides = 0;
  for (const d of file.decks as { slides?: unknown }[])
    if (Array.isArray(d?.slides)) slides += d.slides.length;
  if (slides > MAX_SLIDES_PER_FILE)
    throw noticeError('deck-too-big', { file: fileName, n: slides, max: MAX_SLIDES_PER_FILE });
  return file.decks.map((d: Record<string, unknown>, i: number) => {
    if (typeof d?.name !== 'string' || !Array.isArray(d.slides))
      throw noticeError('deck-shape', { file: fileName, n: i + 1 });
    const slides = d.slides.map((s: Record<string, unknown>, j: number) => {
      if (typeof s?.url !== 'string' || !s.url.startsWith('/'))
        throw noticeError('deck-slide', { file: fileName, n: i + 1, slide: j + 1 });
      return {
        url: s.url,
        title: typeof s.title === 'string' ? s.title : s.url,
        notes: typeof s.notes === 'string' ? s.notes : '',
        ...(s.step === true ? { step: true } : {}),
      };
    });
    const theme = THEMES.includes(d.theme as Theme) ? (d.theme as Theme) : 'light';
    return { name: d.name, theme, slides, updatedAt: 0 };
  });
}

/** A deck's identity for "already here": its name and its slides. */
const deckKey = (d: Pick<Deck, 'name' | 'slides'>) => JSON.stringify([d.name, d.slides]);

/**
 * Adds the decks of a deck file, all or none; gives their ids. With `skipHeld`, a deck this
 * browser already holds (same name and slides) is not added again: checked inside the
 * transaction, so two tabs opening the same bundle at once add it once.
 */
export async function importDecks(
  db: LoomDB,
  decks: readonly Deck[],
  { skipHeld = false } = {},
): Promise<number[]> {
  return db.transaction('rw', db.decks, async () => {
    const held = skipHeld ? new Set((await db.decks.toArray()).map(deckKey)) : new Set();
    const ids: number[] = [];
    for (const d of decks) {
      if (held.has(deckKey(d))) continue;
      held.add(deckKey(d));
      ids.push(await saveDeck(db, { ...d, id: undefined }));
    }
    return ids;
  });
}

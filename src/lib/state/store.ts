/**
 * The one path from pages and widgets to the database. Pages never open the database
 * themselves: they read live data through {@link activeData} and {@link live}, whose failures
 * show as the app's alert, and they change decks and data sets through the functions here,
 * each bound to this browser's database.
 */
import { getDb, type ImportRow } from '../db/database';
import * as decks from '../db/decks';
import { dataSummary, recordPage, type DataSummary, type RecordPage } from '../db/queries';
import { isDerived, listImports } from '../db/imports';
import { exportBundle, loadBundle, type Bundle } from '../share/bundle';
import { importClient } from '../import/client';

export type { ImportRow, RecordPage, DataSummary };
export type { Deck, Slide, Theme } from '../db/decks';
export { THEMES, decksFromJson, decksToJson, moveSlide, slideRoute } from '../db/decks';
export { isDerived };

/** Decks saved in this browser. */
export const deckStore = {
  list: () => decks.listDecks(getDb()),
  get: (id: number) => getDb().decks.get(id),
  save: (deck: decks.Deck) => decks.saveDeck(getDb(), deck),
  addSlide: (deckId: number | null, slide: decks.Slide, newName?: string) =>
    decks.addSlide(getDb(), deckId, slide, newName),
  remove: (id: number) => decks.deleteDeck(getDb(), id),
  /** Adds a deck file's decks, leaving out those already here; gives the ids of those added. */
  importAll: (read: readonly decks.Deck[]) => decks.importDecks(getDb(), read, { skipHeld: true }),
};

/** The imports and what they hold, for the Data page. */
export const dataStore = {
  imports: () => listImports(getDb()),
  summary: () => dataSummary(getDb()),
  recordPage: (imp: ImportRow, page: number, size: number) => recordPage(getDb(), imp, page, size),
  exportBundle: (name: string) => exportBundle(getDb(), name),
  loadBundle: (bundle: Bundle) => loadBundle(getDb(), importClient(), bundle),
};

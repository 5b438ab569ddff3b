// The presenter: which deck and slide are showing, the projector theme, and the channel that
// keeps a notes window in step.
import { replace } from 'svelte-spa-router';
import { slideRoute, type Deck, type Theme } from '../db/decks';
import { currentRoute, showView, splitRoute } from './route';

/** Messages between the presenting window and its notes window. */
export type PresenterMessage =
  | { type: 'slide'; deckId: number; index: number }
  | { type: 'hello' }
  | { type: 'go'; to: 'next' | 'prev' };

const CHANNEL = 'loom-presenter';

export const presenter = $state({
  deck: null as Deck | null,
  index: 0,
  /** A view embedded in another page (`#/embed/<view>`): the chart alone, no app chrome. */
  embedded: false,
  /**
   * Step mode: how many of the slide's steps (its series) are revealed, and how many it has
   * (the view says, when it draws). The next key reveals one more before the next slide.
   */
  revealed: 1,
  steps: 1,
});

/** How many of a view's `n` series a slide shows: all, or in step mode those revealed so far. */
export const revealedOf = (n: number): number =>
  currentSlide()?.step ? Math.min(n, Math.max(1, presenter.revealed)) : n;

/** Whether a view shows bare, as a slide or an embed: no navigation, controls or hints. */
export const bare = () => presenter.deck !== null || presenter.embedded;

/** Shows views bare for an iframe (or stops): no app chrome, controls or hints, the chart filling the frame. */
export function setEmbedded(on: boolean): void {
  presenter.embedded = on;
  if (on) document.documentElement.dataset.embed = '';
  else delete document.documentElement.dataset.embed;
}

/** The slide showing, while presenting. */
export const currentSlide = () => presenter.deck?.slides[presenter.index] ?? null;

let channel: BroadcastChannel | null = null;
function post(message: PresenterMessage) {
  channel?.postMessage(message);
}

/** Applies (or, with null, removes) a projector theme and the large type of presenting. */
export function applyTheme(theme: Theme | null): void {
  const root = document.documentElement;
  if (theme) {
    root.dataset.theme = theme;
    root.dataset.presenting = '';
  } else {
    delete root.dataset.theme;
    delete root.dataset.presenting;
  }
}

/** The address of slide `index` (0-based): its own path, with its view's query. */
function slideHash(deck: Deck, index: number): { path: string; query: string } {
  return { path: slideRoute(deck.id!, index + 1), query: splitRoute(deck.slides[index].url).query };
}

/**
 * Shows slide `index` (0-based) of `deck`: the live view of its URL, presented. The address
 * stays the slide's own (`#/present/<deck>/<n>?<the view's query>`), so a reload stays in the
 * talk, and what the presenter changes on the slide (a zoom, a playback date) stays in it too.
 */
export function showSlide(deck: Deck, index: number): void {
  const i = Math.max(0, Math.min(deck.slides.length - 1, index));
  if (presenter.deck?.id !== deck.id || presenter.index !== i) presenter.revealed = 1;
  presenter.deck = deck;
  presenter.index = i;
  applyTheme(deck.theme);
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<PresenterMessage>) => {
      if (!presenter.deck) return;
      if (e.data.type === 'hello') announce();
      else if (e.data.type === 'go') move(e.data.to);
    };
  }
  announce();
  // Arriving with no query (a bookmark, the deck list's link): the slide's view as it was saved.
  const { path, query } = slideHash(deck, i);
  if (!currentRoute().query && query) void replace(`${path}?${query}`);
}

function announce() {
  if (presenter.deck?.id !== undefined)
    post({ type: 'slide', deckId: presenter.deck.id, index: presenter.index });
}

/** Moves through the deck: each slide is reached through its own URL (`#/present/<deck>/<n>`). */
export function move(to: 'next' | 'prev' | 'first' | 'last'): void {
  const deck = presenter.deck;
  if (!deck?.id) return;
  // A stepped slide reveals, or hides again, one series a key before it moves on.
  if (deck.slides[presenter.index]?.step) {
    if (to === 'next' && presenter.revealed < presenter.steps) return void presenter.revealed++;
    if (to === 'prev' && presenter.revealed > 1) return void presenter.revealed--;
  }
  const last = deck.slides.length - 1;
  const i =
    to === 'next'
      ? Math.min(last, presenter.index + 1)
      : to === 'prev'
        ? Math.max(0, presenter.index - 1)
        : to === 'first'
          ? 0
          : last;
  if (i === presenter.index) return;
  const { path, query } = slideHash(deck, i);
  showView(path, query);
}

/** Leaves the presentation (and full screen) for the deck list. */
export function stopPresenting(): void {
  presenter.deck = null;
  applyTheme(null);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  showView('/present', '');
}

/** Opens the speaker-notes window, which follows the slides. */
export function openNotes(deckId: number): void {
  window.open(`#/notes/${deckId}`, 'loom-notes', 'popup,width=560,height=640');
}

/** For the notes window: listens for slide changes and can ask to move. */
export function notesChannel(onSlide: (deckId: number, index: number) => void) {
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent<PresenterMessage>) => {
    if (e.data.type === 'slide') onSlide(e.data.deckId, e.data.index);
  };
  ch.postMessage({ type: 'hello' } satisfies PresenterMessage);
  return {
    go: (to: 'next' | 'prev') => ch.postMessage({ type: 'go', to } satisfies PresenterMessage),
    close: () => ch.close(),
  };
}

import { liveQuery } from 'dexie';
import { errorText } from '../i18n/i18n.svelte';
import { appState } from './app.svelte';

/**
 * A Dexie live query as a rune: `current` is the latest result (or `initial`
 * until the first one), re-run whenever a write anywhere in the origin (this
 * page, the import worker, another tab) touches what it read. Call it during
 * component initialisation; it unsubscribes when the component goes. A failure is shown
 * as the app's alert, naming what went wrong, and the last result stays.
 */
export function live<T>(
  query: () => Promise<T>,
  initial: T,
): { readonly current: T; readonly loaded: boolean } {
  let current = $state.raw(initial);
  let loaded = $state(false);
  $effect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        current = v;
        loaded = true;
      },
      error: (e) => {
        appState.error = errorText(e);
      },
    });
    return () => sub.unsubscribe();
  });
  return {
    get current() {
      return current;
    },
    get loaded() {
      return loaded;
    },
  };
}

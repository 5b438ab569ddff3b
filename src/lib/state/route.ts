/**
 * Shows a view by setting the URL hash (`#/path?query`), the one source of truth for what a
 * view shows. Straight to `location.hash`: svelte-spa-router's push() reads the scroll position
 * first, which forces a layout of a page full of charts. It still adds a history entry.
 */
export function showView(path: string, query: string): void {
  location.hash = `${path}${query ? `?${query}` : ''}`;
}

/** The bundle a link asks for (`#/?bundle=data/suzhou.loom.json`), or null. */
export function bundleInLink(hash = location.hash): string | null {
  const q = hash.split('?')[1];
  return q ? new URLSearchParams(q).get('bundle') : null;
}

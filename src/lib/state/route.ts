/**
 * Shows a view by setting the URL hash (`#/path?query`), the one source of truth for what a
 * view shows. It adds a history entry with pushState and tells the router at once, rather
 * than assigning `location.hash`: that is a fragment navigation, which makes the browser look
 * for an element to scroll to and lay out a page full of charts first (and svelte-spa-router's
 * push() reads the scroll position, which does the same). Back and Forward still fire
 * hashchange as usual.
 */
export function showView(path: string, query: string): void {
  const hash = `#${path}${query ? `?${query}` : ''}`;
  if (hash === location.hash) return;
  history.pushState(history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A hash route (`/trends?factories=guangming`) split into its path and its query. */
export function splitRoute(route: string): { path: string; query: string } {
  const q = route.indexOf('?');
  return q < 0
    ? { path: route, query: '' }
    : { path: route.slice(0, q), query: route.slice(q + 1) };
}

/** The hash route showing. */
export const currentRoute = () => splitRoute(location.hash.replace(/^#/, '') || '/');

/**
 * Changes what a view shows, its query. A view shown on a slide (`#/present/<deck>/<n>`) or
 * embedded (`#/embed/<view>`) keeps that address; elsewhere the view's own `path`.
 */
export function updateView(path: string, query: string): void {
  const here = currentRoute().path;
  showView(/^\/(present|embed)\//.test(here) ? here : path, query);
}

/** The bundle a link asks for (`#/?bundle=data/suzhou.loom.json`), or null. */
export function bundleInLink(hash = location.hash): string | null {
  const q = hash.split('?')[1];
  return q ? new URLSearchParams(q).get('bundle') : null;
}

// The views a link, a slide or an embed can show, by their hash path. The app's router and the
// presented slide load the same page chunks from this one table.
import type { Component } from 'svelte';

type PageModule = Promise<{ default: Component<any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Each view page, loaded when first shown (each is its own chunk). */
export const viewPages: Record<string, () => PageModule> = {
  '/trends': () => import('./trends/Trends.svelte'),
  '/network': () => import('./network/Network.svelte'),
  '/impact': () => import('./impact/Impact.svelte'),
  '/control': () => import('./control/Control.svelte'),
  '/import': () => import('./import/Import.svelte'),
  '/data': () => import('./data/Data.svelte'),
};

/**
 * Where the network's factories were last laid out, by factory id, kept in this browser
 * (localStorage), so the map holds across visits and imports: a graph that gains or loses
 * factories keeps the others where they were. Only "Re-layout" forgets it.
 */
const KEY = 'loom:network-layout';

/** The positions remembered, by factory id (empty when none, or when storage is unavailable). */
export function rememberedLayout(): Map<string, [number, number]> {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    const data: unknown = raw ? JSON.parse(raw) : null;
    if (!data || typeof data !== 'object') return new Map();
    const out = new Map<string, [number, number]>();
    for (const [id, p] of Object.entries(data as Record<string, unknown>))
      if (Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]))
        out.set(id, [p[0], p[1]]);
    return out;
  } catch {
    return new Map();
  }
}

/**
 * Remembers a layout: these factories' positions (rounded to a tenth of a layout unit),
 * merged over what was remembered, so a filtered or smaller graph does not forget the others.
 */
export function rememberLayout(ids: readonly string[], xy: ArrayLike<number>): void {
  try {
    const all = Object.fromEntries(rememberedLayout());
    ids.forEach((id, i) => {
      all[id] = [Math.round(xy[2 * i] * 10) / 10, Math.round(xy[2 * i + 1] * 10) / 10];
    });
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or unavailable: the map simply is not kept.
  }
}

/** A view of the graph as last shown: its zoom and pan, on a chart of this size. */
export interface KeptView {
  k: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
const VIEW_KEY = 'loom:network-view';

/** The view remembered, or null. */
export function rememberedView(): KeptView | null {
  try {
    const v = JSON.parse(localStorage.getItem(VIEW_KEY) ?? 'null') as KeptView | null;
    return v && [v.k, v.x, v.y, v.width, v.height].every(Number.isFinite) ? v : null;
  } catch {
    return null;
  }
}

/** Remembers the view, so the next visit frames the map as this one left it. */
export function rememberView(v: KeptView): void {
  try {
    localStorage.setItem(VIEW_KEY, JSON.stringify(v));
  } catch {
    // Not kept.
  }
}

/** Forgets every remembered position and the view: the next layout starts afresh ("Re-layout"). */
export function forgetLayout(): void {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(VIEW_KEY);
  } catch {
    // Nothing to forget.
  }
}

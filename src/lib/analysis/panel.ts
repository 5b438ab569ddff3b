import type { PanelRow } from './did';

/** One unit of a panel: its first treated period (null for never) and its outcome by period. */
export interface PanelUnit {
  id: string;
  group: number | null;
  y: Map<number, number>;
}

/**
 * A panel's rows gathered by unit, with its sorted periods and the last one. Throws a
 * TypeError for a unit given two groups. Does not mutate `rows`.
 */
export function indexPanel(rows: readonly PanelRow[]): {
  units: PanelUnit[];
  times: number[];
  last: number;
} {
  const byId = new Map<string, PanelUnit>();
  const times = new Set<number>();
  for (const r of rows) {
    times.add(r.time);
    let u = byId.get(r.unit);
    if (!u) byId.set(r.unit, (u = { id: r.unit, group: r.group, y: new Map() }));
    else if (u.group !== r.group)
      throw new TypeError(`unit ${r.unit} has groups ${u.group} and ${r.group}`);
    u.y.set(r.time, r.y);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { units: [...byId.values()], times: sorted, last: sorted[sorted.length - 1] ?? -Infinity };
}

/**
 * Whether unit `c` can serve as a comparison for units first treated at `g` over a window
 * reaching `g + k`: never treated (or first treated after the last period), or with `notYet`
 * first treated after the window.
 */
export function comparesWith(
  c: { group: number | null },
  g: number,
  k: number,
  last: number,
  notYet: boolean,
): boolean {
  return c.group === null || c.group > last || (notYet && c.group > g + k);
}

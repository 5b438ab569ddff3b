// Staggered difference-in-differences: Callaway & Sant'Anna (2021), "Difference-in-Differences
// with multiple time periods", J. Econometrics 225(2), without covariates (the unconditional
// estimator), as R's `did` package computes it with `base_period = "varying"`, and its
// aggregations as `did::aggte`. Point estimates only for now; intervals come with the
// influence functions.

/** One unit (a factory) in one period: its outcome, and the first period it was treated. */
export interface PanelRow {
  unit: string;
  /** A period as a number on one scale (a month index, a year). */
  time: number;
  y: number;
  /** The first treated period; null for a unit never treated. */
  group: number | null;
}

/** Which units the treated are compared with. */
export type Control = 'never' | 'notYet';

/** ATT(g, t): the average effect at period t on the units first treated at g. */
export interface AttCell {
  group: number;
  time: number;
  att: number;
  /** The period the change is measured from. */
  base: number;
  /** Treated and comparison units in the cell. */
  treated: number;
  controls: number;
}

/** What {@link attGt} estimates. NaN where there is nothing to average. */
export interface AttGt {
  cells: AttCell[];
  /** Event-time effects, e = t − g, weighted by group size among the groups seen at e. */
  dynamic: { e: number; att: number }[];
  /** The mean of `dynamic` over e ≥ 0. */
  overall: number;
  /** Each group's mean effect over its periods t ≥ g. */
  byGroup: { group: number; att: number }[];
  /** `byGroup` weighted by group size. */
  groupOverall: number;
  /** Units per group, and never-treated units. */
  sizes: { group: number; units: number }[];
  never: number;
}

/**
 * ATT(g,t) for every group and period, and their aggregations (Callaway & Sant'Anna 2021,
 * no covariates). For t ≥ g the change is measured from g − 1 (the period before g in the
 * sorted periods); before g from t − 1 (the `did` package's varying base period). The
 * comparison units are the never treated (`never`) or, by default, those not yet treated
 * at the later of t and the base (`notYet`). A unit first treated in the first period has no
 * period before and is left out; one first treated after the last period counts as never
 * treated, as in `did`. Only units observed in both periods of a cell count in it. Does not
 * mutate `rows`. Throws a TypeError for a unit given two groups.
 */
export function attGt(rows: readonly PanelRow[], options: { control?: Control } = {}): AttGt {
  const control = options.control ?? 'notYet';
  const times = [...new Set(rows.map((r) => r.time))].sort((a, b) => a - b);
  const last = times[times.length - 1];
  // Each unit's group and outcomes by period.
  const units = new Map<string, { group: number | null; y: Map<number, number> }>();
  for (const r of rows) {
    const group = r.group !== null && r.group > last ? null : r.group;
    let u = units.get(r.unit);
    if (!u) units.set(r.unit, (u = { group, y: new Map() }));
    else if (u.group !== group)
      throw new TypeError(`attGt: unit ${r.unit} has groups ${u.group} and ${group}`);
    u.y.set(r.time, r.y);
  }
  const all = [...units.values()];
  const groups = [...new Set(all.map((u) => u.group).filter((g): g is number => g !== null))]
    .filter((g) => g > times[0])
    .sort((a, b) => a - b);
  const sizeOf = new Map(groups.map((g) => [g, all.filter((u) => u.group === g).length]));
  const before = (t: number) => times[times.indexOf(t) - 1];

  /** Mean change from `b` to `t` over units observed at both. */
  const meanChange = (us: typeof all, t: number, b: number) => {
    let sum = 0;
    let n = 0;
    for (const u of us) {
      const yt = u.y.get(t);
      const yb = u.y.get(b);
      if (yt === undefined || yb === undefined) continue;
      sum += yt - yb;
      n++;
    }
    return { mean: n ? sum / n : NaN, n };
  };

  const cells: AttCell[] = [];
  for (const g of groups) {
    const treated = all.filter((u) => u.group === g);
    for (const t of times.slice(1)) {
      const base = t >= g ? before(g) : before(t);
      const latest = Math.max(t, base);
      const comparison = all.filter((u) =>
        u.group === null ? true : control === 'notYet' && u.group > latest && u.group !== g,
      );
      const a = meanChange(treated, t, base);
      const c = meanChange(comparison, t, base);
      if (!a.n || !c.n) continue;
      cells.push({
        group: g,
        time: t,
        att: a.mean - c.mean,
        base,
        treated: a.n,
        controls: c.n,
      });
    }
  }

  // Aggregations as did::aggte: event time weighted by group size among the groups seen there.
  const byE = new Map<number, AttCell[]>();
  for (const c of cells) {
    const e = c.time - c.group;
    const at = byE.get(e);
    if (at) at.push(c);
    else byE.set(e, [c]);
  }
  const weighted = (cs: readonly AttCell[]) => {
    const w = cs.reduce((s, c) => s + sizeOf.get(c.group)!, 0);
    return cs.reduce((s, c) => s + (c.att * sizeOf.get(c.group)!) / w, 0);
  };
  const dynamic = [...byE.keys()]
    .sort((a, b) => a - b)
    .map((e) => ({ e, att: weighted(byE.get(e)!) }));
  const post = dynamic.filter((d) => d.e >= 0);
  const byGroup = groups
    .map((g) => {
      const cs = cells.filter((c) => c.group === g && c.time >= g);
      return { group: g, att: cs.length ? mean(cs.map((c) => c.att)) : NaN };
    })
    .filter((b) => !Number.isNaN(b.att));
  const sized = byGroup.reduce((s, b) => s + sizeOf.get(b.group)!, 0);
  return {
    cells,
    dynamic,
    overall: post.length ? mean(post.map((d) => d.att)) : NaN,
    byGroup,
    groupOverall: sized
      ? byGroup.reduce((s, b) => s + (b.att * sizeOf.get(b.group)!) / sized, 0)
      : NaN,
    sizes: groups.map((g) => ({ group: g, units: sizeOf.get(g)! })),
    never: all.filter((u) => u.group === null).length,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

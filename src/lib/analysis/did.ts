import { chiSquareUpper, fUpper } from './distributions';
import { solveSpd } from './linalg';
import { indexPanel } from './panel';
import { seeded } from '../random';

// Staggered difference-in-differences: Callaway & Sant'Anna (2021), "Difference-in-Differences
// with multiple time periods", J. Econometrics 225(2), without covariates (the unconditional
// estimator), as R's `did` package computes it with `base_period = "varying"`, and its
// aggregations as `did::aggte`, with their influence functions: analytic standard errors
// clustered by unit, the Wald pre-test of parallel trends, and a seeded multiplier bootstrap
// for the simultaneous band of the event-time curve, as `did::mboot` draws it.

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
  /** The analytic standard error from the influence function, clustered by unit. */
  se: number;
}

/** An estimate with its standard error (NaN where it cannot be computed). */
export interface Estimate {
  att: number;
  se: number;
}

/** A Wald test that several estimates are all zero. */
export interface WaldTest {
  /** The statistic n·b'V⁻¹b, χ² with `df` degrees of freedom under the null. */
  w: number;
  df: number;
  /** Its p-value from χ², as did reports it. */
  p: number;
  /**
   * Its p-value with Hotelling's small-sample correction, W·(n − q)/(q·(n − 1)) ~ F(q, n − q):
   * the χ² test rejects far too often when V is estimated from a few dozen units.
   */
  pSmall: number;
}

/** What {@link attGt} estimates. NaN where there is nothing to average. */
export interface AttGt {
  cells: AttCell[];
  /**
   * Event-time effects, e = t − g, weighted by group size among the groups seen at e, with
   * their standard errors (the bootstrap's when `draws` > 0, as did reports them; else analytic).
   */
  dynamic: ({ e: number } & Estimate)[];
  /** The mean of `dynamic` over e ≥ 0. */
  overall: number;
  overallSe: number;
  /** Each group's mean effect over its periods t ≥ g. */
  byGroup: ({ group: number } & Estimate)[];
  /** `byGroup` weighted by group size. */
  groupOverall: number;
  groupOverallSe: number;
  /**
   * The critical value of a simultaneous 95% band over `dynamic`: the 95th percentile of the
   * largest |t| across event times in the bootstrap. NaN without draws; never below 1.96.
   */
  crit: number;
  /**
   * did's Wald pre-test of parallel trends: every ATT(g,t) with t < g is zero, with the
   * analytic covariance. Null when there is no pre-treatment cell, the covariance is singular,
   * or `cellPretest` is false.
   */
  pretest: WaldTest | null;
  /** The same test on the event-time effects before adoption (e < 0) that `dynamic` holds. */
  eventPretest: WaldTest | null;
  /** Units per group, and never-treated units. */
  sizes: { group: number; units: number }[];
  never: number;
  /** Units in the estimation: every unit but those treated in the first period. */
  n: number;
}

/** Options of {@link attGt}. */
export interface AttOptions {
  /** The comparison units (default not yet treated). */
  control?: Control;
  /** Event times kept in `dynamic` and its overall effect, as did::aggte's min_e and max_e. */
  minE?: number;
  maxE?: number;
  /** Multiplier-bootstrap draws for `dynamic` (0, the default, for analytic errors only). */
  draws?: number;
  /** The bootstrap's seed (default 1956): the same seed gives the same band. */
  seed?: number;
  /**
   * Whether to compute did's pre-test over every pre-treatment cell (default true). Its
   * covariance has a row per cell, so it costs cells² × units: hundreds of milliseconds for
   * 500 units and 30 groups. `eventPretest` is always computed.
   */
  cellPretest?: boolean;
}

/**
 * ATT(g,t) for every group and period, and their aggregations (Callaway & Sant'Anna 2021,
 * no covariates). For t ≥ g the change is measured from g − 1 (the period before g in the
 * sorted periods); before g from t − 1 (the `did` package's varying base period). The
 * comparison units are the never treated (`never`) or, by default, those not yet treated
 * at the later of t and the base (`notYet`). A unit first treated in the first period has no
 * period before and is left out; one first treated after the last period counts as never
 * treated, as in `did`. Only units observed in both periods of a cell count in it.
 *
 * Standard errors come from the influence functions, one value per unit, so they are
 * clustered by unit: a cell's is n·[(ΔYᵢ − ȳ_T)/n_T] for its treated units and
 * −n·[(ΔYᵢ − ȳ_C)/n_C] for its comparison units; the aggregations add the term for
 * estimating the group-size weights (did's `wif`). With `draws`, the event-time effects get
 * Mammen multiplier-bootstrap errors (the normalised interquartile range) and a simultaneous
 * band, as `did::mboot`. Does not mutate `rows`. Throws a TypeError for a unit given two groups.
 */
export function attGt(rows: readonly PanelRow[], options: AttOptions = {}): AttGt {
  const control = options.control ?? 'notYet';
  const minE = options.minE ?? -Infinity;
  const maxE = options.maxE ?? Infinity;
  const panel = indexPanel(rows);
  const { times, last } = panel;
  const at = new Map(times.map((t, i) => [t, i]));
  // Each unit's group (after the last period counts as never, as in did) and outcomes by
  // period index, NaN where it is not observed.
  const byId = panel.units.map((u): Unit => {
    const y = new Float64Array(times.length).fill(NaN);
    for (const [t, v] of u.y) y[at.get(t)!] = v;
    return { group: u.group !== null && u.group > last ? null : u.group, y, i: -1 };
  });
  // Units treated in the first period have no before: did drops them from the data.
  const all = byId.filter((u) => u.group === null || u.group > times[0]);
  all.forEach((u, i) => (u.i = i));
  const n = all.length;
  const groups = [...new Set(all.map((u) => u.group).filter((g): g is number => g !== null))].sort(
    (a, b) => a - b,
  );
  const sizeOf = new Map(groups.map((g) => [g, all.filter((u) => u.group === g).length]));
  const before = (t: number) => times[times.indexOf(t) - 1];

  // A cell's two sets of units and their changes; its influence function on demand.
  interface Work {
    cell: AttCell;
    treated: Change;
    comparison: Change;
  }
  const work: Work[] = [];
  for (const g of groups) {
    const treated = all.filter((u) => u.group === g);
    for (const t of times.slice(1)) {
      const base = t >= g ? before(g) : before(t);
      const latest = Math.max(t, base);
      const comparison = all.filter((u) =>
        u.group === null ? true : control === 'notYet' && u.group > latest && u.group !== g,
      );
      const a = changes(treated, at.get(t)!, at.get(base)!);
      const c = changes(comparison, at.get(t)!, at.get(base)!);
      if (!a.units.length || !c.units.length) continue;
      const cell: AttCell = {
        group: g,
        time: t,
        att: a.mean - c.mean,
        base,
        treated: a.units.length,
        controls: c.units.length,
        se: NaN,
      };
      work.push({ cell, treated: a, comparison: c });
    }
  }
  const influence = (w: Work, into = new Float64Array(n), scale = 1): Float64Array => {
    for (const [set, sign] of [
      [w.treated, 1],
      [w.comparison, -1],
    ] as const) {
      const k = (scale * sign * n) / set.units.length;
      set.units.forEach((u, j) => (into[u.i] += k * (set.deltas[j] - set.mean)));
    }
    return into;
  };
  const seOf = (inf: Float64Array) => Math.sqrt(sumSquares(inf)) / n;
  for (const w of work) w.cell.se = seOf(influence(w));
  const cells = work.map((w) => w.cell);

  // Aggregations as did::aggte; pg is each group's share of the n units.
  const pg = (g: number) => sizeOf.get(g)! / n;
  /** Σ wₖ·IFₖ plus the influence of estimating the weights pgₖ / Σpg (did's wif). */
  const weightedInfluence = (ws: readonly Work[]) => {
    const S = ws.reduce((s, w) => s + pg(w.cell.group), 0);
    const inf = new Float64Array(n);
    for (const w of ws) influence(w, inf, pg(w.cell.group) / S);
    // wif·att: Σₖ attₖ[(1{Gᵢ=gₖ} − pgₖ)/S − pgₖ/S²·Σⱼ(1{Gᵢ=gⱼ} − pgⱼ)].
    const attSum = ws.reduce((s, w) => s + w.cell.att * pg(w.cell.group), 0);
    const pgSum = S;
    const attOf = new Map(ws.map((w) => [w.cell.group, w.cell.att]));
    for (const u of all) {
      const own = u.group !== null && attOf.has(u.group);
      const centredSum = (own ? 1 : 0) - pgSum;
      const first = ((own ? attOf.get(u.group!)! : 0) - attSum) / S;
      inf[u.i] += first - (centredSum * attSum) / (S * S);
    }
    return inf;
  };
  const meanInfluence = (infs: readonly Float64Array[]) => {
    const out = new Float64Array(n);
    for (const inf of infs) for (let i = 0; i < n; i++) out[i] += inf[i] / infs.length;
    return out;
  };

  const byE = new Map<number, Work[]>();
  for (const w of work) {
    const e = w.cell.time - w.cell.group;
    if (e < minE || e > maxE) continue;
    const at = byE.get(e);
    if (at) at.push(w);
    else byE.set(e, [w]);
  }
  const es = [...byE.keys()].sort((a, b) => a - b);
  const dynInf = es.map((e) => weightedInfluence(byE.get(e)!));
  const dynamic = es.map((e, k) => ({
    e,
    att: weighted(
      byE.get(e)!.map((w) => w.cell),
      pg,
    ),
    se: seOf(dynInf[k]),
  }));
  const post = es.map((e, k) => k).filter((k) => es[k] >= 0);
  const overallInf = meanInfluence(post.map((k) => dynInf[k]));

  const groupWork = groups
    .map((g) => ({
      g,
      ws: work.filter((w) => w.cell.group === g && w.cell.time >= g && w.cell.time <= g + maxE),
    }))
    .filter((x) => x.ws.length);
  const groupInf = groupWork.map(({ ws }) => {
    const inf = new Float64Array(n);
    for (const w of ws) influence(w, inf, 1 / ws.length);
    return inf;
  });
  const byGroup = groupWork.map(({ g, ws }, k) => ({
    group: g,
    att: mean(ws.map((w) => w.cell.att)),
    se: seOf(groupInf[k]),
  }));
  // The overall group effect, with the influence of estimating the group shares.
  const S = byGroup.reduce((s, b) => s + pg(b.group), 0);
  const groupOverall = S ? byGroup.reduce((s, b) => s + (b.att * pg(b.group)) / S, 0) : NaN;
  const groupOverallInf = new Float64Array(n);
  byGroup.forEach((b, k) => {
    const w = pg(b.group) / S;
    for (let i = 0; i < n; i++) groupOverallInf[i] += w * groupInf[k][i];
  });
  const share = new Map(byGroup.map((b) => [b.group, b.att]));
  for (const u of all) {
    const own = u.group !== null && share.has(u.group);
    const centredSum = (own ? 1 : 0) - S;
    const first = ((own ? share.get(u.group!)! : 0) - groupOverall * S) / S;
    groupOverallInf[u.i] += first - (centredSum * groupOverall * S) / (S * S);
  }

  let crit = NaN;
  if ((options.draws ?? 0) > 0 && dynamic.length) {
    const boot = multiplierBootstrap(dynInf, options.draws!, options.seed ?? 1956);
    boot.se.forEach((se, k) => (dynamic[k].se = se));
    crit = boot.crit;
  }

  const preWork = work.filter((w) => w.cell.time < w.cell.group);
  const preE = es.map((e, k) => k).filter((k) => es[k] < 0);
  return {
    cells,
    dynamic,
    overall: post.length ? mean(post.map((k) => dynamic[k].att)) : NaN,
    overallSe: post.length ? seOf(overallInf) : NaN,
    byGroup,
    groupOverall,
    groupOverallSe: byGroup.length ? seOf(groupOverallInf) : NaN,
    crit,
    pretest:
      options.cellPretest === false
        ? null
        : wald(
            preWork.map((w) => w.cell.att),
            preWork.map((w) => influence(w)),
            n,
          ),
    eventPretest: wald(
      preE.map((k) => dynamic[k].att),
      preE.map((k) => dynInf[k]),
      n,
    ),
    sizes: groups.map((g) => ({ group: g, units: sizeOf.get(g)! })),
    never: all.filter((u) => u.group === null).length,
    n,
  };
}

interface Unit {
  group: number | null;
  /** Outcomes by period index; NaN where not observed. */
  y: Float64Array;
  /** Its row in the influence functions. */
  i: number;
}

/** The units observed at both period indices `t` and `b`, their changes from `b` to `t`, and the mean change. */
interface Change {
  units: Unit[];
  deltas: number[];
  mean: number;
}

function changes(us: readonly Unit[], t: number, b: number): Change {
  const units: Unit[] = [];
  const deltas: number[] = [];
  let sum = 0;
  for (const u of us) {
    const d = u.y[t] - u.y[b];
    if (Number.isNaN(d)) continue;
    units.push(u);
    deltas.push(d);
    sum += d;
  }
  return { units, deltas, mean: deltas.length ? sum / deltas.length : NaN };
}

/** Cells' effects weighted by their groups' shares. */
function weighted(cs: readonly AttCell[], pg: (g: number) => number): number {
  const w = cs.reduce((s, c) => s + pg(c.group), 0);
  return cs.reduce((s, c) => s + (c.att * pg(c.group)) / w, 0);
}

function sumSquares(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x * x;
  return s;
}

/**
 * The Wald test that the estimates `b` are all zero, with the covariance V = IF'IF/n of their
 * influence functions: W = n·b'V⁻¹b, χ² with length(b) degrees of freedom, as did's pre-test.
 * Null with no estimate, or when V is singular (more estimates than units can identify).
 */
export function wald(
  b: readonly number[],
  infs: readonly Float64Array[],
  n: number,
): WaldTest | null {
  const q = b.length;
  if (!q || q >= n) return null;
  const V = infs.map((a) => infs.map((c) => dotF(a, c) / n));
  const x = solveSpd(V, b);
  if (!x) return null;
  const w = n * b.reduce((s, v, i) => s + v * x[i], 0);
  return {
    w,
    df: q,
    p: chiSquareUpper(w, q),
    pSmall: fUpper((w * (n - q)) / (q * (n - 1)), q, n - q),
  };
}

function dotF(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * A multiplier bootstrap over influence functions, as did::mboot: each draw weights every
 * unit by a Mammen two-point variable (mean 0, variance 1) and takes √n times the mean of the
 * weighted influence. The standard error of each estimate is the draws' interquartile range
 * over that of a standard normal, divided by √n; the simultaneous critical value is the 95th
 * percentile over draws of the largest |draw / σ|, floored at 1.96.
 */
export function multiplierBootstrap(
  infs: readonly Float64Array[],
  draws: number,
  seed: number,
): { se: number[]; crit: number } {
  const n = infs[0].length;
  const K = infs.length;
  const random = seeded(seed);
  const root5 = Math.sqrt(5);
  const low = (1 - root5) / 2;
  const high = (1 + root5) / 2;
  const pLow = (root5 + 1) / (2 * root5);
  // Influence unit-major, so one draw walks memory once: M[i·K + k].
  const M = new Float64Array(n * K);
  infs.forEach((inf, k) => inf.forEach((x, i) => (M[i * K + k] = x)));
  const res = Array.from({ length: K }, () => new Float64Array(draws));
  const sums = new Float64Array(K);
  const scale = 1 / Math.sqrt(n); // √n · mean = Σ / √n
  for (let b = 0; b < draws; b++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const v = random() < pLow ? low : high;
      const row = i * K;
      for (let k = 0; k < K; k++) sums[k] += M[row + k] * v;
    }
    for (let k = 0; k < K; k++) res[k][b] = sums[k] * scale;
  }
  const IQR_NORMAL = 1.3489795003921634; // qnorm(.75) − qnorm(.25)
  const sigma = res.map((r) => {
    const s = Float64Array.from(r).sort();
    return (s[Math.ceil(0.75 * draws) - 1] - s[Math.ceil(0.25 * draws) - 1]) / IQR_NORMAL;
  });
  const maxT = new Float64Array(draws);
  for (let b = 0; b < draws; b++) {
    let m = 0;
    for (let k = 0; k < K; k++) if (sigma[k] > 0) m = Math.max(m, Math.abs(res[k][b] / sigma[k]));
    maxT[b] = m;
  }
  maxT.sort();
  const crit = Math.max(1.96, maxT[Math.ceil(0.95 * draws) - 1]);
  return { se: sigma.map((s) => (s > 0 ? s / Math.sqrt(n) : NaN)), crit };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

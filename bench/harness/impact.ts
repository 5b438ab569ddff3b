// The Impact figure for `npm run bench`: 500 factories over 36 months, 400 adopting at staggered
// months and 100 never, through Loom's Impact view model with 999 bootstrap draws, in its worker
// (as the page runs it) and on this thread; with the longest main-thread task while the worker runs.
import { rng } from '../generate.mjs';
import type { RateSeries } from '../../src/lib/analysis/defectRate';
import { DEFAULT_IMPACT } from '../../src/lib/state/impactQuery';
import { impactView, type ImpactInput } from '../../src/lib/views/impact';
import { computeImpact } from '../../src/lib/views/impactClient';

function panel(factories: number, periods: number, seed = 1956): ImpactInput {
  const rand = rng(seed);
  const series: RateSeries[] = [];
  const adoptions: ImpactInput['adoptions'] = [];
  for (let f = 0; f < factories; f++) {
    const key = `f${f}`;
    // Four in five adopt, at a month between the 7th and the 30th.
    const adopt = f % 5 ? 6 + Math.floor(rand() * 24) : null;
    if (adopt !== null) adoptions.push({ factory_id: key, time: Date.UTC(1955, adopt, 10) });
    const level = 0.06 + 0.04 * rand();
    const points: RateSeries['points'] = [];
    for (let m = 0; m < periods; m++) {
      const start = Date.UTC(1955, m, 1);
      const end = Date.UTC(1955, m + 1, 1);
      const inspected = 3000 + Math.floor(2000 * rand());
      const p = Math.max(0.001, level - 0.001 * m + 0.004 * (rand() - 0.5));
      const defective = Math.round(inspected * p);
      const d = new Date(start);
      const period = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      points.push({
        period,
        start,
        end,
        inspected,
        defective,
        rate: defective / inspected,
        lo: 0,
        hi: 1,
      });
    }
    series.push({ key, points, inspected: 0, defective: 0 });
  }
  return { series, adoptions, state: DEFAULT_IMPACT, draws: 999 };
}

async function impactBench(factories = 500, periods = 36) {
  const input = panel(factories, periods);
  await computeImpact(input); // loads the worker
  let longest = 0;
  const obs = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
  });
  obs.observe({ type: 'longtask' });
  const worker: number[] = [];
  let view = null as Awaited<ReturnType<typeof computeImpact>> | null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    view = await computeImpact(input);
    worker.push(performance.now() - t0);
  }
  await new Promise((r) => setTimeout(r, 100));
  obs.disconnect();
  const main: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    impactView(input);
    main.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    factories,
    periods,
    draws: input.draws,
    ms: median(worker),
    mainMs: median(main),
    longestTaskMs: longest,
    cells: view!.curve.length,
    rows: view!.rows.length,
  };
}

Object.assign(window, { impactBench });

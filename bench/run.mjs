// npm run bench [-- --quick]
// Runs the built app in headless Chromium, with a disk-backed profile, on a seeded
// generated file, and prints one JSON line of figures measured side by side in one run
// (medians of three interleaved runs, since this machine is noisy), then a line of ratios.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { generateExchanges, generateProduction, generateProductionXlsx } from './generate.mjs';

const quick = process.argv.includes('--quick');
// `--only trends,network` runs some sections (trends then imports one file of its own).
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set(
      (onlyArg.includes('=')
        ? onlyArg.split('=')[1]
        : process.argv[process.argv.indexOf(onlyArg) + 1]
      ).split(','),
    )
  : new Set(['import', 'trends', 'network', 'network-large', 'impact']);
const ROWS = quick ? 100_000 : 1_000_000;
const HEAP_SMALL = quick ? 25_000 : 250_000;
const NAIVE_ROWS = quick ? 20_000 : 100_000;
const root = new URL('..', import.meta.url).pathname;
const data = join(root, 'bench/.data');
mkdirSync(data, { recursive: true });

function file(rows, seed = 1956) {
  const path = join(data, `production-${rows}-${seed}.csv`);
  if (!existsSync(path)) writeFileSync(path, generateProduction(rows, seed));
  return path;
}

function xlsxFile(rows, seed = 1956) {
  const path = join(data, `production-${rows}-${seed}.xlsx`);
  if (!existsSync(path)) writeFileSync(path, generateProductionXlsx(rows, seed));
  return path;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 3;

const log = (...a) => console.error('[bench]', ...a);

// The harness (baselines) is built beside the app, from the same node_modules.
execFileSync(
  'npx',
  [
    'vite',
    'build',
    'bench/harness',
    '--outDir',
    '../.harness',
    '--emptyOutDir',
    '--base',
    './',
    '--logLevel',
    'warn',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const app = await serve(join(root, 'dist'), 4500);
const harness = await serve(join(root, 'bench/.harness'), 4501);

const profile = mkdtempSync(join(tmpdir(), 'loom-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath:
    process.env.CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  viewport: { width: 1280, height: 900 },
});

/**
 * Samples the used JS heap of a page and all its workers, nested ones too (the import worker's
 * chunk writer), every 20 ms through CDP; stop() gives the peak of their sum in MB.
 */
async function heapSampler(page) {
  const cdp = await context.newCDPSession(page);
  // Workers by their path of CDP sessions from the page: a nested worker is reached through its parent.
  const workers = new Map();
  // Each thread's own peak, for BENCH_DEBUG: which one grows with the file.
  const peaks = new Map();
  let nextId = 1;
  const waiting = new Map();
  const send = (path, id, method, params = {}) => {
    let message = JSON.stringify({ id, method, params });
    for (let i = path.length - 1; i >= 1; i--)
      message = JSON.stringify({
        id: nextId++,
        method: 'Target.sendMessageToTarget',
        params: { sessionId: path[i], message },
      });
    cdp.send('Target.sendMessageToTarget', { sessionId: path[0], message }).catch(() => {
      waiting.get(id)?.(null);
      waiting.delete(id);
    });
  };
  const attach = (path, info) => {
    if (info.type !== 'worker') return;
    workers.set(path.join('/'), { path, name: info.url.split('/').pop() });
    send(path, nextId++, 'Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  };
  const receive = (path, text) => {
    const m = JSON.parse(text);
    if (m.method === 'Target.receivedMessageFromTarget')
      receive([...path, m.params.sessionId], m.params.message);
    else if (m.method === 'Target.attachedToTarget')
      attach([...path, m.params.sessionId], m.params.targetInfo);
    else if (m.method === 'Target.detachedFromTarget')
      workers.delete([...path, m.params.sessionId].join('/'));
    else if (m.id !== undefined && waiting.has(m.id)) {
      waiting.get(m.id)(m.result);
      waiting.delete(m.id);
    }
  };
  cdp.on('Target.attachedToTarget', (e) => attach([e.sessionId], e.targetInfo));
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => receive([e.sessionId], e.message));
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const workerHeap = (path) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      send(path, id, 'Runtime.getHeapUsage');
      // A worker that ended without a word of its own (a nested one's detach can be missed).
      setTimeout(() => {
        if (!waiting.delete(id)) return;
        resolve(null);
        workers.delete(path.join('/'));
      }, 1000);
    });
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { usedSize: pageUsed } = await cdp.send('Runtime.getHeapUsage');
      let total = pageUsed;
      peaks.set('page', Math.max(peaks.get('page') ?? 0, pageUsed));
      for (const { path, name } of [...workers.values()]) {
        const used = (await workerHeap(path))?.usedSize ?? 0;
        total += used;
        peaks.set(name, Math.max(peaks.get(name) ?? 0, used));
      }
      peak = Math.max(peak, total);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach();
      if (process.env.BENCH_DEBUG)
        log(
          `  heap peaks: ${[...peaks].map(([n, b]) => `${n} ${(b / 1e6).toFixed(1)} MB`).join(', ')}`,
        );
      return peak / 1e6;
    },
  };
}

/**
 * Imports `path` through Loom's UI as a person would: chooses the file, waits for the preview
 * (the one pass that reads and stages it), clicks Import. Returns the ms from the file chosen to
 * the data committed as the page measures it (the preview and the commit, each until drawn), the
 * same as Playwright saw it (`wallMs`), the heap peak of the page and its workers, and the
 * longest main-thread task (a `longtask` PerformanceObserver).
 */
async function loomImport(page, path, rows, { heap: sampleHeap = false } = {}) {
  // A fresh page each time, so no earlier outcome is on it, in front as the one a person looks
  // at (a tab behind the harness gets no animation frames, and its timers are throttled).
  await page.goto('about:blank');
  await page.bringToFront();
  await page.goto('http://127.0.0.1:4500/#/import');
  await page.evaluate(() => {
    const w = window;
    w.__longest = 0;
    w.__obs = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    });
    w.__obs.observe({ type: 'longtask' });
  });
  // Sampling the heap stops the page and its workers every 20 ms: only runs that measure the
  // heap sample it, and they are not timed.
  const heap = sampleHeap ? await heapSampler(page) : { stop: async () => 0 };
  const ta = Date.now();
  await page.getByLabel('Choose files').setInputFiles(path);
  const button = page.getByRole('button', { name: `Import ${rows.toLocaleString('en')} rows` });
  await button.waitFor({ timeout: 300_000 });
  const analyzeMs = Date.now() - ta;
  await button.click();
  const clickedMs = Date.now() - ta;
  const status = page.getByRole('status').filter({ hasText: 'Imported' });
  await status.waitFor({ timeout: 600_000 });
  const wallMs = Date.now() - ta;
  // The page's own measures, as the parse floor's is its own: from the file chosen (the input's
  // change) to the preview drawn, and from the click's handler to the report drawn. Playwright's
  // polling for the button and the status, and its click, are left out (100–400 ms a run here).
  const [previewMs, commitMs] = await page.evaluate(async () => {
    const last = (name) => performance.getEntriesByName(name).at(-1);
    while (!last('loom:import')) await new Promise((r) => requestAnimationFrame(r));
    return [last('loom:import:preview').duration, last('loom:import').duration];
  });
  const e2eMs = Math.round(previewMs + commitMs);
  log(
    `  ${await status.innerText()} (preview ${previewMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms; as Playwright saw it: button after ${analyzeMs} ms, clicked at ${clickedMs}, status at ${wallMs})`,
  );
  const peak = await heap.stop();
  const longest = await page.evaluate(() => {
    window.__obs.disconnect();
    return window.__longest;
  });
  return {
    e2eMs,
    wallMs,
    analyzeMs: Math.round(previewMs),
    commitMs: Math.round(commitMs),
    peak,
    longestTask: longest,
  };
}

/** Deletes an import through the Data page, so that the next run starts from the sample alone. */
async function removeImport(page, path) {
  const name = path.split('/').pop();
  await page.goto('http://127.0.0.1:4500/#/data');
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('button', { name: `Confirm: delete ${name}` }).click();
  await page.getByRole('button', { name: `Delete ${name}` }).waitFor({ state: 'detached' });
}

const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Import: the parse floor, a naive importer and Loom's import, interleaved; prints two lines. */
async function benchImport(page) {
  const bigs = Array.from({ length: RUNS }, (_, i) => file(ROWS, 1956 + i));
  const small = file(HEAP_SMALL);
  const naiveFile = file(NAIVE_ROWS);

  const h = await context.newPage();
  await h.goto('http://127.0.0.1:4501/index.html');
  // The peer, DuckDB-WASM, instantiated and warmed up once on the small file: its load is timed
  // from the file handed over, as Loom's is from the file chosen.
  const duckdb = async (path) => {
    await h.locator('#file').setInputFiles(path);
    const [ms, rows, cells] = await h.evaluate(() =>
      window.duckdbLoad(document.getElementById('file').files[0]),
    );
    log(`  DuckDB-WASM: ${ms.toFixed(0)} ms, ${rows} rows, ${cells} rollup cells`);
    return ms;
  };
  const duckdbInitMs = await h.evaluate(() => window.duckdbInit());
  const t0 = Date.now();
  await duckdb(small);
  log(
    `DuckDB-WASM instantiated in ${duckdbInitMs.toFixed(0)} ms, warmed up in ${Date.now() - t0} ms`,
  );
  log(`naive baseline on ${NAIVE_ROWS} rows`);
  await h.locator('#file').setInputFiles(naiveFile);
  const [naiveMs, naiveRows] = await h.evaluate((n) => window.naive(n), NAIVE_ROWS);
  log(`  ${naiveMs.toFixed(0)} ms, ${naiveRows} rows`);

  log(`Loom import of ${HEAP_SMALL} rows, heap sampled`);
  const smallRun = await loomImport(page, small, HEAP_SMALL, { heap: true });
  log(`  ${smallRun.e2eMs} ms, heap ${smallRun.peak.toFixed(1)} MB`);
  // Each run imports into the sample alone: the generated files share lot keys, and a file
  // whose lots are already here is offered as a replacement instead of an import.
  await removeImport(page, small);

  // Floor and import interleaved, so that the machine's mood weighs on both alike.
  const floors = [];
  const imports = [];
  const peers = [];
  for (let i = 0; i < RUNS; i++) {
    await h.locator('#file').setInputFiles(bigs[i]);
    const [floorMs, parsedRows] = await h.evaluate(() => window.parseFloor());
    floors.push(floorMs);
    log(`parse floor ${i + 1}: ${floorMs.toFixed(0)} ms, ${parsedRows} rows`);
    const run = await loomImport(page, bigs[i], ROWS);
    imports.push(run);
    await removeImport(page, bigs[i]);
    peers.push(await duckdb(bigs[i]));
    log(
      `Loom ${i + 1}: ${run.e2eMs} ms from file chosen to data committed (preview after ${run.analyzeMs} ms, commit ${run.commitMs} ms), longest task ${run.longestTask.toFixed(0)} ms`,
    );
  }
  // The heap of the same import, in a run of its own.
  const heapRun = await loomImport(page, bigs[0], ROWS, { heap: true });
  await removeImport(page, bigs[0]);
  log(`Loom, heap sampled: ${heapRun.e2eMs} ms (not timed), heap ${heapRun.peak.toFixed(1)} MB`);

  const parseFloorMs = median(floors);
  const e2eMs = median(imports.map((r) => r.e2eMs));
  const result = {
    bench: 'import',
    rows: ROWS,
    parseFloorMs: round(parseFloorMs, 0),
    importMs: e2eMs,
    naiveMsPerRow: round(naiveMs / naiveRows, 4),
    importMsPerRow: round(e2eMs / ROWS, 5),
    heap250kMB: round(smallRun.peak),
    heap1MMB: round(heapRun.peak),
    longestTaskMs: round(Math.max(...imports.map((r) => r.longestTask)), 0),
  };
  const ratios = {
    importVsFloor: round(result.importMs / result.parseFloorMs, 2),
    naiveVsImportPerRow: round(result.naiveMsPerRow / result.importMsPerRow, 1),
    heapRatio: round(result.heap1MMB / result.heap250kMB, 2),
    analyzeMs: median(imports.map((r) => r.analyzeMs)),
    commitMs: median(imports.map((r) => r.commitMs)),
    runs: RUNS,
    floorsMs: floors.map((x) => round(x, 0)),
    importsMs: imports.map((r) => r.e2eMs),
    heapRows: [HEAP_SMALL, ROWS],
  };
  console.log(JSON.stringify(result));
  console.log(
    JSON.stringify({
      bench: 'import-e2e',
      rows: ROWS,
      e2eMs,
      // With Playwright's polling for the button and the status, and its click.
      wallMs: median(imports.map((r) => r.wallMs)),
      floorMs: round(parseFloorMs, 0),
      e2eVsFloor: ratios.importVsFloor,
      goal: { e2eVsFloor: '<= 2' },
    }),
  );
  const peerLine = (rows, loomMs, duckdbMs) =>
    console.log(
      JSON.stringify({
        bench: 'import-peer',
        rows,
        loomMs,
        duckdbMs: round(duckdbMs, 0),
        loomVsDuckdb: round(loomMs / duckdbMs, 2),
        // Once per page, not in duckdbMs: what a user's first load also waits for.
        duckdbInstantiateMs: round(duckdbInitMs, 0),
        goal: { loomVsDuckdb: '< 1' },
      }),
    );
  peerLine(ROWS, e2eMs, median(peers));
  if (!quick) {
    // 4M rows (about 140 MB): one run of each, Loom first.
    const huge = file(4_000_000, 2000);
    log('Loom and DuckDB-WASM on 4,000,000 rows');
    const run = await loomImport(page, huge, 4_000_000);
    await removeImport(page, huge);
    log(`  Loom: ${run.e2eMs} ms`);
    peerLine(4_000_000, run.e2eMs, await duckdb(huge));
  }
  // A workbook: 100,000 rows of .xlsx through the same page.
  const XLSX_ROWS = quick ? 20_000 : 100_000;
  const book = xlsxFile(XLSX_ROWS);
  const xlsx = await loomImport(page, book, XLSX_ROWS, { heap: true });
  await removeImport(page, book);
  console.log(
    JSON.stringify({
      bench: 'import-xlsx',
      rows: XLSX_ROWS,
      e2eMs: xlsx.e2eMs,
      analyzeMs: xlsx.analyzeMs,
      heapMB: round(xlsx.peak),
      longestTaskMs: round(xlsx.longestTask, 0),
    }),
  );
  await h.close();
  console.log(
    JSON.stringify({
      bench: 'import-ratios',
      ...ratios,
      goals: {
        importVsFloor: '<= 2',
        naiveVsImportPerRow: '>= 40',
        heapRatio: '<= 1.3',
        longestTaskMs: '< 100',
      },
    }),
  );
}

/** Trends with everything imported: from a control change to the redrawn chart, 20 changes. */
async function benchTrends(page) {
  await page.goto('about:blank');
  await page.goto('http://127.0.0.1:4500/#/trends');
  await page.getByRole('img', { name: /^Defect rate/ }).waitFor({ timeout: 120_000 });
  const changes = [
    () => page.getByLabel('Interval').selectOption('quarter'),
    () => page.getByLabel('Interval').selectOption('year'),
    () => page.getByLabel('Interval').selectOption('month'),
    () => page.getByRole('radio', { name: 'product' }).check(),
    () => page.getByRole('radio', { name: 'factory' }).check(),
  ];
  const redraws = [];
  for (let i = 0; i < 20; i++) {
    const before = await page.evaluate(
      () => performance.getEntriesByName('loom:trends:redraw').length,
    );
    await changes[i % changes.length]();
    await page.waitForFunction(
      (n) => performance.getEntriesByName('loom:trends:redraw').length > n,
      before,
      { timeout: 60_000 },
    );
    redraws.push(
      await page.evaluate(() => performance.getEntriesByName('loom:trends:redraw').at(-1).duration),
    );
  }
  const sorted = [...redraws].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const totalRows = await page.evaluate(async () => {
    const open = indexedDB.open('loom');
    const db = await new Promise(
      (ok, bad) => (
        (open.onsuccess = () => ok(open.result)),
        (open.onerror = () => bad(open.error))
      ),
    );
    const rows = await new Promise((ok) => {
      const req = db.transaction('imports').objectStore('imports').getAll();
      req.onsuccess = () =>
        ok(
          req.result
            .filter((i) => i.status === 'active' && i.kind === 'production')
            .reduce((s, i) => s + i.rowsAccepted, 0),
        );
    });
    db.close();
    return rows;
  });
  log(`trends redraws (ms): ${redraws.map((r) => r.toFixed(0)).join(' ')}`);

  console.log(
    JSON.stringify({
      bench: 'trends',
      rows: totalRows,
      redrawP50Ms: round(pick(0.5)),
      redrawP95Ms: round(pick(0.95)),
      goal: { redrawP95Ms: '<= 100' },
    }),
  );
}

/** Network: a 2,000-node, 10,000-edge graph laid out in the worker and on the main thread, 60 canvas frames. */
async function benchNetwork() {
  const h = await context.newPage();
  await h.goto('http://127.0.0.1:4501/index.html');
  log('network layout (worker, then main thread) and 60 canvas frames');
  const r = await h.evaluate(() => window.networkBench());
  await h.close();
  log(
    `  same positions from both threads: ${r.sameLayout}; frame p50 ${r.frameP50Ms.toFixed(1)} ms, first frame (full raster) ${r.firstFrameMs.toFixed(0)} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'network',
      nodes: r.nodes,
      edges: r.edges,
      layoutWorkerMs: round(r.layoutWorkerMs, 0),
      layoutMainMs: round(r.layoutMainMs, 0),
      frameP95Ms: round(r.frameP95Ms),
      drawCallP95Ms: round(r.drawCallP95Ms),
      rasterP50Ms: round(r.rasterP50Ms),
      goals: { layoutWorkerMs: '<= 3000', frameP95Ms: '<= 16' },
    }),
  );
}

/**
 * Network, large: 10,000 factories and 50,000 exchanges imported through the app, timed from
 * the import's click to the graph drawn and interactive with its metrics (the factories table
 * filled), on a fresh page; meanwhile the longest main-thread task (a `longtask` observer);
 * then frame times while the graph is panned.
 */
async function benchNetworkLarge() {
  const [NODES, EDGES] = quick ? [2_000, 10_000] : [10_000, 50_000];
  const path = join(data, `exchanges-${NODES}-${EDGES}.csv`);
  if (!existsSync(path)) writeFileSync(path, generateExchanges(NODES, EDGES));
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4500/#/import');
  await page.getByLabel('Choose files').setInputFiles(path);
  const button = page.getByRole('button', { name: `Import ${EDGES.toLocaleString('en')} rows` });
  await button.waitFor({ timeout: 300_000 });
  log(`network, large: ${NODES} factories, ${EDGES} exchanges, import to interactive`);
  await page.evaluate(() => {
    window.__longest = 0;
    window.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    });
    window.__obs.observe({ type: 'longtask' });
    window.__t0 = performance.now();
  });
  await button.click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network' })
    .click();
  // Drawn (laid out, on canvas) and measured (the table holds the metrics).
  await page.waitForFunction(
    () =>
      document.querySelector('.network canvas') &&
      !document.querySelector('.network .laying') &&
      document.querySelector('[aria-label="Factory metrics"] tbody tr'),
    null,
    { timeout: 600_000, polling: 50 },
  );
  const totalMs = await page.evaluate(() => performance.now() - window.__t0);
  const layoutWorkerMs = await page.evaluate(
    () => performance.getEntriesByName('loom:network:layout').at(-1)?.duration ?? null,
  );
  // Pan: 90 pointer moves, each frame timed.
  const box = await page.locator('.network canvas').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__frames.length < 400) window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 90; i++)
    await page.mouse.move(box.x + box.width / 2 + 3 * i, box.y + box.height / 2 + i);
  await page.mouse.up();
  const { frames, longest } = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    window.__obs.disconnect();
    return { frames: window.__frames.slice(2), longest: window.__longest };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const frameP95Ms = sorted[Math.floor(sorted.length * 0.95)] ?? null;
  await page.close();
  log(
    `  interactive after ${totalMs.toFixed(0)} ms; longest main-thread task ${longest.toFixed(0)} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'network-large',
      nodes: NODES,
      edges: EDGES,
      totalMs: round(totalMs, 0),
      layoutWorkerMs: layoutWorkerMs === null ? null : round(layoutWorkerMs, 0),
      longestTaskMs: round(longest, 0),
      frameP95Ms: frameP95Ms === null ? null : round(frameP95Ms),
      goals: { totalMs: '<= 8000', longestTaskMs: '<= 100', frameP95Ms: '<= 16' },
    }),
  );
}

/** SPC: the Control page's summary of every factory × product, with the trends bench's rows loaded. */
async function benchSpc(page) {
  log('control-chart summary of every factory × product (three fresh page loads)');
  const times = [];
  let series = 0;
  for (let i = 0; i < RUNS; i++) {
    // A new document each time: nothing computed on an earlier visit is kept.
    await page.goto('about:blank');
    await page.goto('http://127.0.0.1:4500/#/control');
    const rows = page
      .getByRole('region', { name: 'Summary of control charts' })
      .locator('tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    series = await rows.count();
    times.push(
      await page.evaluate(
        () => performance.getEntriesByName('loom:control:summary').at(-1).duration,
      ),
    );
  }
  console.log(
    JSON.stringify({
      bench: 'spc',
      series,
      ms: round(median(times), 0),
      goal: { ms: '<= 100' },
    }),
  );
}

/** Impact: the view model for 500 factories, 36 months and 999 bootstrap draws, in its worker. */
async function benchImpact() {
  const h = await context.newPage();
  await h.goto('http://127.0.0.1:4501/index.html');
  log('impact view model: 500 factories, 36 months, 999 draws (worker, then main thread)');
  const r = await h.evaluate(() => window.impactBench());
  await h.close();
  log(
    `  ${r.rows} factory verdicts, ${r.cells} event times; main thread meanwhile: longest task ${r.longestTaskMs} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'impact',
      factories: r.factories,
      periods: r.periods,
      draws: r.draws,
      ms: round(r.ms, 0),
      mainThreadMs: round(r.mainMs, 0),
      longestTaskMs: round(r.longestTaskMs, 0),
      goals: { ms: '<= 300', longestTaskMs: '<= 50' },
    }),
  );
}

try {
  const page = await context.newPage();
  if (only.has('import') || only.has('trends')) {
    await page.goto('http://127.0.0.1:4500/#/data');
    await page.getByRole('table').first().locator('tbody tr').nth(2).waitFor({ timeout: 60_000 }); // sample loaded
  }
  if (only.has('import')) await benchImport(page);
  if (only.has('trends')) {
    log(`Loom import of ${ROWS} rows for the trends bench`);
    await loomImport(page, file(ROWS), ROWS);
    await benchTrends(page);
    await benchSpc(page);
  }
  if (only.has('network')) await benchNetwork();
  if (only.has('network-large')) await benchNetworkLarge();
  if (only.has('impact')) await benchImpact();
} finally {
  await context.close();
  app.close();
  harness.close();
  rmSync(profile, { recursive: true, force: true });
}

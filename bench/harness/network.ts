// The network figure for `npm run bench`: a generated graph of 2,000 factories and 10,000
// exchanges, laid out in Loom's worker and on the main thread, then drawn 60 times on canvas.
import { rng } from '../generate.mjs';
import { forceLayout, type LayoutInput } from '../../src/charts/network/layout';
import { layoutGraph } from '../../src/charts/network/layoutClient';
import {
  NetworkRenderer,
  neighbourhood,
  type DrawEdge,
  type DrawNode,
} from '../../src/charts/network/canvas';
import { PALETTE } from '../../src/charts/palette';

/** A seeded graph: sources skewed towards a few prolific teachers, as in real exchange networks. */
function graph(nodes: number, edges: number, seed = 1956): LayoutInput {
  const rand = rng(seed);
  const ids = Array.from({ length: nodes }, (_, i) => `f${i}`);
  const links: { source: string; target: string }[] = [];
  while (links.length < edges) {
    const s = Math.floor(rand() ** 2 * nodes);
    const t = Math.floor(rand() * nodes);
    if (s !== t) links.push({ source: ids[s], target: ids[t] });
  }
  return { nodes: ids.map((id) => ({ id, radius: 4 })), links };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

/** Layout in the worker and on this thread (same input), then 60 frames panned and zoomed. */
async function networkBench(nodes = 2000, edges = 10000) {
  const input = graph(nodes, edges);
  let t0 = performance.now();
  const inWorker = await layoutGraph(input);
  const layoutWorkerMs = performance.now() - t0;
  t0 = performance.now();
  const onMain = forceLayout(input);
  const layoutMainMs = performance.now() - t0;
  const same = inWorker.every((v, i) => v === onMain[i]);

  const canvas = document.createElement('canvas');
  const [width, height, dpr] = [1280, 800, 1];
  canvas.width = width * dpr;
  canvas.height = height * dpr;
  canvas.style.width = `${width}px`;
  document.body.append(canvas);
  const ctx = canvas.getContext('2d')!;
  const index = new Map(input.nodes.map((n, i) => [n.id, i]));
  const degree = new Float64Array(nodes);
  for (const l of input.links) degree[index.get(l.source)!]++;
  const drawNodes: DrawNode[] = input.nodes.map((n, i) => ({
    id: n.id,
    label: n.id,
    r: 2.5 + Math.sqrt(degree[i]),
    color: PALETTE[i % 4],
    adopted: i % 3 !== 0,
    visible: true,
  }));
  const drawEdges: DrawEdge[] = input.links.map((l, i) => ({
    s: index.get(l.source)!,
    t: index.get(l.target)!,
    width: 1 + (i % 3) * 0.5,
    color: 'var(--ink-2)',
    dash: ['', '9 4', '2 3', '9 3 2 3'][i % 4],
    visible: true,
  }));
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < nodes; i++) {
    x0 = Math.min(x0, onMain[2 * i]);
    x1 = Math.max(x1, onMain[2 * i]);
    y0 = Math.min(y0, onMain[2 * i + 1]);
    y1 = Math.max(y1, onMain[2 * i + 1]);
  }
  const fitK = Math.min(width / (x1 - x0), height / (y1 - y0));
  // Loom's own canvas renderer, as the page uses it: the scene is rasterised once, then
  // every frame of a pan or zoom (and every hover) draws from that raster.
  const renderer = new NetworkRenderer(canvas);
  renderer.setScene({ nodes: drawNodes, edges: drawEdges, xy: onMain });
  const lit = neighbourhood(drawEdges, 0);
  const frames: number[] = [];
  const drawOnly: number[] = [];
  const view = (f: number) => {
    const k = fitK * (1 + f / 60);
    const x = width / 2 - k * ((x0 + x1) / 2) + f * 3;
    return { k, x, y: height / 2 - k * ((y0 + y1) / 2), width, height, dpr };
  };
  for (let f = 0; f < 60; f++) {
    // A slow zoom and pan, as a person exploring would, hovering a node every other frame.
    await new Promise(requestAnimationFrame);
    const t = performance.now();
    renderer.draw(view(f), f % 2 ? lit : null);
    const drawn = performance.now();
    ctx.getImageData(0, 0, 1, 1); // waits for the drawing to be rasterised
    frames.push(performance.now() - t);
    drawOnly.push(drawn - t);
  }
  // The sharp raster made once the view is still (and on every change of the scene).
  const rasters: number[] = [];
  for (let f = 0; f < 5; f++) {
    await new Promise(requestAnimationFrame);
    renderer.draw(view(f * 10));
    const t = performance.now();
    renderer.settle();
    ctx.getImageData(0, 0, 1, 1);
    rasters.push(performance.now() - t);
  }
  renderer.dispose();
  canvas.remove();
  return {
    nodes,
    edges,
    layoutWorkerMs,
    layoutMainMs,
    sameLayout: same,
    frameP50Ms: quantile(frames, 0.5),
    frameP95Ms: quantile(frames, 0.95),
    drawCallP95Ms: quantile(drawOnly, 0.95),
    rasterP50Ms: quantile(rasters, 0.5),
    firstFrameMs: frames[0],
  };
}

Object.assign(window, { networkBench });

import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import { seeded } from '../../lib/random';

/** What a layout needs: node ids, with an optional pinned position each, and directed links. */
export interface LayoutInput {
  /** Nodes: pinned (`fx`, `fy`: they stay there) or starting at `x`, `y` (else d3's spiral). */
  nodes: { id: string; radius: number; fx?: number; fy?: number; x?: number; y?: number }[];
  links: { source: string; target: string }[];
  /** Seeds d3's jiggle of coincident nodes; nodes start on d3's phyllotaxis spiral, in input order. */
  seed?: number;
  /** Ticks to run; fewer for very large graphs (see {@link ticksFor}). */
  ticks?: number;
  /**
   * Start cool (alpha 0.3, not 1): a short settle of nodes placed near where they belong,
   * around nodes already fixed, rather than a layout from scratch.
   */
  settle?: boolean;
}

/** Ticks of a settle (see {@link LayoutInput.settle}). */
export const SETTLE_TICKS = 80;

/** Positions by node index: `xy[2i]`, `xy[2i + 1]`, centred on 0. */
export type Positions = Float64Array;

/**
 * Enough ticks to settle small graphs, fewer for large ones, where each tick costs more (about
 * 0.1 s a tick at 10,000 nodes and 50,000 links here): past 5,000 nodes, 60.
 */
export const ticksFor = (nodes: number) =>
  nodes <= 500 ? 300 : nodes <= 2000 ? 160 : nodes <= 5000 ? 100 : 60;

/**
 * A force-directed layout, run to the end synchronously: deterministic (seeded,
 * nodes placed by d3's phyllotaxis in the given order), so the same input gives
 * the same positions in any thread. Pinned nodes stay where they are.
 */
export function forceLayout(input: LayoutInput): Positions {
  type N = SimulationNodeDatum & { id: string; r: number };
  const nodes: N[] = input.nodes.map((n) => ({
    id: n.id,
    r: n.radius,
    ...(n.x !== undefined && n.y !== undefined ? { x: n.x, y: n.y } : {}),
    ...(n.fx !== undefined && n.fy !== undefined ? { fx: n.fx, fy: n.fy, x: n.fx, y: n.fy } : {}),
  }));
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = input.links
    .filter((l) => index.has(l.source) && index.has(l.target) && l.source !== l.target)
    .map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)! }));
  const n = nodes.length;
  const sim = forceSimulation(nodes)
    .randomSource(seeded(input.seed ?? 1956))
    .force(
      'link',
      forceLink<N, { source: number; target: number }>(links)
        .id((_, i) => i)
        .distance(n > 500 ? 30 : 110),
    )
    .force(
      'charge',
      forceManyBody<N>()
        .strength(n > 500 ? -30 : -260)
        .theta(0.9)
        .distanceMax(n > 500 ? 300 : Infinity),
    )
    .force('collide', forceCollide<N>((d) => d.r + (n > 500 ? 2 : 10)).iterations(n > 500 ? 1 : 2))
    // A weak pull to the middle keeps separate components on the screen; weaker across than
    // down, so the graph comes out wider than tall, like the screens it is shown on.
    .force('x', forceX<N>(0).strength(0.03))
    .force('y', forceY<N>(0).strength(0.09))
    .stop();
  const ticks = input.ticks ?? (input.settle ? SETTLE_TICKS : ticksFor(n));
  const alpha = input.settle ? 0.3 : 1;
  sim.alpha(alpha).alphaDecay(1 - Math.pow(0.001 / alpha, 1 / ticks));
  for (let i = 0; i < ticks; i++) sim.tick();
  const xy = new Float64Array(n * 2);
  nodes.forEach((d, i) => {
    xy[2 * i] = d.x ?? 0;
    xy[2 * i + 1] = d.y ?? 0;
  });
  return xy;
}

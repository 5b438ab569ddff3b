import type { DrawEdge, DrawNode } from './network/canvas';

/** What the network chart draws, and what it reports. */
export interface NetworkGraphProps {
  nodes: DrawNode[];
  edges: (DrawEdge & { title: string })[];
  /** Layout positions by node index, or null while laying out. */
  xy: Float64Array | null;
  /** The selected node's id ('' = none). */
  selected: string;
  /** The chart's accessible summary. */
  summary: string;
  onselect: (id: string) => void;
  /** A node was dragged to a layout position: pin it there. */
  onpin: (id: string, x: number, y: number) => void;
  height?: number;
  /** Callouts: text with an arrow to a factory's node (one not drawn has none). */
  callouts?: { id: string; text: string }[];
}

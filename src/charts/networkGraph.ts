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
  /**
   * The view the graph was last shown with (zoom, pan and the chart's size): on a chart of that
   * size, with every node in frame, the graph opens with it rather than fitted afresh, so the
   * map holds across visits.
   */
  keptView?: { k: number; x: number; y: number; width: number; height: number } | null;
  /** The view after each zoom or pan has come to rest. */
  onview?: (v: { k: number; x: number; y: number; width: number; height: number }) => void;
  /** Callouts: text with an arrow to a factory's node (one not drawn has none). */
  callouts?: { id: string; text: string }[];
}

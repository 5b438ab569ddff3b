// One frame of the network's playback video: the graph as it stood on a date, with the title,
// the date, the legend and the adoption count drawn on the frame itself, so the video says
// what it shows wherever it is played.

import { drawNetwork, type DrawEdge, type DrawNode, type Paint } from './canvas';
import { fitView } from './fit';

/** What one frame shows. */
export interface VideoFrame {
  nodes: readonly DrawNode[];
  edges: readonly DrawEdge[];
  xy: Float64Array;
  title: string;
  /** The playback date, formatted. */
  date: string;
  /** Under the graph: how many had adopted by then. */
  caption: string;
  source: string;
  /** Legend entries: a disc of a colour, or with `dash`, a line in that pattern. */
  legend: readonly { label: string; color: string; dash?: string }[];
  paint: Paint;
  /** The line colour of edges and line samples. */
  line: string;
}

/** Header and footer heights of a frame, at 720 px tall. */
const HEAD = 104;
const FOOT = 56;

/**
 * The view that fits the whole graph (every node, whatever the date) into the frame's graph
 * area, so the graph does not move as the video plays.
 */
export function videoView(
  nodes: readonly DrawNode[],
  xy: Float64Array,
  width: number,
  height: number,
  /** A label's width at the frame's text size, so labels are framed whole too. */
  labelWidth: (text: string) => number,
): { k: number; x: number; y: number } {
  const s = height / 720;
  const all = nodes.map((n) => ({ ...n, visible: true }));
  const v = fitView(all, xy, width - 48 * s, height - (HEAD + FOOT) * s, labelWidth, 22 * s);
  return { k: v.k, x: v.x + 24 * s, y: v.y + HEAD * s };
}

/** Draws a frame onto a `width` × `height` canvas context (CSS px = device px). */
export function drawVideoFrame(
  ctx: CanvasRenderingContext2D,
  f: VideoFrame,
  view: { k: number; x: number; y: number },
  width: number,
  height: number,
): void {
  const s = height / 720;
  drawNetwork(ctx, f.nodes, f.edges, f.xy, { ...view, width, height, dpr: 1, paint: f.paint });
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // The ground under everything the graph left clear.
  ctx.globalCompositeOperation = 'destination-over';
  ctx.fillStyle = f.paint.ground;
  ctx.fillRect(0, 0, width, height);
  ctx.globalCompositeOperation = 'source-over';
  const font = (px: number, weight = 400) =>
    `${weight} ${Math.round(px * s)}px system-ui, "Noto Sans CJK SC", sans-serif`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = f.paint.ink;
  ctx.textAlign = 'left';
  ctx.font = font(28, 700);
  ctx.fillText(f.title, 24 * s, 44 * s, width * 0.62);
  ctx.textAlign = 'right';
  ctx.font = font(34, 700);
  ctx.fillText(f.date, width - 24 * s, 46 * s);
  // The legend, in one row under the title.
  ctx.textAlign = 'left';
  ctx.font = font(17);
  let x = 24 * s;
  const y = 82 * s;
  for (const item of f.legend) {
    const w = ctx.measureText(item.label).width + 40 * s;
    if (x + w > width - 24 * s) break;
    if (item.dash === undefined) {
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.arc(x + 7 * s, y - 5 * s, 6 * s, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.strokeStyle = f.line;
      ctx.lineWidth = 2 * s;
      ctx.setLineDash(item.dash ? item.dash.split(' ').map((d) => Number(d) * s) : []);
      ctx.beginPath();
      ctx.moveTo(x, y - 5 * s);
      ctx.lineTo(x + 26 * s, y - 5 * s);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = f.paint.ink2;
    ctx.fillText(item.label, x + (item.dash === undefined ? 18 : 30) * s, y);
    x += w;
  }
  ctx.fillStyle = f.paint.ink;
  ctx.font = font(20, 600);
  ctx.fillText(f.caption, 24 * s, height - 24 * s, width * 0.6);
  ctx.fillStyle = f.paint.ink2;
  ctx.textAlign = 'right';
  ctx.font = font(14);
  ctx.fillText(f.source, width - 24 * s, height - 24 * s, width * 0.36);
}

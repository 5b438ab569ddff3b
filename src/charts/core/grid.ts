// Horizontal grid lines at the y ticks. The SVG twin (Grid.svelte) draws them as lines; the
// canvas twin (`drawGrid`) strokes them under a canvas's marks, one device pixel wide and on a
// pixel's centre so they stay crisp at any pixel ratio.

/** Strokes lines across the plot (0..`innerW`) at each `ys`, on a context whose transform puts the plot's top left at (0, 0) in CSS px and scales by `scale`; `top` is the plot's offset in the canvas, for pixel snapping. */
export function drawGrid(
  ctx: CanvasRenderingContext2D,
  ys: readonly number[],
  innerW: number,
  scale: number,
  top: number,
  color: string,
) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1 / scale;
  ctx.beginPath();
  for (const y of ys) {
    const snapped = (Math.floor((top + y) * scale) + 0.5) / scale - top;
    ctx.moveTo(0, snapped);
    ctx.lineTo(innerW, snapped);
  }
  ctx.stroke();
}

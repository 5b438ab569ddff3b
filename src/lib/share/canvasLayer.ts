/**
 * Canvas layers that can be drawn again at another scale.
 *
 * A dense chart draws its marks on a canvas at the screen's pixel ratio. An export
 * at 2× would blur them if it copied that bitmap, so the chart registers how it
 * draws, and the exporter asks for a fresh bitmap at its own scale.
 */

/** Draws a layer's marks onto `target`, sized `scale` device pixels per CSS pixel. */
export type DrawLayer = (target: HTMLCanvasElement, scale: number) => void;

const layers = new WeakMap<HTMLCanvasElement, DrawLayer>();

/** Registers how `canvas` is drawn; returns the function that forgets it. */
export function registerLayer(canvas: HTMLCanvasElement, draw: DrawLayer): () => void {
  layers.set(canvas, draw);
  return () => {
    if (layers.get(canvas) === draw) layers.delete(canvas);
  };
}

/**
 * `canvas` drawn at `scale`: a new bitmap from its registered drawing, or the
 * canvas itself when nothing is registered or its own scale already matches.
 */
export function layerAt(canvas: HTMLCanvasElement, scale: number): HTMLCanvasElement {
  const draw = layers.get(canvas);
  const own = canvas.width / (canvas.clientWidth || canvas.width);
  if (!draw || Math.abs(own - scale) < 1e-6) return canvas;
  const copy = document.createElement('canvas');
  draw(copy, scale);
  return copy;
}

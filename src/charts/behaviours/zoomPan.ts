import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import type { Attachment } from 'svelte/attachments';

/** Pan and zoom: screen = layout × k + (x, y). */
export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * How far one wheel event zooms (as a power of 2): d3-zoom's rule, except that Ctrl's tenfold
 * speed-up is kept for the small steps of a trackpad pinch (which browsers send as Ctrl +
 * wheel) and not given to a mouse wheel's notches, so Ctrl + wheel zooms by about 15% a notch.
 */
export function wheelDelta(e: WheelEvent): number {
  const unit = e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002;
  return -e.deltaY * unit * (e.ctrlKey && Math.abs(e.deltaY) < 50 ? 10 : 1);
}

/**
 * Zoom and pan with d3-zoom, as an attachment, plus ways to move the view (to fit or reset)
 * and to zoom by a factor about the centre (the zoom buttons). `allow` decides which presses
 * and wheels start a gesture (a press on a node drags the node instead; a wheel the page
 * should scroll with is let through to it); `onzoom` gets every new transform.
 */
export function zoomPan(o: {
  extent: [number, number];
  allow: (e: MouseEvent) => boolean;
  onzoom: (t: ZoomTransform) => void;
}) {
  let behaviour: ZoomBehavior<Element, unknown> | null = null;
  let surface: Element | null = null;
  const attach: Attachment<Element> = (node) => {
    surface = node;
    behaviour = zoom<Element, unknown>()
      .scaleExtent(o.extent)
      .wheelDelta(wheelDelta)
      .filter((e: Event) => !(e as MouseEvent).button && o.allow(e as MouseEvent))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        o.onzoom({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
      });
    select(node).call(behaviour);
    return () => {
      select(node).on('.zoom', null);
      if (surface === node) [surface, behaviour] = [null, null];
    };
  };
  /** Moves the view to `t`, through d3-zoom when attached so its next gesture starts there. */
  const to = (t: ZoomTransform) => {
    if (behaviour && surface)
      select(surface).call(behaviour.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
    else o.onzoom(t);
  };
  /** Zooms by `factor` about the centre of the surface. */
  const by = (factor: number) => {
    if (behaviour && surface) select(surface).call(behaviour.scaleBy, factor);
  };
  return { attach, to, by };
}

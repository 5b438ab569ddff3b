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
 * Zoom and pan with d3-zoom, as an attachment, plus a way to move the view (to fit or reset).
 * `allow` decides which presses and wheels start a gesture (a press on a node drags the node
 * instead); `onzoom` gets every new transform.
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
  return { attach, to };
}

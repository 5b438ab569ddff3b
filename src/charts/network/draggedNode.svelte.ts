import { PressDrag } from '../behaviours/pressDrag.svelte';

/**
 * A node being dragged to a new place: a press on it that moves 3 px becomes a drag, and
 * until the layout answers the pin, the node is drawn where the pointer has taken it.
 */
export class DraggedNode {
  readonly press = new PressDrag();
  // The dragged node, its position, and the layout it was dragged over.
  #moved = $state<{ i: number; x: number; y: number; over: Float64Array | null } | null>(null);

  /** `xy`: the layout's positions; `k`: the zoom, to turn screen px into layout units. */
  constructor(
    private readonly xy: () => Float64Array | null,
    private readonly k: () => number,
  ) {}

  /**
   * The dragged node and where it is, or null. The layout answers a pin with new positions,
   * and from then on they count: a drag holds only over the layout it began on.
   */
  get moved(): { i: number; x: number; y: number } | null {
    const m = this.#moved;
    return m && m.over === this.xy() ? m : null;
  }

  /** Node `i`'s position: the layout's, or where it is being dragged. */
  at(i: number): [number, number] {
    const m = this.moved;
    if (m?.i === i) return [m.x, m.y];
    const xy = this.xy();
    return [xy?.[2 * i] ?? 0, xy?.[2 * i + 1] ?? 0];
  }

  /** The layout's positions with the dragged node moved, or null when nothing is dragged. */
  positions(): Float64Array | null {
    const [m, xy] = [this.moved, this.xy()];
    if (!m || !xy) return null;
    const out = xy.slice();
    [out[2 * m.i], out[2 * m.i + 1]] = [m.x, m.y];
    return out;
  }

  /** Follows the pointer; whether a press is under way. */
  move(e: PointerEvent): boolean {
    const d = this.press.move(e);
    const xy = this.xy();
    if (d) {
      const k = this.k();
      const [x, y] = [(xy?.[2 * d.item] ?? 0) + d.dx / k, (xy?.[2 * d.item + 1] ?? 0) + d.dy / k];
      this.#moved = { i: d.item, x, y, over: xy };
    }
    return this.press.press !== null;
  }

  /** Ends the press: the node, and where it was dropped if it was dragged (null for a click). */
  up(): { i: number; to: [number, number] | null } | null {
    const p = this.press.up();
    if (!p) return null;
    const m = this.moved;
    return { i: p.item, to: p.dragged && m ? [m.x, m.y] : null };
  }
}

/**
 * A press on an item that is either a click or a drag: once the pointer moves 3 px from where
 * it went down, it is a drag, and `moved` reports how far in CSS px. The item captures the
 * pointer, so the drag goes on outside it.
 */
export class PressDrag {
  /** The item pressed and where, or null when nothing is pressed. */
  press = $state<{ item: number; x: number; y: number; moved: boolean } | null>(null);

  down(e: PointerEvent, item: number) {
    (e.currentTarget as Element | null)?.setPointerCapture?.(e.pointerId);
    this.press = { item, x: e.clientX, y: e.clientY, moved: false };
  }

  /** How far the pressed item has been dragged, or null while it is still a click (or nothing is pressed). */
  move(e: PointerEvent): { item: number; dx: number; dy: number } | null {
    const p = this.press;
    if (!p) return null;
    const dx = e.clientX - p.x;
    const dy = e.clientY - p.y;
    if (!p.moved && Math.hypot(dx, dy) < 3) return null;
    p.moved = true;
    return { item: p.item, dx, dy };
  }

  /** Ends the press: which item, and whether it was dragged. */
  up(): { item: number; dragged: boolean } | null {
    const p = this.press;
    this.press = null;
    return p && { item: p.item, dragged: p.moved };
  }
}

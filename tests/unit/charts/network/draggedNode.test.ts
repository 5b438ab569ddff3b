import { describe, expect, it } from 'vitest';
import { DraggedNode } from '../../../../src/charts/network/draggedNode.svelte';

const pointer = (x: number, y: number) =>
  ({ clientX: x, clientY: y, pointerId: 1, currentTarget: null }) as unknown as PointerEvent;

/** A dragged node over a layout of two nodes at zoom `k`. */
function setup(k = 2) {
  let xy: Float64Array = new Float64Array([10, 20, 30, 40]);
  const drag = new DraggedNode(
    () => xy,
    () => k,
  );
  return { drag, relayout: (next: Float64Array) => (xy = next) };
}

describe('dragging a node', () => {
  it('is a click until the pointer moves 3 px', () => {
    const { drag } = setup();
    drag.press.down(pointer(100, 100), 1);
    expect(drag.move(pointer(101, 101))).toBe(true);
    expect(drag.moved).toBeNull();
    expect(drag.up()).toEqual({ i: 1, to: null });
    expect(drag.move(pointer(150, 150))).toBe(false);
  });
  it('follows the pointer in layout units, and drops where it was let go', () => {
    const { drag } = setup(2);
    drag.press.down(pointer(100, 100), 1);
    drag.move(pointer(120, 90));
    // 20 px right and 10 up at 2× zoom: 10 and −5 in the layout.
    expect(drag.at(1)).toEqual([40, 35]);
    expect(drag.at(0)).toEqual([10, 20]);
    expect([...drag.positions()!]).toEqual([10, 20, 40, 35]);
    expect(drag.up()).toEqual({ i: 1, to: [40, 35] });
  });
  it('lets go of the dragged position when the layout answers with new positions', () => {
    const { drag, relayout } = setup(1);
    drag.press.down(pointer(0, 0), 0);
    drag.move(pointer(10, 0));
    drag.up();
    expect(drag.at(0)).toEqual([20, 20]);
    relayout(new Float64Array([20, 20, 30, 40]));
    expect(drag.moved).toBeNull();
    expect(drag.positions()).toBeNull();
  });
});

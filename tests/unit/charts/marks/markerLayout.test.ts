import { describe, expect, it } from 'vitest';
import { layoutMarkerLabels } from '../../../../src/charts/marks/markerLayout';

describe('layoutMarkerLabels(items, width)', () => {
  it('puts labels that would overlap in different rows', () => {
    const placed = layoutMarkerLabels(
      [
        { x: 100, text: 'Daily inspection' },
        { x: 110, text: 'Key defect' },
        { x: 400, text: 'Far away' },
      ],
      1000,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0]);
  });

  it('leaves a label out when every row is taken, and runs labels near the right edge leftwards', () => {
    const items = [0, 1, 2, 3].map((i) => ({ x: 100 + i, text: 'A long experience name' }));
    expect(layoutMarkerLabels(items, 1000, 3).map((p) => p.row)).toEqual([0, 1, 2, -1]);
    expect(layoutMarkerLabels([{ x: 990, text: 'Near the edge' }], 1000)[0]).toEqual({
      row: 0,
      anchor: 'end',
      text: 'Near the edge',
    });
  });

  it('keeps the input order in its answer, whatever the x order', () => {
    const placed = layoutMarkerLabels(
      [
        { x: 500, text: 'b' },
        { x: 10, text: 'a' },
      ],
      1000,
    );
    expect(placed).toEqual([
      { row: 0, anchor: 'start', text: 'b' },
      { row: 0, anchor: 'start', text: 'a' },
    ]);
  });

  it('shortens a label that fits neither side of a narrow plot, and drops it when no side has 4 characters', () => {
    // 200 px plot, 6.4 px a character: 120 px to the left of x = 120 holds 18 characters.
    const [p] = layoutMarkerLabels([{ x: 120, text: 'Find the key defect, then fix it' }], 200);
    expect(p).toEqual({ row: 0, anchor: 'end', text: 'Find the key defe…' });
    expect(p.text.length * 6.4).toBeLessThanOrEqual(120);
    expect(layoutMarkerLabels([{ x: 10, text: 'Daily inspection' }], 30)[0].row).toBe(-1);
  });
});

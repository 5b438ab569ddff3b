import { describe, expect, it } from 'vitest';
import { layoutMarkerLabels } from '../../../src/charts/markerLayout';

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
      { row: 0, anchor: 'start' },
      { row: 0, anchor: 'start' },
    ]);
  });
});

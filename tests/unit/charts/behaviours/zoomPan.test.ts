import { describe, expect, it } from 'vitest';
import { zoomPan, type ZoomTransform } from '../../../../src/charts/behaviours/zoomPan';

describe('zoom and pan', () => {
  it('moves the view directly while nothing is attached (the first fit comes before the surface)', () => {
    const seen: ZoomTransform[] = [];
    const zoom = zoomPan({ extent: [0.1, 8], allow: () => true, onzoom: (t) => seen.push(t) });
    zoom.to({ k: 2, x: 10, y: -5 });
    expect(seen).toEqual([{ k: 2, x: 10, y: -5 }]);
  });
});

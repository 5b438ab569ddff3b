import { describe, expect, it } from 'vitest';
import type { DrawNode } from '../../../../src/charts/network/canvas';
import { fitView } from '../../../../src/charts/network/fit';
import { labelWidth, nodeLabelPlaces } from '../../../../src/charts/network/labels';

const node = (id: string, r = 10, visible = true): DrawNode => ({
  id,
  label: id,
  r,
  color: '#0072b2',
  adopted: false,
  visible,
});

describe('fitting the graph into the frame', () => {
  it('centres the visible nodes and scales them to fill the frame, padded', () => {
    const nodes = [node('a'), node('b'), node('hidden', 10, false)];
    const xy = new Float64Array([0, 0, 100, 0, 5000, 5000]);
    const v = fitView(nodes, xy, 800, 400, null);
    // Nodes span x −10..110 and y −10..26 (room for a label below); 768 px / 120 caps at 2×.
    expect(v.k).toBe(2);
    const screen = (x: number) => x * v.k + v.x;
    expect(screen(-10) + screen(110)).toBeCloseTo(800);
    expect(fitView(nodes, xy, 800, 400, null)).toEqual(v);
  });
  it('zooms out to fit a wide layout, and leaves room for centred labels', () => {
    const nodes = [node('a'), node('a long factory name')];
    const xy = new Float64Array([0, 0, 2000, 0]);
    const bare = fitView(nodes, xy, 800, 400, null);
    const labelled = fitView(nodes, xy, 800, 400, (text) => text.length * 6.6);
    expect(bare.k).toBeCloseTo(768 / 2020);
    expect(labelled.k).toBeLessThan(bare.k);
  });
  it('puts the origin at the centre when nothing is visible', () => {
    expect(
      fitView(
        [node('a', 10, false)],
        new Float64Array([5, 5]),
        600,
        300,
        (text) => text.length * 6.6,
      ),
    ).toEqual({
      k: 1,
      x: 300,
      y: 150,
    });
  });
});

describe('SVG label places', () => {
  it('puts a label below its node, and elsewhere where that would cover a neighbour', () => {
    // b sits right under a, where a's label would go.
    const nodes = [node('a', 12), node('b', 8), node('c', 8)];
    const xy = new Float64Array([0, 0, 0, 24, 300, 0]);
    const at = nodeLabelPlaces(nodes, xy, (s) => s.length * 7);
    expect(at[2]).toEqual({ x: 0, y: 21, anchor: 'middle' });
    expect(at[0]).not.toEqual({ x: 0, y: 25, anchor: 'middle' });
  });
  it('leaves out a label that has no free place rather than draw it over another', () => {
    // Three nodes on top of one another: the biggest is labelled, the others find no room.
    const nodes = [node('big', 12), node('b', 4), node('c', 4)];
    const xy = new Float64Array([0, 0, 1, 1, 2, 2]);
    const at = nodeLabelPlaces(nodes, xy, (s) => s.length * 40);
    expect(at[0]).not.toBeNull();
    expect(at.filter((p) => p === null).length).toBeGreaterThan(0);
  });
  it('measures without a canvas at about 6.5 px a character', () => {
    expect(labelWidth('Zhenya')).toBeCloseTo(39);
  });
});

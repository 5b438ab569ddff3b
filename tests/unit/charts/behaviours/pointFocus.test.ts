import { describe, expect, it } from 'vitest';
import {
  nearestPoint,
  pointFocus,
  stepFocus,
  type PointRef,
} from '../../../../src/charts/behaviours/pointFocus';

// Two series of points {t, v}: one a month apart, the other offset by half a month.
const a = [0, 1, 2, 3].map((t) => ({ t, v: 10 }));
const b = [0.5, 1.5, 2.5].map((t) => ({ t, v: 50 }));
const groups = [a, b];
const x = (p: { t: number }) => p.t * 100;
const y = (p: { v: number }) => p.v;

describe('nearest-point hit test', () => {
  it('finds the point nearest the pointer, across series', () => {
    expect(nearestPoint(groups, x, y, 190, 12)).toEqual({ s: 0, i: 2 });
    expect(nearestPoint(groups, x, y, 160, 45)).toEqual({ s: 1, i: 1 });
  });
  it('finds nothing beyond 24 px', () => {
    expect(nearestPoint(groups, x, y, 20, 30, 24)).toBeNull();
    expect(nearestPoint(groups, x, y, 20, 30, 60)).not.toBeNull();
  });
});

describe('roving focus', () => {
  const step = (key: string, f: PointRef | null) => stepFocus(key, f, groups, (p) => p.t);
  it('starts at the first point and walks along the series, stopping at its ends', () => {
    expect(step('ArrowRight', null)).toEqual({ s: 0, i: 0 });
    expect(step('ArrowRight', { s: 0, i: 0 })).toEqual({ s: 0, i: 1 });
    expect(step('ArrowRight', { s: 0, i: 3 })).toEqual({ s: 0, i: 3 });
    expect(step('ArrowLeft', { s: 0, i: 0 })).toEqual({ s: 0, i: 0 });
    expect(step('End', { s: 1, i: 0 })).toEqual({ s: 1, i: 2 });
    expect(step('Home', { s: 1, i: 2 })).toEqual({ s: 1, i: 0 });
  });
  it('moves between series to the point nearest in time, wrapping round', () => {
    expect(step('ArrowDown', { s: 0, i: 3 })).toEqual({ s: 1, i: 2 });
    expect(step('ArrowDown', { s: 1, i: 0 })).toEqual({ s: 0, i: 0 });
    expect(step('ArrowUp', { s: 0, i: 2 })).toEqual({ s: 1, i: 1 });
  });
  it('clears on Escape and leaves other keys to the page', () => {
    expect(step('Escape', { s: 0, i: 1 })).toBeNull();
    expect(step('Tab', { s: 0, i: 1 })).toBeUndefined();
    expect(stepFocus('ArrowRight', null, [], (p: { t: number }) => p.t)).toBeUndefined();
  });
});

describe('the attached behaviour', () => {
  /** A stand-in element: records listeners and lets the test fire them. */
  function element() {
    const on = new Map<string, (e: unknown) => void>();
    const node = {
      getBoundingClientRect: () => ({ left: 100, top: 20 }),
      addEventListener: (type: string, f: (e: unknown) => void) => on.set(type, f),
      removeEventListener: (type: string) => on.delete(type),
    };
    return { node: node as unknown as HTMLElement, on };
  }
  it('hovers, roves with keys, handles only its keys, and clears on leaving and detaching', () => {
    let focus: PointRef | null = null;
    const { node, on } = element();
    const detach = pointFocus({
      pick: (px, py) => nearestPoint(groups, x, y, px, py),
      step: (key, f) => stepFocus(key, f, groups, (p) => p.t),
      get: () => focus,
      set: (f) => (focus = f),
    })(node) as () => void;
    on.get('pointermove')!({ clientX: 400, clientY: 30 });
    expect(focus).toEqual({ s: 0, i: 3 });
    let prevented = 0;
    const key = (k: string) => on.get('keydown')!({ key: k, preventDefault: () => prevented++ });
    key('ArrowLeft');
    expect(focus).toEqual({ s: 0, i: 2 });
    key('Tab');
    expect(prevented).toBe(1);
    on.get('pointerleave')!({});
    expect(focus).toBeNull();
    detach();
    expect(on.size).toBe(0);
  });
});

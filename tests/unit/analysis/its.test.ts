import { describe, expect, it } from 'vitest';
import { interruptedTimeSeries, type ItsPoint } from '../../../src/lib/analysis/its';

// The published data of Lopez Bernal, Cummins & Gasparrini (IJE 2017), the tutorial's sicily.csv:
// acute coronary events (ages 0–69) in Sicily per month, January 2002 to November 2006, and
// the age-standardised population. The smoking ban starts at month 37 (January 2005).
const ACES = [
  728, 659, 791, 734, 757, 726, 760, 740, 720, 814, 795, 858, 887, 766, 851, 769, 781, 756, 766,
  752, 765, 831, 879, 928, 914, 808, 937, 840, 916, 828, 845, 818, 860, 839, 887, 886, 831, 796,
  833, 820, 877, 758, 767, 738, 781, 843, 850, 908, 1021, 859, 976, 888, 962, 838, 810, 876, 843,
  936, 912,
];
const STDPOP = [
  379875.3, 376495.5, 377040.8, 377116.4, 377383.4, 374113.1, 379513.3, 376295.5, 374653.2,
  378485.6, 375955.5, 378349.7, 376762.4, 379032.3, 379360.4, 376162, 377972.4, 381830.7, 379888.6,
  380872.2, 380966.9, 381240.4, 382104.9, 381802.7, 381656.3, 383680, 383504.2, 386462.9, 383783.1,
  380836.8, 383483, 380906.2, 382926.8, 384052.4, 384449.6, 383428.4, 388153.2, 388373.2, 386470.1,
  386033.2, 383686.4, 385509.3, 385901.9, 386516.6, 388436.5, 383255.2, 390148.7, 385874.9,
  391613.6, 391750.4, 394005.6, 391364.9, 391664.6, 389022.3, 391878.5, 388575.3, 392989, 390018.8,
  390712.3,
];
const SICILY: ItsPoint[] = ACES.map((events, i) => ({
  time: i + 1,
  events,
  exposure: STDPOP[i],
}));

describe('interruptedTimeSeries(points, options)', () => {
  it('gives the Sicily smoking ban a rate ratio of 0.885 (0.839–0.933) with two harmonic pairs, as the tutorial', () => {
    const r = interruptedTimeSeries(SICILY, { start: 37, harmonics: 2, period: 12 });
    expect(r.rateRatio.toFixed(3)).toBe('0.885');
    expect(r.lo.toFixed(3)).toBe('0.839');
    expect(r.hi.toFixed(3)).toBe('0.933');
    expect(r.dispersion).toBeGreaterThan(1);
  });

  it('recovers an exact step and trend from a noiseless series, with no dispersion', () => {
    const points = Array.from({ length: 40 }, (_, i) => {
      const rate = 0.05 * Math.exp(0.01 * i) * (i >= 20 ? 0.8 : 1);
      return { time: i, events: rate * 1e6, exposure: 1e6 };
    });
    const r = interruptedTimeSeries(points, { start: 20 });
    expect(r.rateRatio).toBeCloseTo(0.8, 9);
    expect(r.dispersion).toBeCloseTo(0, 9);
    expect(r.counterfactual[30]).toBeCloseTo(0.05 * Math.exp(0.3), 9);
  });

  it.each([
    ['too few points', SICILY.slice(0, 5), 3],
    ['nothing before the start', SICILY, 1],
    ['nothing after the start', SICILY, 100],
    ['an exposure of 0', SICILY.map((p, i) => (i === 3 ? { ...p, exposure: 0 } : p)), 37],
  ])('is NaN for %s', (_, points, start) => {
    const r = interruptedTimeSeries(points, { start, harmonics: 2 });
    expect(r.rateRatio).toBeNaN();
    expect(r.lo).toBeNaN();
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(SICILY);
    interruptedTimeSeries(SICILY, { start: 37, harmonics: 2 });
    expect(SICILY).toEqual(copy);
  });
});

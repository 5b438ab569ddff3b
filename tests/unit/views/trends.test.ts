import { en, zh } from '../words';
import { describe, expect, it } from 'vitest';
import { defectRateByPeriod } from '../../../src/lib/analysis/defectRate';
import type { ExchangeRecord } from '../../../src/lib/schema/types';
import { DEFAULT_TRENDS, type TrendsState } from '../../../src/lib/state/trendsQuery';
import {
  adoptionMarkers,
  bandsDrawn,
  brushedMonths,
  controlLink,
  paretoBars,
  paretoFilterKey,
  paretoSummary,
  productsOf,
  scopeText,
  sharedTop,
  toggled,
  trendCaption,
  trendSummary,
  pooledEnds,
  calloutMarks,
  seriesPaint,
  drawOrder,
} from '../../../src/lib/views/trends';
import { lot, rollupsOf } from '../records';
import { wilsonInterval } from '../../../src/lib/analysis/stats';
import { CONTEXT } from '../../../src/charts/palette';

const view = (patch: Partial<TrendsState> = {}): TrendsState => ({ ...DEFAULT_TRENDS, ...patch });
const names: Record<string, string> = { zhenya: 'Zhenya', dongwu: 'Dongwu' };
const label = (k: string) => names[k] ?? k;

// Zhenya falls from 10% to 5% over three months; Dongwu stays at 8%. Defect types on some lots.
const data = rollupsOf([
  lot('zhenya', 'silk', '1956-08', 1000, 100, 'slub'),
  lot('zhenya', 'silk', '1956-09', 1000, 70, 'slub'),
  lot('zhenya', 'satin', '1956-10', 1000, 50, 'broken end'),
  lot('dongwu', 'silk', '1956-08', 500, 40, 'slub'),
  lot('dongwu', 'silk', '1956-09', 500, 40),
  lot('dongwu', 'silk', '1956-10', 500, 40, 'stain'),
]);
const series = defectRateByPeriod(data.rollups, { interval: 'month', by: 'factory' });

describe('the trends view model', () => {
  it('lists the products of the rollups, once each and sorted', () => {
    expect(productsOf(data.rollups)).toEqual(['satin', 'silk']);
  });

  it('toggles a value in and out of a list without changing the list given', () => {
    const list = ['a', 'b'];
    expect(toggled(list, 'b')).toEqual(['a']);
    expect(toggled(list, 'c')).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b']);
  });

  it('draws bands over few lines or in panels, never when they are off', () => {
    expect(bandsDrawn(view(), 12)).toBe(true);
    expect(bandsDrawn(view(), 13)).toBe(false);
    expect(bandsDrawn(view({ multiples: true }), 40)).toBe(true);
    expect(bandsDrawn(view({ band: false }), 1)).toBe(false);
  });

  it('turns a brushed span into the months it covers, the end being exclusive', () => {
    expect(brushedMonths(Date.UTC(1956, 7, 15), Date.UTC(1956, 10, 1))).toEqual({
      from: '1956-08',
      to: '1956-10',
    });
  });

  it('gives panels one y top: the highest band edge, or the highest rate without bands', () => {
    const hi = Math.max(...series.flatMap((s) => s.points.map((p) => p.hi)));
    expect(sharedTop(series, true)).toBe(hi);
    expect(sharedTop(series, false)).toBeCloseTo(0.1);
    expect(sharedTop([], true)).toBe(0.01);
  });

  it('summarises one series by its pooled first and last spans with their Wilson intervals, and many by name', () => {
    const one = trendSummary(view(), [series[1]], label, en);
    expect(one.base).toBe('Defect rate, Zhenya, 1956-08–1956-10');
    // Three months: one at each end (never more than half), 100/1000 and 50/1000.
    expect(one.full).toBe(
      'Defect rate, Zhenya, 1956-08–1956-10, from 10.0% (95% CI 8.3%–12.0%) in 1956-08 to 5.0% (3.8%–6.5%) in 1956-10',
    );
    const both = trendSummary(view({ products: ['silk'] }), series, label, en);
    expect(both.full).toBe('Defect rate, Dongwu, Zhenya, silk, 1956-08–1956-10');
    expect(trendSummary(view(), [], label, zh).full).toBe(zh('trends.noData'));
  });

  it('pools up to six periods at each end, and none under two', () => {
    const points = Array.from({ length: 14 }, (_, i) => ({
      period: `1956-${String(i + 1).padStart(2, '0')}`,
      inspected: 100,
      defective: i < 7 ? 10 : 5,
    })) as unknown as Parameters<typeof pooledEnds>[0];
    const ends = pooledEnds(points)!;
    expect(ends.start).toMatchObject({ rate: 0.1, first: '1956-01', last: '1956-06' });
    expect(ends.end).toMatchObject({ rate: 0.05, first: '1956-09', last: '1956-14' });
    const [lo, hi] = wilsonInterval(60, 600);
    expect(ends.start.lo).toBe(lo);
    expect(ends.start.hi).toBe(hi);
    expect(pooledEnds(points.slice(0, 1))).toBeNull();
  });

  it('marks each factory’s first adoption of each experience, and none for products', () => {
    const ex = (date: string, target: string, adopted_on?: string): ExchangeRecord => ({
      date,
      source_factory: 'zhenya',
      target_factory: target,
      experience: 'daily rounds',
      ...(adopted_on ? { adopted_on } : {}),
    });
    const exchanges = [ex('1956-09-01', 'dongwu', '1956-09-20'), ex('1956-10-01', 'dongwu')];
    const markers = adoptionMarkers(view(), exchanges, series, label, () => 'red', en);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ factory: 'dongwu', time: Date.UTC(1956, 8, 20) });
    expect(markers[0].title).toContain('Dongwu adopted “daily rounds” (from Zhenya)');
    expect(
      adoptionMarkers(view({ by: 'product' }), exchanges, series, label, () => '', en),
    ).toEqual([]);
  });

  it('words the scope and the caption in either language', () => {
    expect(scopeText(view(), label, en)).toBe('all factories, all products');
    expect(scopeText(view({ factories: ['zhenya'], from: '1956-09' }), label, en)).toBe(
      `Zhenya, all products, 1956-09–${en('common.end')}`,
    );
    expect(trendCaption(view(), false, false, en)).toContain('up to 12 lines');
    expect(trendCaption(view({ band: false }), false, true, zh)).toContain(
      zh('trends.captionMarkers'),
    );
  });

  it('opens the control chart on the first shown factory and product', () => {
    const q = view({ interval: 'quarter', products: ['silk'] });
    expect(controlLink(q, series, 'x')).toMatchObject({
      factory: 'dongwu',
      product: 'silk',
      interval: 'quarter',
    });
    expect(controlLink(view({ by: 'product', factories: ['zhenya'] }), [], 'x').factory).toBe(
      'zhenya',
    );
    expect(controlLink(view(), [], 'first').factory).toBe('first');
  });

  it('keys the Pareto by what is shown, so the interval and the grouping do not change it', () => {
    const byFactory = paretoFilterKey(view(), series);
    expect(paretoFilterKey(view({ interval: 'year', by: 'product' }), series)).toBe(byFactory);
    const hiding = paretoFilterKey(view({ hidden: ['dongwu'] }), [series[1]]);
    expect(JSON.parse(hiding).factories).toEqual(['zhenya']);
  });

  it('counts lots without a type as their own last bar, so shares are of all defective pieces', () => {
    const bars = paretoBars(
      data.defectRollups,
      data.rollups,
      paretoFilterKey(view(), series),
      '(none)',
    );
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['slub', 210],
      ['broken end', 50],
      ['stain', 40],
      ['(none)', 40],
    ]);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1);
    const text = paretoSummary(bars, '(none)', en);
    expect(text).toContain('slub 61.8%');
    expect(text).toContain('40 defective pieces (11.8%) have no type given');
  });

  it('has no Pareto when no lot names a type', () => {
    const untyped = rollupsOf([lot('zhenya', 'silk', '1956-08', 100, 5)]);
    expect(paretoBars(untyped.defectRollups, untyped.rollups, '{}', '(none)')).toEqual([]);
  });
});

describe('calloutMarks(callouts, visible, color)', () => {
  it('points a series’ callout at its period’s rate, and a date’s at the month', () => {
    const marks = calloutMarks(
      [
        { at: '1956-09', on: 'zhenya', text: 'falls' },
        { at: '1956-10', on: '', text: 'meeting' },
        { at: '1956-09', on: 'nobody', text: 'not shown' },
      ],
      series,
      () => '#123456',
    );
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ rate: 0.07, text: 'falls', color: '#123456' });
    expect(marks[1]).toEqual({
      time: Date.UTC(1956, 9, 1),
      rate: null,
      text: 'meeting',
      color: 'var(--ink-2)',
    });
  });
});

describe('seriesPaint(keys, story, lit)', () => {
  it('gives each series its own colour while they fit the palette', () => {
    const p = seriesPaint(['a', 'b'], [], null);
    expect(p.crowded).toBe(false);
    expect(new Set(p.colors.values()).size).toBe(2);
  });
  it('past the palette, colours the story and the lit series, each once, and greys the rest', () => {
    const keys = Array.from({ length: 15 }, (_, i) => `f${i}`);
    const p = seriesPaint(keys, ['f3', 'f7'], 'f9');
    expect(p.crowded).toBe(true);
    expect(p.picked).toEqual(['f3', 'f7', 'f9']);
    const coloured = keys.filter((k) => p.colors.get(k) !== CONTEXT);
    expect(coloured).toEqual(['f3', 'f7', 'f9']);
    expect(new Set(coloured.map((k) => p.colors.get(k))).size).toBe(3);
    expect(drawOrder(series, [series[0].key]).at(-1)?.key).toBe(series[0].key);
  });
});

import { describe, expect, it } from 'vitest';
import { day, flag, int, list, queryCodec } from '../../../src/lib/state/queryParams';
import {
  DEFAULT_CONTROL,
  controlQueryString,
  parseControlQuery,
} from '../../../src/lib/state/controlQuery';
import { parseTrendsQuery, trendsQueryString } from '../../../src/lib/state/trendsQuery';
import { networkQueryString, parseNetworkQuery } from '../../../src/lib/state/networkQuery';
import { impactQueryString, parseImpactQuery } from '../../../src/lib/state/impactQuery';
import { dataQueryString, parseDataQuery } from '../../../src/lib/state/dataQuery';

// Links written before the views shared one codec (by the hand-written codecs of Loom 0.1):
// each must open the same view, and the codec must write it back character for character.
describe('queryCodec: links from before it keep their meaning', () => {
  const links = {
    control:
      'factory=zhenya&product=%E7%94%9F%E4%B8%9D+A&defect=Slub&interval=quarter&kind=pprime&rules=we&bfrom=1955-01&bto=1955-12&stage=1956-03-01&stage=1956-09-15&note=1956-04%3ANew+loom%3A+2+%26+more&fproduct=Silk&from=1955-06&to=1957-12&sort=latest&desc=1',
    ascending: 'factory=dongwu&baseline=8&sort=signals',
    trends:
      'factories=zhenya,a%2Cb,guang+ming&products=%E7%94%9F%E4%B8%9D&from=1955-01&to=1956-12&interval=quarter&by=product&band=off&layout=multiples&hidden=x+y',
    network:
      'experience=%E4%B8%80%E6%97%A5%E6%A3%80%E6%9F%A5+%26+more&topic=Quality&industry=silk&from=1956-01&to=1956-12&size=reach&layout=tree&at=1956-06-30&factory=zhenya',
    impact:
      'experience=Daily+inspection&k=8&interval=quarter&method=did&control=never&band=simultaneous&season=2&factory=dongwu',
    data: 'file=3f9a0c1b2d4e5f60&page=7',
  };

  it('opens a control chart with its span, stages, note and sort, and writes the same link', () => {
    const s = parseControlQuery(links.control);
    expect(s).toEqual({
      ...DEFAULT_CONTROL,
      factory: 'zhenya',
      product: '生丝 A',
      defect: 'Slub',
      interval: 'quarter',
      kind: 'pprime',
      rules: 'we',
      bfrom: '1955-01',
      bto: '1955-12',
      stages: ['1956-03-01', '1956-09-15'],
      notes: [{ period: '1956-04', text: 'New loom: 2 & more' }],
      fproduct: 'Silk',
      from: '1955-06',
      to: '1957-12',
      sort: 'latest',
      desc: true,
    });
    expect(controlQueryString(s)).toBe(links.control);
    const asc = parseControlQuery(links.ascending);
    expect(asc).toMatchObject({ baseline: 8, sort: 'signals', desc: false });
    expect(controlQueryString(asc)).toBe(links.ascending);
  });

  it('opens trends with lists whose items hold commas and spaces', () => {
    const s = parseTrendsQuery(links.trends);
    expect(s).toEqual({
      factories: ['zhenya', 'a,b', 'guang ming'],
      products: ['生丝'],
      from: '1955-01',
      to: '1956-12',
      interval: 'quarter',
      by: 'product',
      hidden: ['x y'],
      band: false,
      multiples: true,
      highlight: [],
      callouts: [],
    });
    expect(trendsQueryString(s)).toBe(links.trends);
  });

  it('opens the network, Impact and Data views as they were linked', () => {
    const n = parseNetworkQuery(links.network);
    expect(n).toMatchObject({ experience: '一日检查 & more', layout: 'tree', at: '1956-06-30' });
    expect(networkQueryString(n)).toBe(links.network);
    const i = parseImpactQuery(links.impact);
    expect(i).toMatchObject({ k: 8, season: 2, band: 'simultaneous', factory: 'dongwu' });
    expect(impactQueryString(i)).toBe(links.impact);
    const d = parseDataQuery(links.data);
    expect(d).toEqual({ file: '3f9a0c1b2d4e5f60', page: 7 });
    expect(dataQueryString(d)).toBe(links.data);
  });
});

describe('queryCodec: one field vocabulary', () => {
  type S = { at: string; n: number; on: boolean; tags: string[] };
  const codec = queryCodec<S>(
    { at: '', n: 3, on: false, tags: [] },
    { at: day('at'), n: int('n', 1, 9), on: flag('on', 'yes'), tags: list('tags') },
  );
  it('drops what is malformed and leaves defaults out', () => {
    expect(codec.parse('at=1956-02-30x&n=12&on=no&tags=a,,b')).toEqual({
      at: '',
      n: 3,
      on: false,
      tags: ['a', 'b'],
    });
    expect(codec.write({ at: '', n: 3, on: false, tags: [] })).toBe('');
    expect(codec.write({ at: '1956-02-03', n: 4, on: true, tags: ['x'] })).toBe(
      'at=1956-02-03&n=4&on=yes&tags=x',
    );
  });
});

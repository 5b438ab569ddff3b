import { describe, expect, it } from 'vitest';
import { notIn, unknownInLink } from '../../../src/lib/views/link';

describe('notIn(named, known)', () => {
  it('gives what a link names that the data lacks, in the link’s order', () => {
    expect(notIn(['velvet', 'crepe satin', 'brocade'], ['crepe satin', 'soft satin'])).toEqual([
      'velvet',
      'brocade',
    ]);
    expect(notIn([], ['a'])).toEqual([]);
    expect(notIn(['a'], new Map([['a', 1]]).keys())).toEqual([]);
  });
});

describe('unknownInLink(asked, here)', () => {
  it('lists, per kind the view names, what the link asks for that is not here', () => {
    expect(
      unknownInLink(
        { factories: 'meixin', experiences: '' },
        { factories: ['zhenya'], experiences: ['Night school'] },
      ),
    ).toEqual([
      { kind: 'factories', names: ['meixin'] },
      { kind: 'experiences', names: [] },
    ]);
    expect(
      unknownInLink({ products: ['velvet', 'crepe satin'] }, { products: ['crepe satin'] }),
    ).toEqual([{ kind: 'products', names: ['velvet'] }]);
  });
});

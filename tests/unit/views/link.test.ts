import { describe, expect, it } from 'vitest';
import { notIn } from '../../../src/lib/views/link';

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

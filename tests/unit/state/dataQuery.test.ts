import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DATA,
  dataQueryString,
  fileKey,
  parseDataQuery,
} from '../../../src/lib/state/dataQuery';

const HASH = '3f9a0c1b2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8:7702';

describe('the Data page in the URL', () => {
  it('names a file by the start of its content hash, and a page from 1', () => {
    const s = { file: fileKey(HASH), page: 3 };
    expect(dataQueryString(s)).toBe('file=3f9a0c1b2d4e5f60&page=3');
    expect(parseDataQuery(dataQueryString(s))).toEqual(s);
  });

  it('leaves out the defaults: no file, or its first page', () => {
    expect(dataQueryString(DEFAULT_DATA)).toBe('');
    expect(dataQueryString({ file: 'abcdef0123456789', page: 1 })).toBe('file=abcdef0123456789');
    expect(dataQueryString({ file: '', page: 4 })).toBe('');
  });

  it('falls back to the defaults for what it cannot read', () => {
    expect(parseDataQuery('file=<script>&page=2')).toEqual(DEFAULT_DATA);
    expect(parseDataQuery('file=abcdef0123456789&page=0')).toEqual({
      file: 'abcdef0123456789',
      page: 1,
    });
    expect(parseDataQuery('file=ABCDEF0123456789&page=2.5').page).toBe(1);
    expect(parseDataQuery(undefined)).toEqual(DEFAULT_DATA);
  });
});

import { en, zh } from '../words';
import { describe, expect, it } from 'vitest';
import { fileKey } from '../../../src/lib/state/dataQuery';
import type { ImportRow } from '../../../src/lib/state/store';
import {
  bundleName,
  formatOf,
  importOf,
  pageCount,
  pager,
  pageText,
  periodText,
  sourceText,
} from '../../../src/lib/views/data';

const imp = (id: number, hash: string, patch: Partial<ImportRow> = {}): ImportRow =>
  ({
    id,
    hash,
    fileName: `f${id}.csv`,
    bytes: 2048,
    delimiter: ',',
    encoding: 'gb18030',
    ...patch,
  }) as ImportRow;

describe('importOf', () => {
  const imports = [imp(1, 'a'.repeat(64)), imp(2, 'b'.repeat(64))];
  it('finds the import a link names by its file key', () => {
    expect(importOf(imports, fileKey('b'.repeat(64)))?.id).toBe(2);
  });
  it('finds none for no key, or for a key no import has (deleted, or another browser’s)', () => {
    expect(importOf(imports, '')).toBeNull();
    expect(importOf(imports, fileKey('c'.repeat(64)))).toBeNull();
  });
});

describe('paging', () => {
  it('counts the pages records fill, one at least', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
    expect(pageCount(230, 50)).toBe(5);
  });
  it('disables first and previous on page 1, next and last on the last', () => {
    expect(pager(1, 5)).toEqual({ first: null, previous: null, next: 2, last: 5 });
    expect(pager(3, 5)).toEqual({ first: 1, previous: 2, next: 4, last: 5 });
    expect(pager(5, 5)).toEqual({ first: 1, previous: 4, next: null, last: null });
    expect(pager(1, 1)).toEqual({ first: null, previous: null, next: null, last: null });
  });
  it('says where the reader is, in either language', () => {
    expect(pageText(en, 2, 5, 1230)).toBe('Page 2 of 5 · 1,230 records');
    expect(pageText(zh, 2, 5, 1230)).toBe('第 2 页，共 5 页 · 1,230 条记录');
  });
});

describe('an import’s source', () => {
  it('gives a CSV’s size and delimiter, naming a tab', () => {
    expect(sourceText(en, imp(1, 'a'))).toBe('2.0 KB, delimiter “,”');
    expect(sourceText(en, imp(1, 'a', { delimiter: '\t' }))).toBe(
      `2.0 KB, delimiter “${en('common.tab')}”`,
    );
  });
  it('gives a workbook’s size and sheet, and its format as .xlsx rather than an encoding', () => {
    const book = imp(1, 'a', { sheet: '1956年' });
    expect(sourceText(zh, book)).toBe('2.0 KB，Excel 工作表“1956年”');
    expect(formatOf(book)).toBe('.xlsx');
    expect(formatOf(imp(2, 'b'))).toBe('gb18030');
  });
});

describe('summary and bundle', () => {
  it('spans the months loaded, or shows a dash when there are none', () => {
    expect(periodText({ firstMonth: '1956-01', lastMonth: '1958-12' })).toBe('1956-01 – 1958-12');
    expect(periodText({ firstMonth: null, lastMonth: null })).toBe('–');
  });
  it('dates a bundle by the UTC day it was saved', () => {
    expect(bundleName(en, new Date('2026-12-03T23:30:00Z'))).toBe('Loom data, 2026-12-03');
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../../src/lib/schema/fields';
import {
  detectKind,
  findHeaderRow,
  guessMapping,
  headerMatches,
  missingRequired,
  resolveMapping,
} from '../../../src/lib/schema/mapping';

describe('normalizeHeader(header)', () => {
  it.each([
    [' Factory ID ', 'factory_id'],
    ['factory-id', 'factory_id'],
    ['ＦＡＣＴＯＲＹ', 'factory'],
    ['次品数', '次品数'],
  ])('folds %j to %j', (h, n) => {
    expect(normalizeHeader(h)).toBe(n);
  });
});

describe('detectKind(headers)', () => {
  it.each([
    [['factory_id', 'name', 'name_zh'], 'factories'],
    [['工厂编号', '名称', '中文名'], 'factories'],
    [['Factory', 'Product', 'Month', 'Inspected', 'Defective'], 'production'],
    [['工厂', '产品', '月份', '检验数', '次品数', '疵点类型'], 'production'],
    [['date', 'source_factory', 'target_factory', 'experience'], 'exchanges'],
    [['日期', '来源工厂', '学习工厂', '经验'], 'exchanges'],
  ])('recognises %j as %s', (headers, kind) => {
    expect(detectKind(headers)).toBe(kind);
  });
  it('is null for headers of no kind', () => {
    expect(detectKind(['first', 'last', 'email'])).toBeNull();
  });
});

describe('guessMapping(kind, headers)', () => {
  it('maps English and Chinese synonyms, case-insensitively, first match winning', () => {
    const m = guessMapping('production', [
      'FACTORY',
      '产品',
      'Period',
      'inspected',
      'Defects',
      '次品数',
    ]);
    expect(Object.fromEntries(m)).toMatchObject({
      factory_id: 0,
      product: 1,
      period: 2,
      inspected: 3,
      defective: 4,
      defect_type: -1,
    });
  });
  it('never lets a __proto__ header touch an object prototype', () => {
    const m = guessMapping('factories', ['__proto__', 'factory_id', 'name']);
    expect(missingRequired('factories', m)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('resolveMapping(kind, headers, chosen)', () => {
  it('lets the user map an unrecognised header and unmap a guessed one', () => {
    const m = resolveMapping(
      'production',
      ['plant', 'article', 'period', 'inspected', 'defective', 'shift'],
      {
        product: 'article',
        shift: '',
      },
    );
    expect(m.get('product')).toBe(1);
    expect(m.get('shift')).toBe(-1);
    expect(missingRequired('production', m)).toEqual([]);
  });
  it('reports required fields left without a column', () => {
    expect(
      missingRequired('production', guessMapping('production', ['factory', 'product'])),
    ).toEqual(['period', 'inspected', 'defective']);
  });
});

describe('findHeaderRow(rows): the header below title rows', () => {
  it('passes over a title and blank rows to the row that names the fields', () => {
    const rows = [
      ['1956年第三季度质量报表', '', '', '', ''],
      ['', '', '', '', ''],
      ['厂名', '产品', '期间', '检验数', '次品数'],
      ['振亚丝织厂', '绉缎', '1956年7月', '1,210', '97'],
    ];
    expect(headerMatches(rows[0])).toBe(0);
    expect(headerMatches(rows[2])).toBe(5);
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('keeps row 1 when it names the fields as well as any later row', () => {
    const rows = [
      ['factory_id', 'product', 'period', 'inspected', 'defective'],
      ['zhenya', 'product', 'month', '1200', '90'],
    ];
    expect(findHeaderRow(rows)).toBe(0);
  });

  it('takes the first non-blank row when no row names two fields', () => {
    expect(findHeaderRow([[''], ['a', 'b'], ['factory', 'x']])).toBe(1);
    expect(findHeaderRow([[''], ['  ']])).toBe(-1);
  });

  it('counts each field once: two spellings of one field are one match', () => {
    expect(headerMatches(['厂名', '工厂', 'Note'])).toBe(1);
  });
});

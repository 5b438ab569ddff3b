import { describe, expect, it } from 'vitest';
import { analyzeCsv } from '../../../src/lib/import';
import { periodColumns, wideColumns } from '../../../src/lib/import/unpivot';
import type { ProductionRecord } from '../../../src/lib/schema/types';
import {
  gb18030,
  lotFields,
  lotRecords,
  thirdQuarterLots,
  wideReport,
} from '../../fixtures/reports';

const lots = thirdQuarterLots();
describe('periodColumns(headers)', () => {
  it('finds headers that are periods, or a period and a measure', () => {
    expect(
      periodColumns([
        '厂名',
        '1956年7月',
        '1956-08',
        '1956年9月次品数',
        '1956-Q4 inspected',
        '备注',
      ]),
    ).toEqual([
      { index: 1, period: '1956年7月', measure: null },
      { index: 2, period: '1956-08', measure: null },
      { index: 3, period: '1956年9月', measure: '次品数' },
      { index: 4, period: '1956-Q4', measure: 'inspected' },
    ]);
  });

  it('names the columns it adds in English for a file with English headers', async () => {
    const text = 'factory,product,1956-07,1956-08\nzhenya,crepe,97,88\n';
    const a = await analyzeCsv(text, { unpivot: true, kind: 'production' });
    expect(a.headers).toEqual(['factory', 'product', 'period', 'value']);
  });

  it('calls a table wide only with two period columns or more', () => {
    expect(wideColumns(['factory', 'period', 'inspected', 'defective'])).toBeNull();
    expect(wideColumns(['厂名', '1956年7月'])).toBeNull();
    expect(wideColumns(['厂名', '1956年7月', '1956年8月'])).toHaveLength(2);
  });
});

describe('analyzeCsv on a wide table', () => {
  it('offers the unpivot, and imports nothing as it stands', async () => {
    const a = await analyzeCsv(gb18030(wideReport(lots, 'rows')));
    expect(a.warnings).toContain(
      'The 3 columns “1956年7月” … “1956年9月” look like one column per period: tick “Unpivot” to turn them into one row per period.',
    );
    expect(a.records).toEqual([]);
  });

  it('unpivots a table with a row per measure (指标) into the 12 lots', async () => {
    const a = await analyzeCsv(gb18030(wideReport(lots, 'rows')), { unpivot: true });
    expect(a.kind).toBe('production');
    expect(a.headers).toEqual(['厂名', '产品', '期间', '检验数', '次品数']);
    expect(a.errors).toEqual([]);
    expect(lotFields(a.records as ProductionRecord[])).toEqual(lotRecords(lots));
    expect(a.warnings).toContain(
      'Unpivoted the 3 period columns “1956年7月” … “1956年9月” into 12 rows; each keeps the number of its first line in the file.',
    );
  });

  it('unpivots a table whose headers name the period and the measure', async () => {
    const a = await analyzeCsv(gb18030(wideReport(lots, 'headers')), { unpivot: true });
    expect(a.errors).toEqual([]);
    expect(lotFields(a.records as ProductionRecord[])).toEqual(lotRecords(lots));
  });

  it('leaves out a month with no figures, and names a bad cell by its line', async () => {
    // 振亚's crepe satin has no September figures; 东吴's July defective count is a word.
    const text = wideReport(
      lots.filter(
        (l) => !(l.factory === '振亚丝织厂' && l.product === '绉缎' && l.period === '1956年9月'),
      ),
      'rows',
    ).replace(/^(东吴丝织厂,绉缎,次品数,)\d+/m, '$1many');
    const a = await analyzeCsv(text, { unpivot: true });
    expect(a.records).toHaveLength(10);
    expect(a.warnings.join(' ')).toContain('into 11 rows');
    // 东吴's crepe satin starts on line 4 of the file (its 检验数 row).
    expect(a.errors.map((e) => [e.row, e.column, e.code])).toEqual([[4, '次品数', 'not-a-number']]);
  });

  it('turns a table of one unnamed measure into rows, and asks what the values are', async () => {
    const a = await analyzeCsv(wideReport(lots, 'single'), { unpivot: true, kind: 'production' });
    expect(a.headers).toEqual(['厂名', '产品', '期间', '数值']);
    expect(a.errors[0]).toMatchObject({ code: 'needs-mapping' });
    const mapped = await analyzeCsv(wideReport(lots, 'single'), {
      unpivot: true,
      kind: 'production',
      mapping: { defective: '数值', inspected: '数值' },
    });
    expect(mapped.records).toHaveLength(12);
  });
});

// Template files for each kind of record: the header Loom reads best and two example rows, so
// that a user starting from a blank spreadsheet writes a file that imports at the first try.

import { FIELDS } from './fields';
import type { RecordKind } from './types';

/** Two example rows per kind, by field: a field left out is an empty cell. */
const EXAMPLES: Record<RecordKind, Record<string, string>[]> = {
  factories: [
    {
      factory_id: 'zhenya',
      name: 'Zhenya Silk Factory',
      name_zh: '振亚丝织厂',
      industry: 'silk',
      industry_zh: '丝织',
      ownership: 'joint state-private',
      district: 'Pingjiang',
      workers: '1240',
    },
    {
      factory_id: 'dongwu',
      name: 'Dongwu Silk Factory',
      name_zh: '东吴丝织厂',
      industry: 'silk',
      industry_zh: '丝织',
      ownership: 'joint state-private',
      district: 'Canglang',
      workers: '980',
    },
  ],
  production: [
    {
      factory_id: 'zhenya',
      product: 'crepe satin',
      product_zh: '绉缎',
      period: '1956-07',
      inspected: '1210',
      defective: '97',
      defect_type: '断经',
      defect_type_en: 'broken warp',
      shift: 'day',
      workshop: 'weaving',
      defect_rate: '8.0%',
    },
    {
      factory_id: 'dongwu',
      product: 'crepe satin',
      product_zh: '绉缎',
      period: '1956-Q3',
      inspected: '3600',
      defective: '240',
      defect_type: '跳花',
      defect_type_en: 'float',
      defect_rate: '6.7%',
    },
  ],
  exchanges: [
    {
      date: '1956-05-18',
      source_factory: 'zhenya',
      target_factory: 'guangming',
      experience: 'Daily workshop inspection',
      experience_zh: '每天下车间检查',
      topic: 'management',
      topic_zh: '管理',
      event: 'city meeting',
      adopted_on: '1956-06-01',
    },
    {
      date: '1956-08-26',
      source_factory: 'guangming',
      target_factory: 'dongwu',
      experience: 'Find the key defect',
      experience_zh: '抓关键疵点',
      topic: 'quality',
      topic_zh: '质量',
      adopted_on: '1956-09-10',
      notes: 'visited twice',
    },
  ],
};

/** The rows of a template file for `kind`: every field's name as the header, then the examples. */
export function templateRows(kind: RecordKind): string[][] {
  const names = FIELDS[kind].map((f) => f.name);
  return [names, ...EXAMPLES[kind].map((row) => names.map((n) => row[n] ?? ''))];
}

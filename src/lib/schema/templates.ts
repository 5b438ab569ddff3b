// Template files for each kind of record: the header Loom reads best and two example rows, so
// that a user starting from a blank spreadsheet writes a file that imports at the first try.

import { FIELDS } from './fields';
import type { RecordKind } from './types';

/** Two example rows per kind, in the order of {@link FIELDS}. */
const EXAMPLES: Record<RecordKind, string[][]> = {
  factories: [
    [
      'zhenya',
      'Zhenya Silk Factory',
      '振亚丝织厂',
      'silk',
      'joint state-private',
      'Pingjiang',
      '1240',
    ],
    [
      'dongwu',
      'Dongwu Silk Factory',
      '东吴丝织厂',
      'silk',
      'joint state-private',
      'Canglang',
      '980',
    ],
  ],
  production: [
    ['zhenya', 'crepe satin', '1956-07', '1210', '97', '断经', 'day', 'weaving', '8.0%'],
    ['dongwu', 'crepe satin', '1956-Q3', '3600', '240', '跳花', '', '', '6.7%'],
  ],
  exchanges: [
    [
      '1956-05-18',
      'zhenya',
      'guangming',
      'Daily workshop inspection',
      'management',
      'city meeting',
      '1956-06-01',
      '',
    ],
    [
      '1956-08-26',
      'guangming',
      'dongwu',
      'Find the key defect',
      'quality',
      '',
      '1956-09-10',
      'visited twice',
    ],
  ],
};

/** The rows of a template file for `kind`: every field's name as the header, then the examples. */
export function templateRows(kind: RecordKind): string[][] {
  return [FIELDS[kind].map((f) => f.name), ...EXAMPLES[kind]];
}

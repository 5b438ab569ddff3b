import { toHalfWidth } from '../text';
import type { RecordKind } from './types';

/** How a cell is read: free text, a whole number, a period (production), a date or a rate. */
export type FieldType = 'text' | 'count' | 'period' | 'date' | 'rate';

/** One column Loom knows for a kind. */
export interface FieldDef {
  /** Canonical name, as in DESIGN.md's data contract. */
  name: string;
  type: FieldType;
  required: boolean;
  /** Header spellings that map to this field, compared after {@link normalizeHeader}. */
  synonyms: readonly string[];
  /**
   * A field this required one can be derived from when its own column is absent (defective
   * pieces from a defect rate, with a warning): then the file needs that field instead.
   */
  derivedFrom?: string;
}

const field = (
  name: string,
  type: FieldType,
  required: boolean,
  synonyms: string[] = [],
): FieldDef => ({ name, type, required, synonyms: [name, ...synonyms] });

/**
 * The fields a data word (a product, an experience…) comes with in the other language:
 * `<field>_zh` for its Chinese and `<field>_en` for its English. The word in `field` stays
 * what records are keyed and filtered by; these only label it (see {@link TERM_FIELDS}).
 */
const translations = (base: string, zh: string[] = [], en: string[] = []): FieldDef[] => [
  field(`${base}_zh`, 'text', false, [`${base}_cn`, `${base}_chinese`, ...zh]),
  field(`${base}_en`, 'text', false, [`${base}_english`, ...en]),
];

/** The data fields whose words may come in both languages, by kind. */
export const TERM_FIELDS: Readonly<Record<RecordKind, readonly string[]>> = {
  factories: ['industry'],
  production: ['product', 'defect_type'],
  exchanges: ['experience', 'topic'],
};

/** Whether `name` is a label field (`product_zh`, `topic_en`…) of `kind`. */
export const isTermLabel = (kind: RecordKind, name: string): boolean =>
  TERM_FIELDS[kind].some((base) => name === `${base}_zh` || name === `${base}_en`);

/** The fields of each kind: required ones first, then optional ones. */
export const FIELDS: Readonly<Record<RecordKind, readonly FieldDef[]>> = {
  factories: [
    field('factory_id', 'text', true, [
      'factory',
      'id',
      'code',
      'factory_code',
      '工厂编号',
      '编号',
      '厂号',
      '代码',
    ]),
    field('name', 'text', true, [
      'factory_name',
      'name_en',
      'english_name',
      '名称',
      '英文名',
      '厂名英文',
    ]),
    field('name_zh', 'text', false, [
      'chinese_name',
      'name_cn',
      '中文名',
      '厂名',
      '工厂名称',
      '工厂',
      '中文名称',
    ]),
    field('industry', 'text', false, ['sector', 'trade', '行业', '产业']),
    ...translations('industry', ['行业中文'], ['行业英文']),
    field('ownership', 'text', false, ['owner', 'ownership_type', '所有制', '经济类型', '性质']),
    field('district', 'text', false, ['area', 'location', '区', '地区', '区域', '所在区']),
    field('workers', 'count', false, [
      'employees',
      'workforce',
      'headcount',
      '职工人数',
      '工人数',
      '人数',
      '职工',
    ]),
  ],
  production: [
    field('factory_id', 'text', true, [
      'factory',
      'factory_code',
      'plant',
      '工厂',
      '厂名',
      '工厂编号',
      '厂号',
    ]),
    field('product', 'text', true, ['product_name', 'item', 'goods', '产品', '品种', '产品名称']),
    ...translations('product', ['产品中文名'], ['产品英文名']),
    field('period', 'period', true, [
      'month',
      'date',
      'time',
      'quarter',
      'year',
      '时期',
      '期间',
      '月份',
      '日期',
      '时间',
    ]),
    field('inspected', 'count', true, [
      'total',
      'checked',
      'pieces',
      'output',
      'quantity',
      'qty',
      '检验数',
      '检验数量',
      '检验件数',
      '产量',
      '总数',
    ]),
    {
      ...field('defective', 'count', true, [
        'defects',
        'defect_count',
        'rejects',
        'faulty',
        '次品数',
        '次品',
        '疵品数',
        '疵品',
        '不合格数',
      ]),
      derivedFrom: 'defect_rate',
    },
    field('defect_type', 'text', false, [
      'defect',
      'defect_kind',
      'defect_category',
      '疵点',
      '次品类型',
      '疵点类型',
      '缺陷类型',
    ]),
    ...translations('defect_type', ['疵点中文'], ['疵点英文']),
    field('shift', 'text', false, ['team', '班次', '班组', '班']),
    field('workshop', 'text', false, ['department', 'dept', '车间', '工段']),
    // Read to check the defective count, or to derive it when the file has none. Not stored:
    // a rate is always Σdefective / Σinspected of the stored counts.
    field('defect_rate', 'rate', false, [
      'rate',
      'defective_rate',
      'reject_rate',
      'defect_percent',
      'percent_defective',
      'defect_rate_%',
      'defect_rate(%)',
      'defect_%',
      '次品率',
      '次品率(%)',
      '次品率%',
      '不良率',
      '不良率(%)',
      '疵品率',
      '疵品率(%)',
      '不合格率',
      '不合格率(%)',
    ]),
  ],
  exchanges: [
    field('date', 'date', true, ['exchange_date', 'when', 'day', '日期', '交流日期', '时间']),
    field('source_factory', 'text', true, [
      'source',
      'from',
      'from_factory',
      'teacher',
      'giver',
      '来源',
      '来源工厂',
      '传授方',
      '经验来源',
    ]),
    field('target_factory', 'text', true, [
      'target',
      'to',
      'to_factory',
      'learner',
      'receiver',
      '学习方',
      '学习工厂',
      '目标工厂',
      '接受方',
    ]),
    field('experience', 'text', true, [
      'practice',
      'method',
      'experience_name',
      '经验',
      '经验名称',
      '先进经验',
    ]),
    ...translations('experience', ['经验中文'], ['经验英文']),
    field('topic', 'text', false, ['category', 'theme', '主题', '类别', '类型']),
    ...translations('topic', ['主题中文'], ['主题英文']),
    field('event', 'text', false, ['meeting', 'occasion', '会议', '活动', '交流会']),
    field('adopted_on', 'date', false, [
      'adopted',
      'adoption_date',
      'adopted_date',
      '采用日期',
      '推广日期',
      '采用时间',
    ]),
    field('notes', 'text', false, ['note', 'comment', 'comments', 'remarks', '备注', '说明']),
  ],
};

/**
 * Folds a header for matching: trims, lower-cases, turns full-width ASCII into
 * half-width and runs of spaces, dashes and dots into one underscore.
 * `" Factory ID "` and `"factory-id"` both become `factory_id`.
 */
export function normalizeHeader(header: string): string {
  return toHalfWidth(header)
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}

const synonymIndex: Record<RecordKind, Map<string, string>> = {
  factories: new Map(),
  production: new Map(),
  exchanges: new Map(),
};
for (const kind of Object.keys(FIELDS) as RecordKind[]) {
  for (const def of FIELDS[kind]) {
    for (const s of def.synonyms) {
      const key = normalizeHeader(s);
      if (!synonymIndex[kind].has(key)) synonymIndex[kind].set(key, def.name);
    }
  }
}

/** The field of `kind` that `header` names, or undefined. */
export function fieldForHeader(kind: RecordKind, header: string): string | undefined {
  return synonymIndex[kind].get(normalizeHeader(header));
}

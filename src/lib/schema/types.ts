/** The three kinds of CSV Loom understands, one kind per file. */
export type RecordKind = 'factories' | 'production' | 'exchanges';

/** Every kind, in the order files should be imported (factories first, so the others can name them). */
export const KINDS: readonly RecordKind[] = ['factories', 'production', 'exchanges'];

/** True when `value` is one of the {@link KINDS}. */
export const isKind = (value: unknown): value is RecordKind =>
  typeof value === 'string' && (KINDS as readonly string[]).includes(value);

/** How precise a period or date is: a production period may be a day, a month, a quarter or a year. */
export type Grain = 'day' | 'month' | 'quarter' | 'year';
/** Every grain, finest first. */
export const GRAINS: readonly Grain[] = ['day', 'month', 'quarter', 'year'];
/** The text encodings a file is read in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

/** A parsed period: its first day as an ISO date (UTC), and its grain. */
export interface Period {
  /** First day of the period, `YYYY-MM-DD`. */
  start: string;
  grain: Grain;
  /** Canonical label: `1956-08-26`, `1956-08`, `1956-Q3` or `1956`. */
  label: string;
}

/** A row of a factories file, after validation. Optional fields are absent when the cell was empty. */
export interface FactoryRecord {
  factory_id: string;
  name: string;
  name_zh?: string;
  industry?: string;
  /** The industry in Chinese or in English, when the file gives it (`industry_zh`, `industry_en`). */
  industry_zh?: string;
  industry_en?: string;
  ownership?: string;
  district?: string;
  /** Head count, a whole number >= 0. */
  workers?: number;
}

/** A row of a production file: one inspected lot, after validation. */
export interface ProductionRecord {
  factory_id: string;
  product: string;
  /** Canonical period label, see {@link Period.label}. */
  period: string;
  /** First day of the period, `YYYY-MM-DD`. */
  periodStart: string;
  grain: Grain;
  /** Pieces inspected, a whole number >= 1. */
  inspected: number;
  /** Pieces found defective, a whole number with 0 <= defective <= inspected. */
  defective: number;
  defect_type?: string;
  /** Product and defect type in the other language, when the file gives them (not stored per lot: see ImportRow.terms). */
  product_zh?: string;
  product_en?: string;
  defect_type_zh?: string;
  defect_type_en?: string;
  shift?: string;
  workshop?: string;
}

/** A row of an exchanges file: one factory learning one experience from another. */
export interface ExchangeRecord {
  /** Date of the exchange, `YYYY-MM-DD` (a month or year means its first day). */
  date: string;
  source_factory: string;
  target_factory: string;
  experience: string;
  /** The experience and topic in the other language, when the file gives them. */
  experience_zh?: string;
  experience_en?: string;
  topic?: string;
  topic_zh?: string;
  topic_en?: string;
  event?: string;
  /** Date the target adopted the experience, `YYYY-MM-DD`. */
  adopted_on?: string;
  notes?: string;
}

/** Any validated record. */
export type AnyRecord = FactoryRecord | ProductionRecord | ExchangeRecord;

import { oneOf } from './queryParams';
import { INTERVALS, type Interval } from '../analysis/periods';

/** A note on one point of a control chart: its period label and the text, shown as text. */
export interface PointNote {
  period: string;
  text: string;
}

/** Everything the Control view shows, as it lives in the URL hash (`#/control?…`). */
export interface ControlState {
  /** The factory and product charted; with no factory the page shows the summary of all. */
  factory: string;
  product: string;
  /** A defect type for a u chart of it per 1,000 pieces ('' = a p chart of defective pieces). */
  defect: string;
  interval: Interval;
  /** `auto`: Laney p′ when the points vary more than a binomial explains, else p. */
  kind: 'auto' | 'p' | 'pprime';
  /** The run rules: NHS "Making Data Count", or Western Electric. */
  rules: 'nhs' | 'we';
  /** Freeze the first stage's limits from its first N points (0 = from all of them). */
  baseline: number;
  /**
   * Or freeze them from a span of months `YYYY-MM`, inclusive ('' = none): each stage the span
   * overlaps takes its limits from its points in it. Set, it replaces `baseline`.
   */
  bfrom: string;
  bto: string;
  /** Recalculate the limits from each of these days `YYYY-MM-DD` on. */
  stages: string[];
  notes: PointNote[];
  /** The funnel plot's product ('' = the first) and span of months `YYYY-MM` ('' = open). */
  fproduct: string;
  from: string;
  to: string;
  /** The summary table's sort: a column, and whether descending. */
  sort: 'factory' | 'product' | 'latest' | 'signals';
  desc: boolean;
}

/** What each panel of the Control page is given: the view's state, and a way to change it. */
export interface ControlPanelProps {
  view: ControlState;
  update: (patch: Partial<ControlState>) => void;
}

export const DEFAULT_CONTROL: ControlState = {
  factory: '',
  product: '',
  defect: '',
  interval: 'month',
  kind: 'auto',
  rules: 'nhs',
  baseline: 0,
  bfrom: '',
  bto: '',
  stages: [],
  notes: [],
  fproduct: '',
  from: '',
  to: '',
  sort: 'signals',
  desc: true,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Notes are short: longer text is cut, and at most this many notes are kept. */
export const NOTE_MAX = 200;
export const NOTES_MAX = 50;

/** Reads the Control state from a query string; malformed values fall back to the defaults. */
export function parseControlQuery(query: string | undefined): ControlState {
  const p = new URLSearchParams(query ?? '');
  const baseline = Number(p.get('baseline'));
  const bfrom = p.get('bfrom') ?? '';
  const bto = p.get('bto') ?? '';
  const span = MONTH.test(bfrom) && MONTH.test(bto) && bfrom <= bto;
  const notes: PointNote[] = [];
  for (const n of p.getAll('note')) {
    const at = n.indexOf(':');
    const period = n.slice(0, at).trim();
    const text = n
      .slice(at + 1)
      .trim()
      .slice(0, NOTE_MAX);
    if (at > 0 && text && notes.length < NOTES_MAX) notes.push({ period, text });
  }
  return {
    factory: p.get('factory')?.trim() ?? '',
    product: p.get('product')?.trim() ?? '',
    defect: p.get('defect')?.trim() ?? '',
    interval: oneOf(p.get('interval'), INTERVALS, 'month'),
    kind: oneOf(p.get('kind'), ['auto', 'p', 'pprime'], 'auto'),
    rules: oneOf(p.get('rules'), ['nhs', 'we'], 'nhs'),
    baseline:
      !span && Number.isInteger(baseline) && baseline >= 2 && baseline <= 999 ? baseline : 0,
    bfrom: span ? bfrom : '',
    bto: span ? bto : '',
    stages: [...new Set(p.getAll('stage').filter((d) => DAY.test(d)))].sort(),
    notes,
    fproduct: p.get('fproduct')?.trim() ?? '',
    from: MONTH.test(p.get('from') ?? '') ? p.get('from')! : '',
    to: MONTH.test(p.get('to') ?? '') ? p.get('to')! : '',
    sort: oneOf(p.get('sort'), ['factory', 'product', 'latest', 'signals'], 'signals'),
    desc: p.has('sort') ? p.get('desc') === '1' : true,
  };
}

/** The query string for a Control state, defaults left out. */
export function controlQueryString(s: ControlState): string {
  const p = new URLSearchParams();
  if (s.factory) p.set('factory', s.factory);
  if (s.product) p.set('product', s.product);
  if (s.defect) p.set('defect', s.defect);
  if (s.interval !== 'month') p.set('interval', s.interval);
  if (s.kind !== 'auto') p.set('kind', s.kind);
  if (s.rules !== 'nhs') p.set('rules', s.rules);
  if (s.bfrom && s.bto) {
    p.set('bfrom', s.bfrom);
    p.set('bto', s.bto);
  } else if (s.baseline) p.set('baseline', String(s.baseline));
  for (const d of s.stages) p.append('stage', d);
  for (const n of s.notes) p.append('note', `${n.period}:${n.text}`);
  if (s.fproduct) p.set('fproduct', s.fproduct);
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.sort !== DEFAULT_CONTROL.sort || s.desc !== DEFAULT_CONTROL.desc) {
    p.set('sort', s.sort);
    if (s.desc) p.set('desc', '1');
  }
  return p.toString();
}

import { DAY_PATTERN as DAY, MONTH_PATTERN as MONTH } from '../calendar';
import { choice, int, month, pair, queryCodec, text } from './queryParams';
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

/** Notes are short: longer text is cut, and at most this many notes are kept. */
export const NOTE_MAX = 200;
export const NOTES_MAX = 50;

/** A baseline span of months replaces a baseline count; a span out of order is none. */
function baselineOf(s: ControlState): ControlState {
  const span = MONTH.test(s.bfrom) && MONTH.test(s.bto) && s.bfrom <= s.bto;
  if (span) return s.baseline ? { ...s, baseline: 0 } : s;
  return s.bfrom || s.bto ? { ...s, bfrom: '', bto: '' } : s;
}

const codec = queryCodec<ControlState>(
  DEFAULT_CONTROL,
  {
    factory: text('factory'),
    product: text('product'),
    defect: text('defect'),
    interval: choice('interval', INTERVALS),
    kind: choice('kind', ['auto', 'p', 'pprime']),
    rules: choice('rules', ['nhs', 'we']),
    bfrom: month('bfrom'),
    bto: month('bto'),
    baseline: int('baseline', 2, 999),
    stages: {
      read: (q) => [...new Set(q.params.getAll('stage').filter((d) => DAY.test(d)))].sort(),
      write: (v) => v.map((d) => pair('stage', d)),
    },
    notes: {
      read: (q) => {
        const notes: PointNote[] = [];
        for (const n of q.params.getAll('note')) {
          const at = n.indexOf(':');
          const period = n.slice(0, at).trim();
          const text = n
            .slice(at + 1)
            .trim()
            .slice(0, NOTE_MAX);
          if (at > 0 && text && notes.length < NOTES_MAX) notes.push({ period, text });
        }
        return notes;
      },
      write: (v) => v.map((n) => pair('note', `${n.period}:${n.text}`)),
    },
    fproduct: text('fproduct'),
    from: month('from'),
    to: month('to'),
    // The sort is written with its direction whenever either differs from the default, and a
    // link with a sort but no `desc` is ascending.
    sort: {
      ...choice('sort', ['factory', 'product', 'latest', 'signals']),
      omit: (v, s) => v === DEFAULT_CONTROL.sort && s.desc === DEFAULT_CONTROL.desc,
    },
    desc: {
      read: (q) => (q.params.has('sort') ? q.params.get('desc') === '1' : undefined),
      write: () => ['desc=1'],
      omit: (v, s) => !v || (s.sort === DEFAULT_CONTROL.sort && s.desc === DEFAULT_CONTROL.desc),
    },
  },
  baselineOf,
);

/** Reads the Control state from a query string; malformed values fall back to the defaults. */
export const parseControlQuery = (query: string | undefined): ControlState => codec.parse(query);

/** The query string for a Control state, defaults left out. */
export const controlQueryString = (s: ControlState): string => codec.write(s);

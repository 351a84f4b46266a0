/**
 * The measure table, in the spirit of trec_eval's: every metric and setting named, labelled and
 * formatted once. Tables, charts, exports, the CLI summary and the experiment files read it; a
 * new metric is one entry here plus its computation in query-metrics.ts.
 */
import type { MetricName, SettingName } from './types';

export interface MetricSpec {
  name: MetricName;
  /** In words, for captions and explanations: "Mean average precision". */
  label: string;
  /** As the paper and the IR field write it, for column heads and legends: "mAP". */
  shortLabel: string;
  /** The column name in CSV exports (snake_case, as spreadsheet users and pandas expect). */
  column: string;
  /** Decimals on screen and in results tables. */
  digits: number;
  /** Decimals in the CLI's summary lines: trec_eval's (%.4f for ratios), so the two compare by eye. */
  trecDigits: number;
  lowerIsBetter: boolean;
  /** The settings where the figure means something (a single-language pool has no rank distance). */
  settings: readonly SettingName[];
  /** A macro value as the paper prints it (".792"; rank distances with one decimal); "–" when missing. */
  format(value: number | null | undefined): string;
  /** A signed difference with a real minus sign ("−0.012", "±0.000"); "–" when missing. */
  formatDelta(delta: number | null | undefined): string;
}

export interface SettingSpec {
  name: SettingName;
  /** "Monolingual". */
  label: string;
  /** Question language to passage languages: "X → X", "X → Y", "X → all". */
  direction: string;
  /** What the setting asks, in words a student follows. */
  explanation: string;
}

const MISSING = '–';
const ALL_SETTINGS: readonly SettingName[] = ['mono', 'cross', 'multi'];

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/** Ratios in [0, 1] print without the leading zero, as the paper's tables do. */
function formatRatio(value: number | null | undefined): string {
  if (isMissing(value)) return MISSING;
  return value.toFixed(3).replace(/^0\./, '.').replace(/^-0\./, '−.');
}

function signed(digits: number): (delta: number | null | undefined) => string {
  return (delta) => {
    if (isMissing(delta)) return MISSING;
    const abs = Math.abs(delta).toFixed(digits);
    if (Number(abs) === 0) return `±${abs}`;
    return `${delta > 0 ? '+' : '−'}${abs}`;
  };
}

type Entry = Pick<MetricSpec, 'label' | 'shortLabel' | 'column'>;

function ratio(entry: Entry): Omit<MetricSpec, 'name'> {
  return { ...entry, digits: 3, trecDigits: 4, lowerIsBetter: false, settings: ALL_SETTINGS, format: formatRatio, formatDelta: signed(3) };
}

const ENTRIES: Record<MetricName, Omit<MetricSpec, 'name'>> = {
  ap: ratio({ label: 'Mean average precision', shortLabel: 'mAP', column: 'map' }),
  recallAt1: ratio({ label: 'Recall at 1', shortLabel: 'R@1', column: 'recall_at_1' }),
  recallAt10: ratio({ label: 'Recall at 10', shortLabel: 'R@10', column: 'recall_at_10' }),
  rr: ratio({ label: 'Mean reciprocal rank', shortLabel: 'MRR', column: 'mrr' }),
  ndcgAt10: ratio({ label: 'Normalised discounted cumulative gain at 10', shortLabel: 'nDCG@10', column: 'ndcg_at_10' }),
  maxRankDistance: {
    label: 'Mean maximum rank distance',
    shortLabel: 'mean max rank distance',
    column: 'max_rank_distance',
    digits: 1,
    trecDigits: 1,
    lowerIsBetter: true,
    settings: ['multi'],
    format: (value) => (isMissing(value) ? MISSING : value.toFixed(1)),
    formatDelta: signed(1),
  },
};

/** Every metric by name; the Record makes the compiler check each MetricName has an entry. */
export const METRICS: Readonly<Record<MetricName, MetricSpec>> = Object.fromEntries(
  Object.entries(ENTRIES).map(([name, spec]) => [name, { name, ...spec }]),
) as Record<MetricName, MetricSpec>;

/** Every per-query metric, in display order (also the key order of every metrics record and file). */
export const METRIC_NAMES = Object.keys(ENTRIES) as MetricName[];

export const SETTINGS: Readonly<Record<SettingName, SettingSpec>> = {
  mono: { name: 'mono', label: 'Monolingual', direction: 'X → X', explanation: 'Question and passages in the same language (X→X).' },
  cross: { name: 'cross', label: 'Cross-lingual', direction: 'X → Y', explanation: 'Question in one language, passages in another (X→Y).' },
  multi: { name: 'multi', label: 'Multilingual', direction: 'X → all', explanation: 'Question against the passages of every language at once.' },
};

/** The settings in display order. */
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** The metrics that mean something in `setting`, in display order. */
export function metricsFor(setting: SettingName): MetricSpec[] {
  return METRIC_NAMES.map((m) => METRICS[m]).filter((spec) => spec.settings.includes(setting));
}

/** Whether a change of `delta` is an improvement; null when there is no change or no value. */
export function isImprovement(metric: MetricName, delta: number | null): boolean | null {
  if (delta === null || Math.abs(delta) < 1e-12) return null;
  return METRICS[metric].lowerIsBetter ? delta < 0 : delta > 0;
}

import type { LangCode } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';
import { buildHeatmap, type HeatmapData } from '../analysis/heatmap-data';
import { buildLanguageMix, type LanguageMixData } from '../analysis/language-mix-data';
import { PAPER_MAP, PAPER_MAX_RANK_DISTANCE, paperSourceLabel, type PaperModel, type PaperStrategy } from '../analysis/paper-reference';
import type { SettingName } from '../metrics/types';
import type { ExperimentResult } from '../training/run-experiment';
import type { BatchStrategy } from '../training/strategy-names';

/** The untrained encoder, or one strategy's adapter over it. */
export type SeriesKey = 'baseline' | BatchStrategy;

export interface ComparisonSeries {
  key: SeriesKey;
  label: string;
  /** For ticks and legends: "untrained", "monolingual", ... */
  shortLabel: string;
  report: EvalReport;
}

export interface RankDistanceByLanguage {
  /** Query languages, in the corpus order. */
  langs: LangCode[];
  /** values[series][lang]: mean maximum rank distance of that language's questions (null if not evaluated). */
  values: (number | null)[][];
  /** Per series: the macro average over query languages (the paper's figure). */
  macro: (number | null)[];
  /**
   * The smallest distance possible: with one answer per language the answers take distinct ranks,
   * so a perfect ranking still has (answers - 1) between first and last, never 0.
   */
  floor: number;
}

export interface SettingsMap {
  settings: SettingName[];
  /** values[series][setting]: macro mAP. */
  values: (number | null)[][];
}

export interface PaperFigures {
  /** "Paper (XLM-R, full fine-tuning), arXiv ... Table 1": printed beside the paper's bars. */
  attribution: string;
  dataset: 'XQuAD-R';
  model: PaperModel;
  strategies: { key: BatchStrategy; paperLabel: PaperStrategy; mono: number; cross: number; multi: number; maxRankDistance: number }[];
}

export interface StrategyComparison {
  series: ComparisonSeries[];
  rankDistance: RankDistanceByLanguage;
  /** Per series, the multilingual top-k language mix (null without a multilingual setting). */
  languageMix: (LanguageMixData | null)[];
  /** Per series, the X->Y mAP grid; all share `heatmapDomain`, so one colour means one value in every grid. */
  heatmaps: HeatmapData[];
  heatmapDomain: [number, number];
  map: SettingsMap;
  paper: PaperFigures;
  /** Test split size, for the reader (and the warnings). */
  testQids: number;
}

export const SERIES_SHORT_LABELS: Record<SeriesKey, string> = {
  baseline: 'untrained',
  monolingual: 'monolingual',
  'cross-lingual': 'cross-lingual',
  hybrid: 'hybrid',
};

const PAPER_LABELS: Record<BatchStrategy, PaperStrategy> = { monolingual: 'X-X-mono', 'cross-lingual': 'X-Y', hybrid: 'Hybrid' };
const SETTINGS: SettingName[] = ['mono', 'cross', 'multi'];

/** Every strategy and the untrained encoder of one experiment, as the data of the strategy view. */
export function buildStrategyComparison(result: ExperimentResult, paperModel: PaperModel = 'XLM-R'): StrategyComparison {
  const series: ComparisonSeries[] = [
    { key: 'baseline', label: result.baseline.label, shortLabel: SERIES_SHORT_LABELS.baseline, report: result.baseline.report },
    ...result.strategies.map((s) => ({ key: s.name, label: s.label, shortLabel: SERIES_SHORT_LABELS[s.name], report: s.report })),
  ];
  const heatmaps = series.map((s) => buildHeatmap(s.report, 'ap'));
  return {
    series,
    rankDistance: rankDistanceByLanguage(series.map((s) => s.report)),
    languageMix: series.map((s) => buildLanguageMix(s.report)),
    heatmaps: heatmaps.map((h) => ({ ...h, domain: sharedDomain(heatmaps) })),
    heatmapDomain: sharedDomain(heatmaps),
    map: { settings: SETTINGS, values: series.map((s) => SETTINGS.map((name) => s.report.settings[name]?.macro.ap ?? null)) },
    paper: paperFigures(
      paperModel,
      result.strategies.map((s) => s.name),
    ),
    testQids: result.split.testQids.length,
  };
}

function rankDistanceByLanguage(reports: readonly EvalReport[]): RankDistanceByLanguage {
  const langs: LangCode[] = [];
  for (const r of reports) for (const c of r.settings.multi?.cells ?? []) if (!langs.includes(c.queryLang)) langs.push(c.queryLang);
  const values = reports.map((r) => langs.map((lang) => r.settings.multi?.cells.find((c) => c.queryLang === lang)?.metrics.maxRankDistance ?? null));
  return {
    langs,
    values,
    macro: reports.map((r) => r.settings.multi?.macro.maxRankDistance ?? null),
    floor: Math.max(0, answersPerQuestion(reports[0]) - 1),
  };
}

/** The most answers a question has in the multilingual pool (its languages, with one answer each). */
function answersPerQuestion(report: EvalReport | undefined): number {
  let most = 0;
  for (const c of report?.settings.multi?.cells ?? []) for (const q of c.queries ?? []) most = Math.max(most, q.relevantRanks.length);
  return most > 0 ? most : (report?.settings.multi?.cells.length ?? 0);
}

/**
 * One colour scale for every grid: from the lowest value shown (rounded down to a tenth) to 1,
 * so the differences between strategies use the whole scale instead of its top tenth.
 */
function sharedDomain(heatmaps: readonly HeatmapData[]): [number, number] {
  let low = 1;
  for (const h of heatmaps) for (const c of h.cells) if (c.value !== null) low = Math.min(low, c.value);
  const floor = Math.floor(low * 10) / 10;
  return [Math.min(floor, 0.9), 1];
}

function paperFigures(model: PaperModel, strategies: readonly BatchStrategy[]): PaperFigures {
  return {
    attribution: paperSourceLabel(model),
    dataset: 'XQuAD-R',
    model,
    strategies: strategies.map((key) => {
      const paperLabel = PAPER_LABELS[key];
      const map = PAPER_MAP.find((r) => r.model === model && r.dataset === 'XQuAD-R' && r.strategy === paperLabel)!;
      const bias = PAPER_MAX_RANK_DISTANCE.find((r) => r.model === model && r.dataset === 'XQuAD-R' && r.strategy === paperLabel)!;
      return { key, paperLabel, mono: map.mono, cross: map.cross, multi: map.multi, maxRankDistance: bias.value };
    }),
  };
}

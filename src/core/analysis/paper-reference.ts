import type { Corpus } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';
import type { SettingName } from '../metrics/types';

/**
 * The figures reported by Elmahdy, Lin, Ahmad, "Synergistic Approach for Simultaneous
 * Optimization of Monolingual, Cross-lingual, and Multilingual Information Retrieval",
 * arXiv 2408.10536 (2024), as summarised in shared/reference/paper-notes.md. Models were fully
 * fine-tuned there; this lab trains adapters over a frozen encoder, so the numbers are a
 * reference for scale and direction, not a target to equal.
 */
export const PAPER_CITATION = {
  authors: 'Elmahdy, Lin, Ahmad',
  title: 'Synergistic Approach for Simultaneous Optimization of Monolingual, Cross-lingual, and Multilingual Information Retrieval',
  arxiv: '2408.10536',
  url: 'https://arxiv.org/abs/2408.10536',
} as const;

export type PaperModel = 'XLM-R' | 'LaBSE';
export type PaperDataset = 'XQuAD-R' | 'MLQA-R';
/** The paper's labels for the three batch strategies (monolingual, cross-lingual, hybrid). */
export type PaperStrategy = 'X-X-mono' | 'X-Y' | 'Hybrid';

export const PAPER_MODELS: readonly PaperModel[] = ['XLM-R', 'LaBSE'];
export const PAPER_DATASETS: readonly PaperDataset[] = ['XQuAD-R', 'MLQA-R'];
export const PAPER_STRATEGIES: readonly PaperStrategy[] = ['X-X-mono', 'X-Y', 'Hybrid'];

/** What each strategy's batches hold, for a legend. */
export const STRATEGY_DESCRIPTIONS: Record<PaperStrategy, string> = {
  'X-X-mono': 'monolingual batches',
  'X-Y': 'cross-lingual batches',
  Hybrid: 'hybrid batches (alpha = 0.5)',
};

export interface PaperMapRow {
  model: PaperModel;
  strategy: PaperStrategy;
  dataset: PaperDataset;
  mono: number;
  cross: number;
  multi: number;
}

/** Table 1: mAP, macro-averaged over the settings of each kind. */
export const PAPER_MAP: readonly PaperMapRow[] = [
  { model: 'XLM-R', strategy: 'X-X-mono', dataset: 'XQuAD-R', mono: 0.792, cross: 0.674, multi: 0.547 },
  { model: 'XLM-R', strategy: 'X-Y', dataset: 'XQuAD-R', mono: 0.755, cross: 0.7, multi: 0.593 },
  { model: 'XLM-R', strategy: 'Hybrid', dataset: 'XQuAD-R', mono: 0.798, cross: 0.705, multi: 0.593 },
  { model: 'LaBSE', strategy: 'X-X-mono', dataset: 'XQuAD-R', mono: 0.808, cross: 0.752, multi: 0.652 },
  { model: 'LaBSE', strategy: 'X-Y', dataset: 'XQuAD-R', mono: 0.801, cross: 0.762, multi: 0.679 },
  { model: 'LaBSE', strategy: 'Hybrid', dataset: 'XQuAD-R', mono: 0.817, cross: 0.767, multi: 0.682 },
  { model: 'XLM-R', strategy: 'X-X-mono', dataset: 'MLQA-R', mono: 0.648, cross: 0.584, multi: 0.473 },
  { model: 'XLM-R', strategy: 'X-Y', dataset: 'MLQA-R', mono: 0.626, cross: 0.62, multi: 0.508 },
  { model: 'XLM-R', strategy: 'Hybrid', dataset: 'MLQA-R', mono: 0.648, cross: 0.623, multi: 0.512 },
  { model: 'LaBSE', strategy: 'X-X-mono', dataset: 'MLQA-R', mono: 0.681, cross: 0.656, multi: 0.55 },
  { model: 'LaBSE', strategy: 'X-Y', dataset: 'MLQA-R', mono: 0.671, cross: 0.677, multi: 0.576 },
  { model: 'LaBSE', strategy: 'Hybrid', dataset: 'MLQA-R', mono: 0.686, cross: 0.681, multi: 0.579 },
];

export interface PaperRankDistanceRow {
  model: PaperModel;
  strategy: PaperStrategy;
  dataset: PaperDataset;
  /** Mean maximum rank distance in the multilingual setting; lower is less language-biased. */
  value: number;
}

/** The paper's language-bias table: mean maximum rank distance (Huang et al. 2023). */
export const PAPER_MAX_RANK_DISTANCE: readonly PaperRankDistanceRow[] = [
  { model: 'XLM-R', strategy: 'X-X-mono', dataset: 'XQuAD-R', value: 410.2 },
  { model: 'XLM-R', strategy: 'X-Y', dataset: 'XQuAD-R', value: 295.4 },
  { model: 'XLM-R', strategy: 'Hybrid', dataset: 'XQuAD-R', value: 286.6 },
  { model: 'LaBSE', strategy: 'X-X-mono', dataset: 'XQuAD-R', value: 261.5 },
  { model: 'LaBSE', strategy: 'X-Y', dataset: 'XQuAD-R', value: 225.2 },
  { model: 'LaBSE', strategy: 'Hybrid', dataset: 'XQuAD-R', value: 221.1 },
  { model: 'XLM-R', strategy: 'X-X-mono', dataset: 'MLQA-R', value: 287.5 },
  { model: 'XLM-R', strategy: 'X-Y', dataset: 'MLQA-R', value: 226.7 },
  { model: 'XLM-R', strategy: 'Hybrid', dataset: 'MLQA-R', value: 227.1 },
  { model: 'LaBSE', strategy: 'X-X-mono', dataset: 'MLQA-R', value: 225.3 },
  { model: 'LaBSE', strategy: 'X-Y', dataset: 'MLQA-R', value: 198.3 },
  { model: 'LaBSE', strategy: 'Hybrid', dataset: 'MLQA-R', value: 195.0 },
];

/**
 * Candidates in the multilingual pool the paper ranked against: XQuAD-R's 13,014 sentences in 11
 * languages (counted from the XQuAD-R files). MLQA-R's is not recorded here.
 */
export const PAPER_POOL_SIZE: Record<PaperDataset, number | null> = { 'XQuAD-R': 13014, 'MLQA-R': null };

/** Where a paper figure comes from, as printed beside it. */
export function paperSourceLabel(model: PaperModel, table: 'map' | 'rank-distance' = 'map'): string {
  const where = table === 'map' ? 'Table 1' : 'language-bias table';
  return `Paper (${model}, full fine-tuning), arXiv ${PAPER_CITATION.arxiv} ${where}`;
}

/** Where a measured figure comes from, as printed beside it. */
export function measuredLabel(report: Pick<EvalReport, 'retriever' | 'corpus'>): string {
  return `Measured here: ${report.retriever} on ${report.corpus}`;
}

/** The paper dataset a corpus is (by name), or null for any other corpus. */
export function matchPaperDataset(corpusName: string): PaperDataset | null {
  const n = corpusName.toLowerCase().replace(/[^a-z]/g, '');
  if (n.includes('xquadr')) return 'XQuAD-R';
  if (n.includes('mlqar')) return 'MLQA-R';
  return null;
}

export interface ReferenceSeries {
  key: string;
  /** Short, for bars and ticks: "Paper XLM-R Hybrid", "Measured: bm25". */
  label: string;
  source: 'paper' | 'measured';
  /** Where the number comes from, in full (paperSourceLabel or measuredLabel). */
  attribution: string;
}

export interface MapReferenceData {
  series: ReferenceSeries[];
  /** One row per setting; row[series.key] is that series' mAP (null when a report lacks the setting). */
  rows: ({ setting: SettingName } & Record<string, number | null | SettingName>)[];
}

/** mAP per setting: the paper's three strategies for one model and dataset, then each measured report. */
export function buildMapReference(model: PaperModel, dataset: PaperDataset, reports: readonly EvalReport[]): MapReferenceData {
  const paper = PAPER_MAP.filter((r) => r.model === model && r.dataset === dataset);
  const series: ReferenceSeries[] = [
    ...paper.map((r) => ({
      key: `paper:${r.strategy}`,
      label: `Paper ${model} ${r.strategy}`,
      source: 'paper' as const,
      attribution: paperSourceLabel(model),
    })),
    ...reports.map((r, i) => ({ key: `measured:${i}`, label: `Measured: ${r.retriever}`, source: 'measured' as const, attribution: measuredLabel(r) })),
  ];
  const settings: SettingName[] = ['mono', 'cross', 'multi'];
  const rows = settings.map((setting) => {
    const row: { setting: SettingName } & Record<string, number | null | SettingName> = { setting };
    for (const r of paper) row[`paper:${r.strategy}`] = r[setting];
    reports.forEach((rep, i) => (row[`measured:${i}`] = rep.settings[setting]?.macro.ap ?? null));
    return row;
  });
  return { series, rows };
}

export interface RankDistanceReferenceRow extends ReferenceSeries {
  value: number | null;
  /** Candidates in the multilingual pool (null when not known). */
  poolSize: number | null;
  /** value / poolSize as a percentage: comparable across pools of different sizes. */
  percentOfPool: number | null;
}

/**
 * Mean maximum rank distance, paper versus measured. Distances grow with the pool (13,014
 * candidates in XQuAD-R; a few hundred in the demo), so each row also carries its share of the
 * pool, the figure that can be compared across corpora.
 */
export function buildRankDistanceReference(
  model: PaperModel,
  dataset: PaperDataset,
  measured: readonly { report: EvalReport; corpus?: Corpus }[],
): RankDistanceReferenceRow[] {
  const paperPool = PAPER_POOL_SIZE[dataset];
  const rows: RankDistanceReferenceRow[] = PAPER_MAX_RANK_DISTANCE.filter((r) => r.model === model && r.dataset === dataset).map((r) => ({
    key: `paper:${r.strategy}`,
    label: `Paper ${model} ${r.strategy}`,
    source: 'paper',
    attribution: paperSourceLabel(model, 'rank-distance'),
    value: r.value,
    poolSize: paperPool,
    percentOfPool: paperPool ? (100 * r.value) / paperPool : null,
  }));
  measured.forEach(({ report, corpus }, i) => {
    const value = report.settings.multi?.macro.maxRankDistance ?? null;
    const poolSize = corpus ? multilingualPoolSize(report, corpus) : null;
    rows.push({
      key: `measured:${i}`,
      label: `Measured: ${report.retriever}`,
      source: 'measured',
      attribution: measuredLabel(report),
      value,
      poolSize,
      percentOfPool: value !== null && poolSize ? (100 * value) / poolSize : null,
    });
  });
  return rows;
}

/** Passages in the report's languages: the multilingual pool it ranked against. */
export function multilingualPoolSize(report: Pick<EvalReport, 'languages'>, corpus: Corpus): number {
  const langs = new Set(report.languages);
  let n = 0;
  for (const p of corpus.passages) if (langs.has(p.lang)) n++;
  return n;
}

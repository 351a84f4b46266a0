import type { CellReport, EvalReport } from '../evaluation/eval-report';
import { macroAverage } from '../metrics/aggregate';
import { METRICS, metricsFor, SETTING_NAMES, SETTINGS } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';
import { testSetting, type SettingTest, type SignificanceOptions } from './significance';

/** Why a comparison needs care, said once in every view that shows it. */
export interface Caveat {
  kind: 'corpus' | 'languages' | 'questions' | 'pools';
  message: string;
}

export interface ComparedFigure {
  metric: MetricName;
  label: string;
  /** Macro averages over the common cells only. */
  a: number | null;
  b: number | null;
  /** Always B minus A. */
  delta: number | null;
  /** "up"/"down" is the sign of delta; the arrow shows it, never better or worse. */
  direction: 'up' | 'down' | 'same';
  arrow: '▲' | '▼' | '=';
  /** Better or worse for B, from the metric's lower-is-better: the colour and the words. */
  verdict: 'better' | 'worse' | 'same';
}

export interface SettingComparison {
  setting: SettingName;
  title: string;
  /** Cells both runs hold (the figures average over these only). */
  common: string[];
  onlyA: string[];
  onlyB: string[];
  /** Set when the setting cannot be compared at all (no common cell, or different pools). */
  notCompared: string | null;
  figures: ComparedFigure[];
  /** Significance of the headline metrics (when both reports carry per-question records). */
  tests: SettingTest[];
}

export interface Comparison {
  a: string;
  b: string;
  /** The one heading every view uses: A first, then B, as the columns are. */
  heading: string;
  columns: [string, string];
  direction: string;
  caveats: Caveat[];
  settings: SettingComparison[];
}

function sameSet(x: readonly string[], y: readonly string[]): boolean {
  const ys = new Set(y);
  return x.length === y.length && x.every((v) => ys.has(v));
}

/** The verdict for B from a difference B - A. */
export function verdictOf(metric: MetricName, delta: number | null): ComparedFigure['verdict'] {
  if (delta === null || Math.abs(delta) < 1e-12) return 'same';
  return METRICS[metric].lowerIsBetter === delta < 0 ? 'better' : 'worse';
}

function figure(metric: MetricName, a: number | null, b: number | null): ComparedFigure {
  const delta = a === null || b === null ? null : b - a;
  const direction = delta === null || Math.abs(delta) < 1e-12 ? 'same' : delta > 0 ? 'up' : 'down';
  return {
    metric,
    label: METRICS[metric].shortLabel,
    a,
    b,
    delta,
    direction,
    arrow: direction === 'up' ? '▲' : direction === 'down' ? '▼' : '=',
    verdict: verdictOf(metric, delta),
  };
}

/**
 * The one comparison of run B against run A that every view shows: B minus A everywhere, arrows
 * from the sign and colours from the metric registry's lowerIsBetter, the macro figures recomputed over the cells
 * both runs hold, and a caveat whenever corpora, languages, questions or pools differ.
 */
export function compareReports(
  aLabel: string,
  a: EvalReport,
  bLabel: string,
  b: EvalReport,
  opts: SignificanceOptions & { testMetrics?: Partial<Record<SettingName, MetricName[]>> } = {},
): Comparison {
  const caveats: Caveat[] = [];
  if (a.corpus !== b.corpus) caveats.push({ kind: 'corpus', message: `The runs are on different corpora (${aLabel}: ${a.corpus}; ${bLabel}: ${b.corpus}).` });
  const langsA = a.languages;
  const langsB = b.languages;
  const samePool = sameSet(langsA, langsB);
  if (!samePool) {
    const common = langsA.filter((l) => langsB.includes(l));
    caveats.push({
      kind: 'languages',
      message: `The runs cover different languages (${aLabel}: ${langsA.length}, ${bLabel}: ${langsB.length}); figures are compared over the ${common.length} languages both hold (${common.join(', ') || 'none'}) and their cells only.`,
    });
  }
  const questionCells: string[] = [];
  const settings: SettingComparison[] = [];
  for (const setting of SETTING_NAMES) {
    const sa = a.settings[setting];
    const sb = b.settings[setting];
    if (!sa && !sb) continue;
    const cellsA = new Map((sa?.cells ?? []).map((c) => [c.key, c]));
    const cellsB = new Map((sb?.cells ?? []).map((c) => [c.key, c]));
    const common = [...cellsA.keys()].filter((k) => cellsB.has(k));
    const onlyA = [...cellsA.keys()].filter((k) => !cellsB.has(k));
    const onlyB = [...cellsB.keys()].filter((k) => !cellsA.has(k));
    let notCompared: string | null = null;
    if (!sa || !sb) notCompared = `only ${sa ? aLabel : bLabel} has this setting`;
    else if (common.length === 0) notCompared = 'no cell in common';
    else if (setting === 'multi' && !samePool) {
      notCompared = `the multilingual pools differ (${aLabel}: ${langsA.length} languages, ${bLabel}: ${langsB.length}), so ranks in them are not comparable`;
      caveats.push({ kind: 'pools', message: `Multilingual figures are not compared: ${notCompared}.` });
    }
    const pairs = notCompared ? [] : common.map((k) => ({ a: cellsA.get(k)!, b: cellsB.get(k)! }));
    for (const { a: ca, b: cb } of pairs) if (!sameQuestions(ca, cb)) questionCells.push(ca.key);
    const macroA = pairs.length ? macroAverage(pairs.map((p) => p.a.metrics)) : null;
    const macroB = pairs.length ? macroAverage(pairs.map((p) => p.b.metrics)) : null;
    const metrics = metricsFor(setting).map((spec) => spec.name);
    const testMetrics: MetricName[] = opts.testMetrics?.[setting] ?? (setting === 'multi' ? ['ap', 'maxRankDistance'] : ['ap']);
    settings.push({
      setting,
      title: SETTINGS[setting].label,
      common: notCompared ? [] : common,
      onlyA,
      onlyB,
      notCompared,
      figures: metrics.map((m) => figure(m, macroA?.[m] ?? null, macroB?.[m] ?? null)),
      tests: pairs.length ? testMetrics.map((m) => testSetting(pairs, m, opts)).filter((t): t is SettingTest => t !== null) : [],
    });
    if (!notCompared && (onlyA.length || onlyB.length) && samePool) {
      caveats.push({
        kind: 'languages',
        message: `${SETTINGS[setting].label}: compared over the ${common.length} cells both runs hold; ${onlyA.length + onlyB.length} cells are in one run only.`,
      });
    }
  }
  if (questionCells.length) {
    caveats.push({
      kind: 'questions',
      message: `The questions differ in ${questionCells.length} cell${questionCells.length === 1 ? '' : 's'} (e.g. ${questionCells.slice(0, 3).join(', ')}); significance tests pair the questions both runs scored.`,
    });
  }
  return {
    a: aLabel,
    b: bLabel,
    heading: `${aLabel} → ${bLabel}`,
    columns: [aLabel, bLabel],
    direction: `change = ${bLabel} minus ${aLabel}`,
    caveats,
    settings,
  };
}

/** Same questions: the same ids when both carry records, else the same count. */
function sameQuestions(a: CellReport, b: CellReport): boolean {
  if (a.queries && b.queries)
    return sameSet(
      a.queries.map((q) => q.queryId),
      b.queries.map((q) => q.queryId),
    );
  return a.metrics.queries === b.metrics.queries;
}

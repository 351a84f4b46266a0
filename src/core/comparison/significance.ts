import type { CellReport } from '../evaluation/eval-report';
import type { MetricName } from '../metrics/types';
import { holmAdjust, stratifiedTTest, pairedTTest } from '../stats/paired-tests';
import { randomizationTest } from '../stats/randomization-test';

export interface TestFigures {
  /** Pairs tested: questions present in both runs. */
  n: number;
  /** Mean difference, B minus A (for a setting: the macro difference over the common cells). */
  effect: number;
  /** Paired randomization test, two-sided. */
  p: number;
  /** Paired t-test, two-sided. */
  tP: number;
  t: number;
  df: number;
  permutations: number;
  exact: boolean;
}

export interface CellTest extends TestFigures {
  key: string;
  /** Holm-Bonferroni adjusted randomization p across this setting's cells. */
  holmP: number;
  /** The difference holds after the correction (holmP < alpha). */
  holds: boolean;
}

export interface SettingTest {
  metric: MetricName;
  alpha: number;
  overall: TestFigures;
  cells: CellTest[];
  /** Questions scored in only one of the two runs, left out of the pairs. */
  unpaired: number;
}

export interface SignificanceOptions {
  permutations?: number;
  seed?: number;
  alpha?: number;
}

/** Per-question differences B - A of one metric in one cell, paired by query id. */
function pairUp(a: CellReport, b: CellReport, metric: MetricName): { diffs: number[]; unpaired: number } {
  const byId = new Map((a.queries ?? []).map((q) => [q.queryId, q.metrics[metric]]));
  const diffs: number[] = [];
  let unpaired = 0;
  const seen = new Set<string>();
  for (const q of b.queries ?? []) {
    const va = byId.get(q.queryId);
    if (va === undefined) unpaired++;
    else {
      diffs.push(q.metrics[metric] - va);
      seen.add(q.queryId);
    }
  }
  unpaired += byId.size - seen.size;
  return { diffs, unpaired };
}

/**
 * Significance of B - A over the common cells of one setting, from per-question records: per cell
 * (randomization and t-test, Holm-Bonferroni across the cells), and for the setting's macro
 * average (randomization over the same pairs weighted 1 / (cells x questions in the cell), so its
 * statistic is the macro difference; stratified t-test). Null when the reports carry no records.
 */
export function testSetting(pairs: readonly { a: CellReport; b: CellReport }[], metric: MetricName, opts: SignificanceOptions = {}): SettingTest | null {
  if (pairs.length === 0 || pairs.some(({ a, b }) => !a.queries || !b.queries)) return null;
  const alpha = opts.alpha ?? 0.05;
  const test = { permutations: opts.permutations ?? 10_000, seed: opts.seed ?? 1 };
  let unpaired = 0;
  const perCell = pairs.map(({ a, b }) => {
    const { diffs, unpaired: u } = pairUp(a, b, metric);
    unpaired += u;
    return { key: a.key, diffs };
  });
  const used = perCell.filter((c) => c.diffs.length > 0);
  const figures = (diffs: number[], weights?: number[], cells?: number[][]): TestFigures => {
    const r = randomizationTest(diffs, { ...test, weights });
    const t = cells ? stratifiedTTest(cells) : pairedTTest(diffs);
    return { n: diffs.length, effect: t.meanDiff, p: r.p, tP: t.p, t: t.t, df: t.df, permutations: r.permutations, exact: r.exact };
  };
  const cellFigures = used.map((c) => ({ key: c.key, ...figures(c.diffs) }));
  const holm = holmAdjust(cellFigures.map((c) => c.p));
  const all = used.flatMap((c) => c.diffs);
  const weights = used.flatMap((c) => c.diffs.map(() => 1 / (used.length * c.diffs.length)));
  return {
    metric,
    alpha,
    overall: figures(
      all,
      weights,
      used.map((c) => c.diffs),
    ),
    cells: cellFigures.map((c, i) => ({ ...c, holmP: holm[i], holds: holm[i] < alpha })),
    unpaired,
  };
}

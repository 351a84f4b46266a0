/**
 * What the app's comparison views show, read off one Comparison (compareReports): the rows of the
 * figures table with their significance, the per-cell tests, and what to say when a setting has no
 * per-question records. The views only lay these out, so every view reads the same numbers.
 */
import type { EvalReport } from '../evaluation/eval-report';
import { METRICS, SETTING_NAMES } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';
import { compareReports, type ComparedFigure, type Comparison, type SettingComparison } from './compare-reports';
import type { CellTest, SettingTest } from './significance';

/** Every setting tested on nothing: the figures and caveats of compareReports at no cost (the tests run in a worker). */
export const NO_TESTS: Record<SettingName, MetricName[]> = { mono: [], cross: [], multi: [] };

/** compareReports without the significance tests: cheap enough for the page itself. */
export function compareFigures(aLabel: string, a: EvalReport, bLabel: string, b: EvalReport): Comparison {
  return compareReports(aLabel, a, bLabel, b, { testMetrics: NO_TESTS });
}

/** "p < 0.001", "p = 0.042"; "–" when there is no p (fewer than two pairs). */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The mark beside a setting's figure: its randomization p below 0.01 (**) or 0.05 (*). */
export function significanceMark(p: number): '' | '*' | '**' {
  return Number.isNaN(p) ? '' : p < 0.01 ? '**' : p < 0.05 ? '*' : '';
}

export interface FigureRow extends ComparedFigure {
  setting: SettingName;
  settingTitle: string;
  aText: string;
  bText: string;
  /** "+0.016": B minus A, in the metric's digits. */
  changeText: string;
  /** The metric's test in this setting, when one was run. */
  test: TestRow | null;
}

export interface TestRow {
  setting: SettingName;
  metric: MetricName;
  label: string;
  /** Mean difference B - A over the paired questions (the setting: the macro difference). */
  effect: number;
  effectText: string;
  /** Randomization (10,000 sign flips unless exact) and t-test, two-sided. */
  p: number;
  tP: number;
  pText: string;
  tPText: string;
  mark: '' | '*' | '**';
  n: number;
  permutations: number;
  exact: boolean;
  /** Cells whose difference holds after Holm-Bonferroni, of the cells tested. */
  holding: number;
  cells: number;
  alpha: number;
  unpaired: number;
  perCell: CellRow[];
}

export interface CellRow {
  key: string;
  effectText: string;
  p: number;
  holmP: number;
  tP: number;
  pText: string;
  holmPText: string;
  tPText: string;
  holds: boolean;
  n: number;
}

function cellRow(metric: MetricName, c: CellTest): CellRow {
  return {
    key: c.key,
    effectText: METRICS[metric].formatDelta(c.effect),
    p: c.p,
    holmP: c.holmP,
    tP: c.tP,
    pText: formatP(c.p),
    holmPText: formatP(c.holmP),
    tPText: formatP(c.tP),
    holds: c.holds,
    n: c.n,
  };
}

export function testRow(s: SettingComparison, t: SettingTest): TestRow {
  const label = METRICS[t.metric].shortLabel;
  return {
    setting: s.setting,
    metric: t.metric,
    label,
    effect: t.overall.effect,
    effectText: METRICS[t.metric].formatDelta(t.overall.effect),
    p: t.overall.p,
    tP: t.overall.tP,
    pText: formatP(t.overall.p),
    tPText: formatP(t.overall.tP),
    mark: significanceMark(t.overall.p),
    n: t.overall.n,
    permutations: t.overall.permutations,
    exact: t.overall.exact,
    holding: t.cells.filter((c) => c.holds).length,
    cells: t.cells.length,
    alpha: t.alpha,
    unpaired: t.unpaired,
    perCell: t.cells.map((c) => cellRow(t.metric, c)),
  };
}

/** The figures of every compared setting, A and B as the columns are, each with its test if it has one. */
export function figureRows(c: Comparison): FigureRow[] {
  return c.settings.flatMap((s) =>
    s.figures.map((f) => {
      const test = s.tests.find((t) => t.metric === f.metric);
      return {
        ...f,
        setting: s.setting,
        settingTitle: s.title,
        aText: METRICS[f.metric].format(f.a),
        bText: METRICS[f.metric].format(f.b),
        changeText: METRICS[f.metric].formatDelta(f.delta),
        test: test ? testRow(s, test) : null,
      };
    }),
  );
}

/** Every test of the comparison, setting by setting. */
export function testRows(c: Comparison): TestRow[] {
  return c.settings.flatMap((s) => s.tests.map((t) => testRow(s, t)));
}

/** "over the 4 cells both runs hold (of 4 and 15)", or why the setting is not compared. */
export function describeCells(s: SettingComparison): string {
  if (s.notCompared) return `not compared: ${s.notCompared}`;
  const inA = s.common.length + s.onlyA.length;
  const inB = s.common.length + s.onlyB.length;
  const of = inA === s.common.length && inB === s.common.length ? '' : ` (of ${inA} and ${inB})`;
  return `over the ${s.common.length} cell${s.common.length === 1 ? '' : 's'} both runs hold${of}`;
}

/** Whether every cell of a setting in both reports carries per-question records. */
function recordsIn(report: EvalReport, setting: SettingName): boolean {
  const cells = report.settings[setting]?.cells ?? [];
  return cells.length > 0 && cells.every((c) => c.queries !== undefined);
}

/** Whether significance can be tested between two reports at all (some setting with records in both). */
export function canTest(a: EvalReport, b: EvalReport): boolean {
  return SETTING_NAMES.some((s) => recordsIn(a, s) && recordsIn(b, s));
}

export type SignificanceStatus = 'testing' | 'done' | 'failed';

/**
 * What a compared setting says about its significance when it shows no test: the tests are still
 * running, they failed, or the reports carry no per-question records. Null when there is nothing to
 * say (tested, or not compared at all).
 */
export function significanceNote(s: SettingComparison, a: EvalReport, b: EvalReport, status: SignificanceStatus): string | null {
  if (s.notCompared || s.tests.length > 0) return null;
  if (!recordsIn(a, s.setting) || !recordsIn(b, s.setting)) return 'no per-question records: significance not available';
  if (status === 'testing') return 'testing significance…';
  if (status === 'failed') return 'significance could not be tested';
  return null;
}

/**
 * Every strategy and the untrained encoder from one experiment, as pictures: the spread between
 * languages, the share of the question's own language in the top 10, the X->Y grids on one colour
 * scale, and mAP per setting beside the paper's figures; each with its one-line reading, and SVG
 * and PNG export. Warnings come first when the test split cannot tell the strategies apart.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import { formatDistance, ownLanguageShares, readComparison } from '../../../core/teaching/chart-readings';
import { SERIES_COLOURS, SERIES_MARKERS } from '../../../core/teaching/series-palette';
import { assessSplit } from '../../../core/teaching/split-warnings';
import { significanceMark } from '../../../core/comparison/comparison-view';
import type { ComparisonsState } from '../comparison/use-comparisons';
import { buildStrategyComparison } from '../../../core/teaching/strategy-comparison';
import type { SettingName } from '../../../core/metrics/types';
import { DotChart, MapBars, type ChartSeries } from './strategy-charts';
import { HeatmapMultiples } from './strategy-heatmaps';
import { pngFile, svgFile, type ChartFile } from './svg-export';

export interface StrategyViewProps {
  result: ExperimentResult;
  onExport: (file: ChartFile) => void;
  /** Each strategy against the untrained model (useStrategyComparisons): the marks on the mAP bars. */
  comparisons?: ComparisonsState;
}

function ChartBox({
  title,
  reading,
  stem,
  onExport,
  children,
  testId,
}: {
  title: string;
  reading: string;
  stem: string;
  onExport: (f: ChartFile) => void;
  children: ReactNode;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const save = async (kind: 'svg' | 'png') => {
    const svg = ref.current?.querySelector('svg');
    if (!svg) return;
    try {
      const file = kind === 'svg' ? svgFile(svg, stem) : await pngFile(svg, stem);
      onExport(file);
      setStatus(`Saved ${file.name}.`);
    } catch (e) {
      setStatus(`Could not export the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section className="sv-chart" data-testid={testId}>
      <header className="sv-chart-head">
        <h4>{title}</h4>
        <span className="inline">
          <button type="button" className="button small" onClick={() => void save('svg')}>
            SVG<span className="sr-only"> of {title}</span>
          </button>
          <button type="button" className="button small" onClick={() => void save('png')}>
            PNG<span className="sr-only"> of {title}</span>
          </button>
        </span>
      </header>
      <p className="sv-reading" data-testid="reading">
        {reading}
      </p>
      {/* Focusable: a chart wider than a phone scrolls sideways, and a keyboard must reach it. */}
      <div ref={ref} className="sv-figure" tabIndex={0} role="group" aria-label={title}>
        {children}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

export function StrategyView({ result, onExport, comparisons }: StrategyViewProps) {
  const c = useMemo(() => buildStrategyComparison(result), [result]);
  const readings = useMemo(() => readComparison(c), [c]);
  const warnings = useMemo(() => assessSplit(result), [result]);
  // Series 0 is the untrained model; series i is strategy i - 1, compared with it (B minus A).
  const tested = comparisons?.status === 'done' ? comparisons.comparisons : null;
  const marks = c.series.map((_, i) =>
    c.map.settings.map((setting: SettingName) => {
      const test = i === 0 ? undefined : tested?.[i - 1]?.settings.find((s) => s.setting === setting)?.tests.find((t) => t.metric === 'ap');
      return test ? significanceMark(test.overall.p) : '';
    }),
  );
  const shares = useMemo(() => ownLanguageShares(c), [c]);
  const stem = result.corpus.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const series = (values: (number | null)[][]): ChartSeries[] =>
    c.series.map((s, i) => ({ label: s.shortLabel, colour: SERIES_COLOURS[s.key], shape: SERIES_MARKERS[s.key], values: values[i] }));
  const withMean = c.rankDistance.values.map((row, i) => [...row, c.rankDistance.macro[i]]);
  const ownByLang = c.languageMix.map((m, i) => [...c.rankDistance.langs.map((l) => m?.rows.find((r) => r.queryLang === l)?.ownShare ?? null), shares[i]]);
  const fair = c.languageMix[0]?.fairShare ?? 0;
  const paper = c.paper.strategies.map((p) => ({ label: `paper ${p.paperLabel}`, colour: SERIES_COLOURS[p.key], values: [p.mono, p.cross, p.multi] }));

  return (
    <section className="card sv" aria-labelledby="sv-title" data-testid="strategy-view" data-tour-panel="strategy-view">
      <h3 id="sv-title">All strategies from this run, side by side</h3>
      <p className="sv-winner" data-testid="strategy-winner">
        {readings.winner}
      </p>
      {warnings.map((w) => (
        <p key={w.kind} className="hint-box sv-warning" role="note" data-testid="split-warning" data-kind={w.kind}>
          {w.message}
        </p>
      ))}
      <p className="muted">
        Test split: {c.testQids} question ids. Marks on the mAP bars: * p &lt; 0.05, ** p &lt; 0.01 against the untrained encoder (paired randomization test,
        10,000 sign flips over the test questions, on the setting’s macro difference; the same test as the comparisons above
        {comparisons?.status === 'testing' ? '; testing significance…' : ''}).
      </p>
      <div className="sv-grid">
        <ChartBox
          title="Spread between languages (maximum rank distance)"
          reading={readings.rankDistance}
          stem={`${stem}-rank-distance`}
          onExport={onExport}
          testId="sv-rank-distance"
        >
          <DotChart
            label="Mean maximum rank distance per question language and strategy; lower is less biased"
            categories={[...c.rankDistance.langs, 'mean']}
            series={series(withMean)}
            yLabel="max rank distance (lower is better)"
            guide={{ value: c.rankDistance.floor, label: `least possible: ${c.rankDistance.floor}` }}
            format={formatDistance}
            testId="sv-rank-distance-chart"
          />
        </ChartBox>
        <ChartBox title="Own language in the top 10" reading={readings.languageMix} stem={`${stem}-language-mix`} onExport={onExport} testId="sv-language-mix">
          <DotChart
            label="Share of the question's own language in its multilingual top 10, per language and strategy"
            categories={[...c.rankDistance.langs, 'mean']}
            series={series(ownByLang)}
            yLabel="own-language share of the top 10"
            guide={{ value: fair, label: `language-blind: ${Math.round(100 * fair)}%` }}
            format={(v) => `${Math.round(100 * v)}%`}
            yMax={1}
            testId="sv-language-mix-chart"
          />
        </ChartBox>
        <ChartBox title="mAP by question and passage language" reading={readings.heatmaps} stem={`${stem}-heatmaps`} onExport={onExport} testId="sv-heatmaps">
          <HeatmapMultiples heatmaps={c.heatmaps} titles={c.series.map((s) => s.shortLabel)} domain={c.heatmapDomain} testId="sv-heatmaps-chart" />
        </ChartBox>
        <ChartBox
          title="mAP per setting, beside the paper’s"
          reading={`${readings.map} ${readings.paper}`}
          stem={`${stem}-map`}
          onExport={onExport}
          testId="sv-map"
        >
          <MapBars settings={['mono', 'cross', 'multi']} series={series(c.map.values)} paper={paper} marks={marks} testId="sv-map-chart" />
        </ChartBox>
      </div>
      <details className="sv-table">
        <summary>The numbers as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">strategy</th>
              <th scope="col">mono mAP</th>
              <th scope="col">cross mAP</th>
              <th scope="col">multi mAP</th>
              <th scope="col">mean max rank distance</th>
            </tr>
          </thead>
          <tbody>
            {c.series.map((s, i) => (
              <tr key={s.key} data-testid="sv-row" data-key={s.key}>
                <th scope="row">{s.label}</th>
                {(['monoMap', 'crossMap', 'multiMap'] as const).map((column, j) => (
                  <td key={column} data-column={column} data-value={c.map.values[i][j] ?? ''}>
                    {c.map.values[i][j]?.toFixed(3) ?? '–'}
                    {marks[i][j]}
                  </td>
                ))}
                <td data-column="maxRankDistance" data-value={c.rankDistance.macro[i] ?? ''}>
                  {c.rankDistance.macro[i] === null ? '–' : formatDistance(c.rankDistance.macro[i] as number)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

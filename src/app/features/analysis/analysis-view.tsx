import { useMemo, useState } from 'react';
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { buildMetricsCsv, buildMetricsJson, buildQueriesCsv, slugForFile } from '../../../core/analysis/exports';
import { buildDifferenceHeatmap, buildHeatmap } from '../../../core/analysis/heatmap-data';
import { languageLabel } from '../../../core/analysis/language-labels';
import { buildLanguageMix, type LanguageMixData } from '../../../core/analysis/language-mix-data';
import { assignLanguageColours } from '../../../core/analysis/language-palette';
import { METRICS } from '../../../core/metrics/registry';
import { measuredLabel } from '../../../core/analysis/paper-reference';
import { buildRankDistance } from '../../../core/analysis/rank-distance-data';
import type { MetricName } from '../../../core/metrics/types';
import { ChartFrame } from './chart-frame';
import { downloadFile, textFile, type ExportedFile } from '../../shared/download';
import { EmbeddingMap, type EmbeddingMapProps } from './embedding-map';
import { LanguageMixChart, LanguageMixTable } from './language-mix-chart';
import { HeatmapTable, PairHeatmap } from './pair-heatmap';
import { PaperReferenceSection } from './paper-reference-section';
import { MostBiasedQuestions, RankDistanceChart, RankDistanceTable } from './rank-distance-chart';
import { ComparisonSection } from '../comparison/comparison-section';
import { useComparisons } from '../comparison/use-comparisons';
import { SummaryCards } from './summary-cards';
import { useFontScale } from './use-font-scale';
import './analysis.css';
import './analysis-charts.css';

export interface AnalysisViewProps {
  /** The report on screen. Per-query records (the app's reports have them) enable the histogram. */
  report: EvalReport;
  /** A second report (another retriever or training strategy) to compare with `report`. */
  compare?: EvalReport;
  /** The corpus `report` was computed on: question texts, pool size. */
  corpus: Corpus;
  /** The corpus of `compare`, when it differs from `corpus`. */
  compareCorpus?: Corpus;
  /** Names for the two reports; default "<retriever> on <corpus>". */
  reportLabel?: string;
  compareLabel?: string;
  /** Receives every exported file (CSV, JSON, PNG, TSV) instead of the browser download. */
  onExport?: (file: ExportedFile) => void;
  /** When given, the embedding map is drawn at the end of the view. */
  embedding?: EmbeddingMapProps;
}

const HEATMAP_METRICS: readonly MetricName[] = ['ap', 'recallAt1', 'recallAt10', 'rr', 'ndcgAt10'];
const SERIES_COLOURS = ['#0072B2', '#D55E00'];

/** Whole-corpus analysis: headline figures, the X->Y grid, language mix, rank distances, comparison, paper reference. */
export function AnalysisView(props: AnalysisViewProps) {
  const { report, compare, corpus } = props;
  const onExport = props.onExport ?? downloadFile;
  const scale = useFontScale();
  const [metric, setMetric] = useState<MetricName>('ap');
  const [distanceLang, setDistanceLang] = useState<string>('');

  const baseLabel = props.reportLabel ?? measuredLabel(report).replace(/^Measured here: /, '');
  let otherLabel = compare ? (props.compareLabel ?? measuredLabel(compare).replace(/^Measured here: /, '')) : '';
  if (compare && otherLabel === baseLabel) otherLabel = `${otherLabel} (second)`;
  const stem = `${slugForFile(report.corpus)}-${slugForFile(report.retriever)}`;
  const reports = useMemo(() => (compare ? [report, compare] : [report]), [report, compare]);
  const series = reports.map((_, i) => ({ label: i === 0 ? baseLabel : otherLabel, colour: SERIES_COLOURS[i] }));

  const colours = useMemo(() => assignLanguageColours([...report.languages, ...(compare?.languages ?? []), ...corpus.languages]), [report, compare, corpus]);
  const heatmap = useMemo(() => buildHeatmap(report, metric), [report, metric]);
  const compareHeatmap = useMemo(() => (compare ? buildHeatmap(compare, metric) : null), [compare, metric]);
  // A comparison reads B minus A everywhere: A is the report compared with, B the report on screen.
  const difference = useMemo(() => (compare ? buildDifferenceHeatmap(compare, report, metric) : null), [report, compare, metric]);
  const mixes = useMemo(() => reports.map(buildLanguageMix), [reports]);
  const distance = useMemo(() => buildRankDistance(reports, { queryLang: distanceLang || undefined }), [reports, distanceLang]);
  const pairs = useMemo(() => (compare ? [{ aLabel: otherLabel, a: compare, bLabel: baseLabel, b: report }] : []), [report, compare, baseLabel, otherLabel]);
  const compared = useComparisons(pairs);
  const comparison = compared.comparisons[0];

  const queries = report.settings.multi?.macro.queries ?? report.settings.mono?.macro.queries ?? 0;
  const hasSettings = Object.keys(report.settings).length > 0;
  // Building the per-question CSV walks every record (144k rows on XQuAD-R), so only on demand.
  const hasQueryRecords = useMemo(() => Object.values(report.settings).some((s) => s.cells.some((c) => c.queries?.length)), [report]);

  function exportText(name: string, text: string, type: string) {
    onExport(textFile(name, text, type));
  }

  const metricSelect = (
    <label className="an-control">
      Metric{' '}
      <select value={metric} onChange={(e) => setMetric(e.target.value as MetricName)}>
        {HEATMAP_METRICS.map((m) => (
          <option key={m} value={m}>
            {METRICS[m].shortLabel}
          </option>
        ))}
      </select>
    </label>
  );

  const heatmapFrame = (data: ReturnType<typeof buildHeatmap>, label: string, fileStem: string) => (
    <ChartFrame
      title={`${METRICS[metric].shortLabel} for each question language → passage language`}
      explanation="Each square: questions in the row's language searched against passages in the column's language. The diagonal is monolingual; bright off-diagonal squares mean retrieval works across languages."
      source={`Measured here: ${label}`}
      controls={metricSelect}
      fileStem={fileStem}
      onExport={onExport}
      table={
        <HeatmapTable data={data} kind="value" caption={`${METRICS[metric].shortLabel} of ${label}; rows are question languages, columns passage languages.`} />
      }
    >
      {data.cells.every((c) => c.value === null) ? (
        <p className="an-muted">This report has no monolingual or cross-lingual cells: run those settings to fill the grid.</p>
      ) : (
        <PairHeatmap data={data} kind="value" label={`${METRICS[metric].shortLabel} of ${label}`} scale={scale} />
      )}
    </ChartFrame>
  );

  const mixFrame = (mix: LanguageMixData | null, label: string, fileStem: string) =>
    mix && (
      <ChartFrame
        key={fileStem}
        title={`Languages in the top ${mix.k}, per question language`}
        explanation={`Of the ${mix.k} best passages from the pool of all languages, the share in each language. Unbiased retrieval gives each language about ${Math.round(mix.fairShare * 100)}%; a biased one fills the top with the question's own language.`}
        source={`Measured here: ${label}`}
        legend={mix.langs.map((l) => ({ label: languageLabel(l), colour: colours.get(l)! }))}
        fileStem={fileStem}
        onExport={onExport}
        table={<LanguageMixTable data={mix} />}
      >
        <p className="an-callout">
          Own language fills on average {Math.round((100 * mix.rows.reduce((s, r) => s + r.ownShare, 0)) / Math.max(1, mix.rows.length))}% of the top {mix.k}{' '}
          (unbiased: {Math.round(mix.fairShare * 100)}%).
        </p>
        <LanguageMixChart data={mix} colours={colours} scale={scale} />
      </ChartFrame>
    );

  return (
    <div className="analysis">
      <header className="an-head">
        <div>
          <h2>Analysis of the whole corpus</h2>
          <p className="an-muted">
            Measured here: <strong>{baseLabel}</strong> · {report.languages.length} languages · {queries.toLocaleString('en')} questions per setting
            {compare && (
              <>
                {' '}
                · compared with <strong>{otherLabel}</strong>
              </>
            )}
          </p>
        </div>
        <div className="an-export-bar" role="group" aria-label="Export the metrics">
          <button type="button" className="an-button" onClick={() => exportText(`${stem}-metrics.csv`, buildMetricsCsv(report), 'text/csv')}>
            Metrics CSV
          </button>
          <button type="button" className="an-button" onClick={() => exportText(`${stem}-metrics.json`, buildMetricsJson(report), 'application/json')}>
            Metrics JSON
          </button>
          {hasQueryRecords && (
            <button type="button" className="an-button" onClick={() => exportText(`${stem}-questions.csv`, buildQueriesCsv(report) ?? '', 'text/csv')}>
              Per-question CSV
            </button>
          )}
          {compare && (
            <button
              type="button"
              className="an-button"
              onClick={() => exportText(`${slugForFile(compare.corpus)}-${slugForFile(compare.retriever)}-metrics.csv`, buildMetricsCsv(compare), 'text/csv')}
            >
              Second report CSV
            </button>
          )}
        </div>
      </header>

      {!hasSettings ? (
        <p className="an-muted">This report holds no results yet.</p>
      ) : (
        <>
          <SummaryCards report={report} comparison={comparison} reportLabel={baseLabel} />

          {/* Compared, the grids read as the comparison does: A (compared with) first, then B (on screen). */}
          <div className={compare && heatmap.langs.length <= 8 ? 'an-grid-2' : 'an-stack'}>
            {compare && compareHeatmap && heatmapFrame(compareHeatmap, otherLabel, `${stem}-second-heatmap-${metric}`)}
            {heatmapFrame(heatmap, baseLabel, `${stem}-heatmap-${metric}`)}
          </div>

          {compare && comparison && difference && (
            <section className="an-compare" aria-label="Comparison of the two reports">
              <ComparisonSection comparison={comparison} a={compare} b={report} status={compared.status} problem={compared.problem} />
              <ChartFrame
                title={`Change in ${METRICS[metric].shortLabel}: ${baseLabel} minus ${otherLabel}`}
                explanation={`Each square: the change from ${otherLabel} to ${baseLabel} on that language pair, for the pairs both hold. Blue: ${baseLabel} does better; red: worse; white: no change.`}
                source={`${baseLabel} minus ${otherLabel}`}
                controls={metricSelect}
                fileStem={`${stem}-difference-${metric}`}
                onExport={onExport}
                table={<HeatmapTable data={difference} kind="difference" caption={`${METRICS[metric].shortLabel}: ${baseLabel} minus ${otherLabel}.`} />}
              >
                <PairHeatmap data={difference} kind="difference" label={`Change in ${METRICS[metric].shortLabel}`} scale={scale} />
              </ChartFrame>
            </section>
          )}

          <div className={compare ? 'an-grid-2' : undefined}>
            {mixFrame(mixes[0], baseLabel, `${stem}-language-mix`)}
            {compare && mixFrame(mixes[1], otherLabel, `${stem}-second-language-mix`)}
          </div>

          {report.settings.multi && (
            <ChartFrame
              title="Rank distance: how far apart the same answer lands in different languages"
              explanation="For each question, the highest minus the lowest rank of its answer's translations in the pool of all languages. Lower is less language-biased."
              source={reports.map((r) => measuredLabel(r)).join(' · ')}
              legend={series.length > 1 ? series.map((s) => ({ label: s.label, colour: s.colour })) : undefined}
              fileStem={`${stem}-rank-distance${distanceLang ? `-${distanceLang}` : ''}`}
              onExport={onExport}
              controls={
                <label className="an-control">
                  Questions in{' '}
                  <select value={distanceLang} onChange={(e) => setDistanceLang(e.target.value)}>
                    <option value="">every language</option>
                    {report.languages.map((l) => (
                      <option key={l} value={l}>
                        {languageLabel(l)}
                      </option>
                    ))}
                  </select>
                </label>
              }
              table={<RankDistanceTable data={distance} series={series} />}
            >
              {!distance.totals.some((t) => t > 0) && (
                <p className="an-muted">
                  This report has no per-question records (a metrics.json file), so the chart shows the mean per question language instead of the distribution.
                </p>
              )}
              <RankDistanceChart data={distance} series={series} scale={scale} />
              <MostBiasedQuestions report={report} corpus={corpus} queryLang={distanceLang || undefined} />
            </ChartFrame>
          )}

          <PaperReferenceSection
            report={report}
            compare={compare}
            corpus={corpus}
            compareCorpus={props.compareCorpus}
            reports={reports}
            stem={stem}
            scale={scale}
            onExport={onExport}
          />
        </>
      )}

      {props.embedding && (
        <EmbeddingMap {...props.embedding} onExport={props.embedding.onExport ?? onExport} languages={props.embedding.languages ?? report.languages} />
      )}
    </div>
  );
}

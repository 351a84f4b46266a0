/** "Next to the paper": the paper's mAP and language-bias figures beside the measured ones, for a chosen paper model and benchmark. */
import { useMemo, useState } from 'react';
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { slugForFile } from '../../../core/analysis/exports';
import {
  buildMapReference,
  buildRankDistanceReference,
  matchPaperDataset,
  measuredLabel,
  PAPER_CITATION,
  PAPER_DATASETS,
  PAPER_MODELS,
  paperSourceLabel,
  type PaperDataset,
  type PaperModel,
} from '../../../core/analysis/paper-reference';
import type { ExportedFile } from '../../shared/download';
import { ChartFrame } from './chart-frame';
import {
  MapReferenceChart,
  MapReferenceTable,
  RankDistanceReferenceChart,
  RankDistanceReferenceTable,
  referenceColours,
  ReferenceLegend,
} from './paper-reference-chart';

export interface PaperReferenceSectionProps {
  report: EvalReport;
  compare?: EvalReport;
  corpus: Corpus;
  compareCorpus?: Corpus;
  /** `report`, then `compare` when given. */
  reports: EvalReport[];
  /** File name stem for the exports. */
  stem: string;
  scale: number;
  onExport(file: ExportedFile): void;
}

export function PaperReferenceSection({ report, compare, corpus, compareCorpus, reports, stem, scale, onExport }: PaperReferenceSectionProps) {
  const [paperModel, setPaperModel] = useState<PaperModel>('XLM-R');
  const matched = matchPaperDataset(report.corpus) ?? matchPaperDataset(corpus.name);
  // The person's choice wins; until they choose, follow the corpus (MLQA-R figures for MLQA-R).
  const [datasetChoice, setPaperDataset] = useState<PaperDataset | null>(null);
  const paperDataset = datasetChoice ?? matched ?? 'XQuAD-R';
  const mapReference = useMemo(() => buildMapReference(paperModel, paperDataset, reports), [paperModel, paperDataset, reports]);
  const rankReference = useMemo(
    () =>
      buildRankDistanceReference(paperModel, paperDataset, [{ report, corpus }, ...(compare ? [{ report: compare, corpus: compareCorpus ?? corpus }] : [])]),
    [paperModel, paperDataset, report, compare, corpus, compareCorpus],
  );

  return (
    <section className="an-reference" aria-label="The paper's reported numbers next to the measured ones">
      <h3 className="an-section-title">Next to the paper</h3>
      <p className="an-muted">
        {PAPER_CITATION.authors}, <cite>{PAPER_CITATION.title}</cite>,{' '}
        <a href={PAPER_CITATION.url} target="_blank" rel="noreferrer">
          arXiv {PAPER_CITATION.arxiv}
        </a>
        . The paper fine-tuned the whole model; this lab measures retrievers (and adapters over a frozen encoder), so read these for scale and direction.
        {!matched && ` The paper has no figures for ${report.corpus}; its ${paperDataset} figures are shown for scale.`}
      </p>
      <p className="an-controls-row">
        <label className="an-control">
          Paper model{' '}
          <select value={paperModel} onChange={(e) => setPaperModel(e.target.value as PaperModel)}>
            {PAPER_MODELS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>{' '}
        <label className="an-control">
          Benchmark{' '}
          <select value={paperDataset} onChange={(e) => setPaperDataset(e.target.value as PaperDataset)}>
            {PAPER_DATASETS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
      </p>
      <div className="an-grid-2">
        <ChartFrame
          title={`mAP: paper (${paperModel}, ${paperDataset}) and measured here`}
          explanation="Mean average precision per setting; 1 means every answer is ranked first. Blue bars are the paper's three batch strategies, orange what was measured here."
          source={`${paperSourceLabel(paperModel)} (${paperDataset}) · ${reports.map((r) => measuredLabel(r)).join(' · ')}`}
          legend={mapReference.series.map((s, i) => ({
            label: s.source === 'paper' ? s.label : s.attribution,
            colour: referenceColours(mapReference.series)[i],
          }))}
          fileStem={`${stem}-paper-map-${slugForFile(paperModel)}-${slugForFile(paperDataset)}`}
          onExport={onExport}
          table={<MapReferenceTable data={mapReference} />}
        >
          <MapReferenceChart data={mapReference} scale={scale} />
          <ReferenceLegend series={mapReference.series} />
        </ChartFrame>
        <ChartFrame
          title="Language bias: paper and measured here"
          explanation="Mean maximum rank distance as a share of the pool it was ranked in (a bigger pool means bigger distances). Lower is less language-biased."
          source={`${paperSourceLabel(paperModel, 'rank-distance')} (${paperDataset}) · ${reports.map((r) => measuredLabel(r)).join(' · ')}`}
          legend={rankReference.map((r, i) => ({ label: r.source === 'paper' ? r.label : r.attribution, colour: referenceColours(rankReference)[i] }))}
          fileStem={`${stem}-paper-rank-distance-${slugForFile(paperModel)}-${slugForFile(paperDataset)}`}
          onExport={onExport}
          table={<RankDistanceReferenceTable rows={rankReference} />}
        >
          <RankDistanceReferenceChart rows={rankReference} scale={scale} />
          <ReferenceLegend series={rankReference} />
        </ChartFrame>
      </div>
    </section>
  );
}

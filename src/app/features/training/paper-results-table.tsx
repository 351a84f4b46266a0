import { useState } from 'react';
import { PAPER_CITATION, PAPER_DATASETS, PAPER_MAP, PAPER_MAX_RANK_DISTANCE, PAPER_POOL_SIZE, type PaperDataset } from '../../../core/analysis/paper-reference';
import { DataTable } from '../../ui/data-table';

export interface PaperResultsTableProps {
  /** The dataset shown first (the corpus's, when it is one of the paper's). */
  initialDataset: PaperDataset;
  /** Candidates in this run's multilingual test pool, to put the paper's rank distances in scale. */
  ourPoolSize: number | null;
}

/** The paper's full fine-tuning figures (Table 1 mAP and the language-bias table), labelled as such. */
export function PaperResultsTable({ initialDataset, ourPoolSize }: PaperResultsTableProps) {
  const [dataset, setDataset] = useState<PaperDataset>(initialDataset);
  const rows = PAPER_MAP.filter((r) => r.dataset === dataset);
  const distance = (model: string, strategy: string) =>
    PAPER_MAX_RANK_DISTANCE.find((r) => r.dataset === dataset && r.model === model && r.strategy === strategy)?.value ?? null;
  const pool = PAPER_POOL_SIZE[dataset];
  return (
    <div className="tr-paper" data-testid="training-paper">
      <div className="tr-paper-head">
        <h3>The paper: full fine-tuning</h3>
        <label>
          Dataset{' '}
          <select value={dataset} onChange={(e) => setDataset(e.target.value as PaperDataset)} data-testid="training-paper-dataset">
            {PAPER_DATASETS.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
      </div>
      <DataTable
        className="tr-table"
        caption={
          <>
            {PAPER_CITATION.authors}, arXiv {PAPER_CITATION.arxiv}: the whole encoder fine-tuned on machine-translated QA pairs, evaluated on all of {dataset}.
            Table 1 (mAP) and the language-bias table (mean maximum rank distance).
          </>
        }
        columns={[
          { key: 'model', label: 'Model', rowHeader: true, cell: (r) => r.model },
          { key: 'strategy', label: 'Strategy', cell: (r) => r.strategy, cellProps: () => ({ className: 'tr-text' }) },
          { key: 'mono', label: 'mono mAP', numeric: true, cell: (r) => r.mono.toFixed(3) },
          { key: 'cross', label: 'cross mAP', numeric: true, cell: (r) => r.cross.toFixed(3) },
          { key: 'multi', label: 'multi mAP', numeric: true, cell: (r) => r.multi.toFixed(3) },
          { key: 'distance', label: 'mean max rank distance ↓', numeric: true, cell: (r) => distance(r.model, r.strategy)?.toFixed(1) ?? '–' },
        ]}
        rows={rows}
        rowKey={(r) => `${r.model}-${r.strategy}`}
      />
      <p className="tr-muted">
        Rank distances grow with the pool: the paper ranked {pool ? `${pool.toLocaleString('en')} candidates` : 'the whole corpus'}
        {ourPoolSize ? `, this run's test pool has ${ourPoolSize.toLocaleString('en')}` : ''}. Compare which strategy wins, not the values.
      </p>
    </div>
  );
}

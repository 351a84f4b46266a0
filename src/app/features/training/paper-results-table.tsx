import { useState } from 'react';
import {
  PAPER_CITATION,
  PAPER_DATASETS,
  PAPER_MAP,
  PAPER_MAX_RANK_DISTANCE,
  PAPER_POOL_SIZE,
  type PaperDataset,
} from '../../../core/analysis/paper-reference';

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
      <table className="tr-table">
        <caption>
          {PAPER_CITATION.authors}, arXiv {PAPER_CITATION.arxiv}: the whole encoder fine-tuned on machine-translated QA pairs, evaluated on all of {dataset}. Table 1 (mAP) and the
          language-bias table (mean maximum rank distance).
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Strategy</th>
            <th scope="col">mono mAP</th>
            <th scope="col">cross mAP</th>
            <th scope="col">multi mAP</th>
            <th scope="col">mean max rank distance ↓</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.model}-${r.strategy}`}>
              <th scope="row">{r.model}</th>
              <td className="tr-text">{r.strategy}</td>
              <td>{r.mono.toFixed(3)}</td>
              <td>{r.cross.toFixed(3)}</td>
              <td>{r.multi.toFixed(3)}</td>
              <td>{distance(r.model, r.strategy)?.toFixed(1) ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tr-muted">
        Rank distances grow with the pool: the paper ranked {pool ? `${pool.toLocaleString('en')} candidates` : 'the whole corpus'}
        {ourPoolSize ? `, this run's test pool has ${ourPoolSize.toLocaleString('en')}` : ''}. Compare which strategy wins, not the values.
      </p>
    </div>
  );
}

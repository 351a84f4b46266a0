import { useRef, useState } from 'react';
import type { EmbeddingCoverage } from '../../../core/embeddings/corpus-coverage';
import { BATCH_STRATEGIES, STRATEGY_LABELS, type BatchStrategy } from '../../../core/training/strategy-names';
import { useApp } from '../../app-store';
import { ProgressBar } from '../../ui/progress-bar';
import { selectAdaptersFor, useTraining } from '../training/training-slice';
import { IMPORTED_ID } from './imported-embeddings';
import { ProblemBox } from '../../ui/problem-box';

const n = (x: number) => x.toLocaleString('en');

/** "13,014 of 13,014 passages, 13,090 of 13,090 questions" */
export function coverageLine(c: EmbeddingCoverage): string {
  return `${n(c.passages.covered)} of ${n(c.passages.total)} passages, ${n(c.questions.covered)} of ${n(c.questions.total)} questions`;
}

/** Set-up: open an embeddings file as the encoder, and save the current rows as one. */
export function EmbeddingsSection() {
  const imported = useApp((s) => s.imported);
  const inUse = useApp((s) => s.retrieverId === IMPORTED_ID);
  const hasRows = useApp((s) => s.retrieverId !== 'bm25' && s.encoderInfo !== null && s.active !== null);
  const encoderId = useApp((s) => (s.retrieverId !== 'bm25' ? (s.encoderInfo?.encoderId ?? null) : null));
  const work = useApp((s) => s.embeddingsWork);
  const problem = useApp((s) => s.embeddingsProblem);
  const notice = useApp((s) => s.embeddingsNotice);
  const adapters = useTraining((t) => selectAdaptersFor(t, encoderId));
  const [rows, setRows] = useState<'model' | BatchStrategy>('model');
  const input = useRef<HTMLInputElement>(null);
  const app = useApp.getState();
  const trained = BATCH_STRATEGIES.filter((s) => adapters?.byStrategy[s]);
  const strategy = rows !== 'model' && trained.includes(rows) ? rows : undefined;

  return (
    <section className="panel-section" aria-labelledby="embeddings-title" data-testid="embeddings-section">
      <h2 id="embeddings-title">Embeddings file</h2>
      <div className="field">
        <div className="inline">
          <button type="button" className="button" disabled={work !== null} onClick={() => input.current?.click()}>
            Open embeddings
          </button>
          {imported && !inUse && (
            <button type="button" className="button small" onClick={() => app.useImportedEmbeddings()}>
              Rank with {imported.source}
            </button>
          )}
        </div>
        <div className="hint">
          A Parquet file (an id column and a list&lt;float32&gt; vector column), or a .npy file picked with its id list: its rows rank, evaluate and train
          instead of a model, and no model is downloaded.
        </div>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept=".parquet,.npy,.txt"
          data-testid="pick-embeddings"
          onChange={(e) => {
            const files = e.currentTarget.files ? [...e.currentTarget.files] : [];
            e.currentTarget.value = ''; // picking the same file again reads it again
            if (files.length) void app.openEmbeddings(files);
          }}
        />
      </div>
      {work && (
        <ProgressBar
          testId="embeddings-work"
          label={work.stage}
          progress={work.total > 0 ? work : null}
          hideCount={work.bytes}
          onCancel={() => app.cancelEmbeddingsWork()}
        />
      )}
      {imported && (
        <div className="hint-box" data-testid="embeddings-coverage" data-in-use={inUse}>
          <b>{imported.source}</b>
          {inUse ? ' ranks' : ' (not in use)'}: {coverageLine(imported.coverage)}
          {imported.dim ? ` · ${imported.dim} values each` : ''}
          {imported.label ? ` · made by ${imported.label}` : ' · the file does not name its model'}
          {imported.lines.length > 1 && (
            <ul className="hint">
              {imported.lines.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {problem && <ProblemBox testId="embeddings-problem" message={problem} onDismiss={() => app.dismissEmbeddingsProblem()} />}
      {notice && (
        <p className="hint" role="status" data-testid="embeddings-notice">
          {notice}
        </p>
      )}
      {hasRows && (
        <div className="field">
          <span className="label">Save the corpus&apos;s embeddings</span>
          {trained.length > 0 && (
            <select
              aria-label="Which rows to save"
              value={strategy ?? 'model'}
              onChange={(e) => setRows(e.target.value as 'model' | BatchStrategy)}
              data-testid="save-embeddings-rows"
            >
              <option value="model">untrained rows</option>
              {trained.map((s) => (
                <option key={s} value={s}>
                  through the {STRATEGY_LABELS[s]} adapter
                </option>
              ))}
            </select>
          )}
          <div className="inline">
            <button
              type="button"
              className="button small"
              disabled={work !== null}
              onClick={() => void app.saveEmbeddings('parquet', strategy)}
              data-testid="save-embeddings-parquet"
            >
              Save as Parquet
            </button>
            <button
              type="button"
              className="button small"
              disabled={work !== null}
              onClick={() => void app.saveEmbeddings('npy', strategy)}
              data-testid="save-embeddings-npy"
            >
              Save as .npy + ids
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

import { useRef, useState, type RefObject } from 'react';
import { boundsCaveat } from '../../../core/runs/describe-diagnostics';
import { useApp } from '../../app-store';
import { ProgressBar } from '../../ui/progress-bar';
import type { ResultsFiles } from './results-slice';
import './results.css';
import { ProblemBox } from '../../ui/problem-box';

type Slot = Exclude<keyof ResultsFiles, 'runs'>;

const SLOTS: { slot: Slot; label: string; accept: string; without: string }[] = [
  { slot: 'qrels', label: 'Qrels', accept: '.txt,.qrels,.tsv,.json', without: 'the loaded corpus’s judgments' },
  { slot: 'docLangs', label: 'Document languages', accept: '.tsv,.txt', without: 'from the loaded corpus' },
  { slot: 'queryLangs', label: 'Query languages', accept: '.tsv,.txt', without: 'from the loaded corpus' },
];

/**
 * Set-up's "Open results": run files from any engine (TREC or ranx JSON) with qrels and language
 * maps, each optional when the loaded corpus can stand in. Read in a worker; the runs appear in
 * Evaluation's reports and under Ranking's "Ranked by".
 */
export function OpenResultsSection() {
  const loading = useApp((s) => s.resultsLoading);
  const problem = useApp((s) => s.resultsProblem);
  const notice = useApp((s) => s.resultsNotice);
  const imported = useApp((s) => s.importedRuns);
  const corpusName = useApp((s) => s.active?.corpus.name ?? null);
  const [files, setFiles] = useState<ResultsFiles>({ runs: [], qrels: null, docLangs: null, queryLangs: null });
  const inputs = {
    runs: useRef<HTMLInputElement>(null),
    qrels: useRef<HTMLInputElement>(null),
    docLangs: useRef<HTMLInputElement>(null),
    queryLangs: useRef<HTMLInputElement>(null),
  };
  const app = useApp.getState();

  const picked = (key: keyof ResultsFiles, input: HTMLInputElement) => {
    const list = input.files ? [...input.files] : [];
    input.value = ''; // picking the same file again (after fixing it) should count
    setFiles((f) => (key === 'runs' ? { ...f, runs: list } : { ...f, [key]: list[0] ?? null }));
  };
  const picker = (key: keyof ResultsFiles, ref: RefObject<HTMLInputElement | null>, accept: string) => (
    <input
      ref={ref}
      type="file"
      hidden
      multiple={key === 'runs'}
      accept={accept}
      data-testid={`results-pick-${key}`}
      onChange={(e) => picked(key, e.currentTarget)}
    />
  );

  return (
    <section className="panel-section open-results" aria-labelledby="open-results-title" data-testid="open-results">
      <h2 id="open-results-title">Open results</h2>
      <p className="hint">
        Runs from any engine (TREC <code>qid Q0 docid rank score tag</code>, or ranx JSON), scored with the lab’s own metrics. Files stay on this computer.
      </p>
      <div className="field">
        <span className="label">Run files</span>
        <div className="inline">
          <button type="button" className="button" disabled={!!loading} onClick={() => inputs.runs.current?.click()}>
            Pick runs
          </button>
          <span className="small results-chosen" data-testid="results-chosen-runs">
            {files.runs.length ? files.runs.map((f) => f.name).join(', ') : 'none yet'}
          </span>
        </div>
        {picker('runs', inputs.runs, '.trec,.txt,.run,.json')}
      </div>
      {SLOTS.map(({ slot, label, accept, without }) => (
        <div className="field" key={slot}>
          <span className="label">{label}</span>
          <div className="inline">
            <button type="button" className="button small" disabled={!!loading} onClick={() => inputs[slot].current?.click()}>
              Pick
            </button>
            <span className="small results-chosen" data-testid={`results-chosen-${slot}`}>
              {files[slot]?.name ?? (corpusName ? `${without} (${corpusName})` : 'none')}
            </span>
            {files[slot] && (
              <button type="button" className="button small" onClick={() => setFiles((f) => ({ ...f, [slot]: null }))} aria-label={`Clear ${label}`}>
                ×
              </button>
            )}
          </div>
          {picker(slot, inputs[slot], accept)}
        </div>
      ))}
      <button
        type="button"
        className="button primary"
        disabled={!!loading || files.runs.length === 0}
        onClick={() => void app.openResults(files)}
        data-testid="results-open"
      >
        Open results
      </button>

      {loading && (
        <ProgressBar progress={loading.progress} label={`Opening ${loading.label}…`} onCancel={() => app.cancelResults()} testId="results-loading" hideCount />
      )}
      {problem && (
        <ProblemBox
          testId="results-problem"
          title="Could not open the results"
          message={problem}
          kept={imported.length ? `The ${imported.length} run${imported.length === 1 ? '' : 's'} opened before stay.` : 'Nothing was opened.'}
          onDismiss={() => app.dismissResultsProblem()}
        />
      )}
      {notice && !loading && (
        <p className="hint" role="status" data-testid="results-notice">
          {notice}
        </p>
      )}
      {imported.length > 0 && (
        <ul className="imported-runs" data-testid="imported-runs">
          {imported.map((r) => {
            const caveat = boundsCaveat(r.diagnostics);
            return (
              <li key={r.id} data-testid="imported-run">
                <b>{r.file}</b>{' '}
                <span className="muted small">
                  {r.diagnostics.entries.toLocaleString('en')} lines · {r.diagnostics.queries.toLocaleString('en')} queries · judged by {r.judgments}
                </span>
                <div className={`small ${caveat ? 'results-bounds' : 'muted'}`}>
                  {caveat ?? 'Exact: every relevant item of every scored query is in the run.'}
                </div>
                {r.diagnostics.notes.length > 1 && (
                  <details className="small">
                    <summary>What the import found</summary>
                    <ul>
                      {r.diagnostics.notes.map((n) => (
                        <li key={n}>{n}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { availablePresets } from './corpus-presets';
import { useApp } from '../../app-store';
import { ProgressBar } from '../../ui/progress-bar';
import { ProblemBox } from '../../ui/problem-box';

export function CorpusSection() {
  const active = useApp((s) => s.active);
  const loading = useApp((s) => s.corpusLoading);
  const problem = useApp((s) => s.corpusProblem);
  const notice = useApp((s) => s.corpusNotice);
  const pending = useApp((s) => s.pendingCorpus);
  const presets = availablePresets();
  const activePreset = active?.ref.kind === 'preset' ? active.ref.id : '';
  const [preset, setPreset] = useState(activePreset || presets[0].id);
  const [url, setUrl] = useState('');
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // React has no prop for a folder picker; the attribute is what browsers read.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);
  useEffect(() => {
    if (activePreset) setPreset(activePreset);
  }, [activePreset]);

  const open = useApp.getState().openCorpus;
  const onPicked = (input: HTMLInputElement | null) => {
    const files = input?.files ? [...input.files] : [];
    if (input) input.value = ''; // picking the same files again should load them again
    if (files.length === 0) return;
    const top = files[0].webkitRelativePath.split('/')[0];
    void open({ kind: 'picked', name: top || (files.length === 1 ? files[0].name : `${files.length} files`) }, files);
  };
  const chosen = presets.find((p) => p.id === preset);

  return (
    <section className="panel-section" aria-labelledby="corpus-title">
      <h2 id="corpus-title">Corpus</h2>
      {active && (
        <div className="corpus-card" data-testid="active-corpus">
          <div className="corpus-name">{active.corpus.name}</div>
          <div className="muted small">
            {active.corpus.passages.length.toLocaleString('en')} passages · {active.corpus.questions.length.toLocaleString('en')} questions ·{' '}
            {active.corpus.languages.length} languages
          </div>
          {active.warnings.length > 0 && (
            <details className="warnings">
              <summary>
                {active.warnings.length} warning{active.warnings.length > 1 ? 's' : ''} while loading
              </summary>
              <ul>
                {active.warnings.slice(0, 50).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}

      {pending && (
        <div className="hint-box" data-testid="pending-corpus">
          This link opens a corpus from another site, <b>{pending.origin}</b>; nothing has been fetched from it yet. Fetch it?
          <div className="inline">
            <button type="button" className="button small primary" data-testid="pending-corpus-open" onClick={() => void open(pending.ref)}>
              Fetch and open it
            </button>
            <button type="button" className="button small" onClick={() => useApp.getState().dismissPendingCorpus()}>
              Not now
            </button>
          </div>
        </div>
      )}

      {problem && (
        <ProblemBox
          testId="corpus-problem"
          title={<>Could not open {problem.source}</>}
          message={problem.message}
          kept={
            active ? (
              <>
                Still using <b>{active.corpus.name}</b>.
              </>
            ) : (
              'No corpus is open.'
            )
          }
          onDismiss={() => useApp.getState().dismissCorpusProblem()}
        >
          {problem.file && (
            <dl className="problem-detail">
              <dt>File</dt>
              <dd>{problem.file}</dd>
              {problem.where && (
                <>
                  <dt>Where</dt>
                  <dd>{problem.where}</dd>
                </>
              )}
              <dt>Expected</dt>
              <dd>{problem.expected}</dd>
            </dl>
          )}
        </ProblemBox>
      )}

      {loading && (
        <ProgressBar
          progress={loading.progress}
          label={`Opening ${loading.label}…`}
          onCancel={() => useApp.getState().cancelCorpusLoad()}
          testId="corpus-loading"
        />
      )}
      {notice && !loading && (
        <p className="hint" role="status" data-testid="corpus-notice">
          {notice}
        </p>
      )}

      <div className="field">
        <label htmlFor="preset-select">Benchmark</label>
        <div className="inline">
          <select id="preset-select" value={preset} onChange={(e) => setPreset(e.target.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!!loading} onClick={() => void open({ kind: 'preset', id: preset })}>
            Open
          </button>
        </div>
        {chosen && <div className="hint">{chosen.about}</div>}
      </div>

      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void open({ kind: 'url', url: url.trim() });
        }}
      >
        <label htmlFor="url-input">From a URL</label>
        <div className="inline">
          <input
            id="url-input"
            type="url"
            inputMode="url"
            placeholder="https://…/folder/ (with manifest.json)"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button" disabled={!!loading || !url.trim()}>
            Open
          </button>
        </div>
        <div className="hint">The folder needs a manifest.json that lists its files.</div>
      </form>

      <div className="field">
        <span className="label">From this computer</span>
        <div className="inline">
          <button type="button" className="button" disabled={!!loading} onClick={() => folderInput.current?.click()}>
            Pick a folder
          </button>
          <button type="button" className="button" disabled={!!loading} onClick={() => filesInput.current?.click()}>
            Pick files
          </button>
        </div>
        <div className="hint">A BEIR folder, XQuAD-R / MLQA-R &lt;lang&gt;.json files, or a JSON Lines file. Files stay on this computer.</div>
        <input ref={folderInput} type="file" hidden multiple data-testid="pick-folder" onChange={(e) => onPicked(e.currentTarget)} />
        <input
          ref={filesInput}
          type="file"
          hidden
          multiple
          accept=".json,.jsonl,.tsv,.txt"
          data-testid="pick-files"
          onChange={(e) => onPicked(e.currentTarget)}
        />
      </div>
    </section>
  );
}

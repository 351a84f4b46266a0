import { findModel, MODEL_REGISTRY } from '../../../encoder/model-registry';
import { formatBytes } from '../../shared/encoder-cache';
import { useApp } from '../../app-store';
import { CacheStatusLine } from './cache-status';
import { DeviceChoice } from './device-choice';
import { ModelCard } from './model-card';
import { ProgressBar } from '../../ui/progress-bar';
import { SYNTHETIC_ID, SYNTHETIC_LABEL } from './synthetic-source';
import { IMPORTED_ID } from './imported-embeddings';
import { ProblemBox } from '../../ui/problem-box';

export function RetrieverSection() {
  const retrieverId = useApp((s) => s.retrieverId);
  const info = useApp((s) => s.encoderInfo);
  const loading = useApp((s) => s.modelLoading);
  const problem = useApp((s) => s.modelProblem);
  const pending = useApp((s) => s.pendingModel);
  const imported = useApp((s) => s.imported);
  const restoredFrom = useApp((s) => (s.retrieverId !== IMPORTED_ID && s.retrieverId !== 'bm25' ? s.restoredRowsFrom : null));
  const origin = useApp((s) => s.modelOrigin);
  const preference = useApp((s) => s.devicePreference);
  const embedding = useApp((s) => (s.retrieverId !== 'bm25' && s.rankingBusy ? s.rankingProgress : null));
  const app = useApp.getState();
  const models = MODEL_REGISTRY.filter((m) => m.kind !== 'bench');
  const selected = loading?.modelId ?? retrieverId;
  const entry = selected === 'bm25' ? undefined : findModel(selected);
  const pendingEntry = pending ? findModel(pending) : undefined;

  return (
    <section className="panel-section" aria-labelledby="retriever-title">
      <h2 id="retriever-title">Retriever</h2>
      <div className="field">
        <select aria-labelledby="retriever-title" value={selected} onChange={(e) => void app.setRetriever(e.target.value)} data-testid="retriever-select">
          <option value="bm25">BM25 (lexical, no model)</option>
          <option value={SYNTHETIC_ID}>{SYNTHETIC_LABEL}: opens the synthetic benchmark</option>
          {imported && <option value={IMPORTED_ID}>Embeddings from {imported.source} (no model)</option>}
          <optgroup label="Dense encoders (downloaded once, then cached)">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} · {m.dimensions}d{m.dtypes.q8 ? ` · ~${m.dtypes.q8.approxMB < 1 ? '<1' : Math.round(m.dtypes.q8.approxMB)} MB` : ''}
              </option>
            ))}
          </optgroup>
        </select>
        {entry && <div className="hint">{entry.notes}</div>}
        <label className="check small">
          <input type="checkbox" checked={origin === 'served'} onChange={(e) => app.setModelOrigin(e.target.checked ? 'served' : 'hub')} />
          load hub models from this site&apos;s /models/ folder instead of huggingface.co
        </label>
      </div>

      <DeviceChoice />
      {(pendingEntry ?? entry) && (
        <ModelCard entry={(pendingEntry ?? entry)!} preference={preference} fromHub={Boolean((pendingEntry ?? entry)!.hub) && origin === 'hub'} />
      )}

      {pendingEntry && (
        <div className="hint-box" data-testid="pending-model">
          Download <b>{pendingEntry.label}</b> (see its size above)? It is kept in this browser&apos;s cache afterwards. The current retriever ranks until it is
          loaded.
          <div className="inline">
            <button type="button" className="button small primary" onClick={() => void app.setRetriever(pendingEntry.id, { confirmed: true })}>
              Load it
            </button>
            <button type="button" className="button small" onClick={() => app.dismissModelProblem()}>
              Not now
            </button>
          </div>
        </div>
      )}

      {loading && (
        <ProgressBar
          testId="model-loading"
          hideCount
          label={`Loading ${loading.label}…`}
          progress={
            loading.progress
              ? {
                  stage: `${loading.progress.stage === 'download' ? 'downloading' : loading.progress.stage === 'probe' ? 'checking WebGPU against WASM' : 'starting'} ${loading.label} (${formatBytes(loading.progress.loadedBytes)} of ${formatBytes(loading.progress.totalBytes)})`,
                  done: Math.round(loading.progress.fraction * 100),
                  total: 100,
                }
              : null
          }
          onCancel={() => app.cancelModelLoad()}
        />
      )}
      {embedding && <ProgressBar testId="embedding-progress" label="Embedding passages…" progress={embedding} onCancel={() => app.cancelEmbedding()} />}
      {problem && <ProblemBox testId="model-problem" message={problem} onDismiss={() => app.dismissModelProblem()} />}

      <div className="device" data-testid="device-badge">
        {retrieverId === SYNTHETIC_ID ? (
          <>
            <span className="badge neutral">Synthetic</span>
            <span className="hint">
              The synthetic benchmark’s own vectors ({info?.dim}d), generated with it: no model runs, and typed text cannot be ranked.
            </span>
          </>
        ) : retrieverId === IMPORTED_ID ? (
          <>
            <span className="badge neutral">File</span>
            <span className="hint">
              Rows read from {imported?.source}: no model runs or is downloaded · {info?.dim}d
            </span>
          </>
        ) : retrieverId === 'bm25' || !info ? (
          <>
            <span className="badge neutral">No model</span>
            <span className="hint">BM25 needs no model: it counts shared words, in a worker. Strong within a language, blind across scripts.</span>
          </>
        ) : (
          <>
            <span className={`badge ${info.device}`}>{info.device === 'webgpu' ? 'WebGPU' : 'WASM'}</span>
            {/* The check against the reference embeddings is for developers: on hover, not in the line. */}
            <span className="hint" title={info.probeCosine !== undefined ? `cosine with the reference embedding: ${info.probeCosine.toFixed(4)}` : undefined}>
              {info.deviceReason} · {info.dtype} · {info.dim}d
              {info.device === 'wasm'
                ? ` · ${info.threads} thread${info.threads === 1 ? '' : 's'}${info.crossOriginIsolated ? '' : ' (page not cross-origin isolated)'}`
                : ''}
            </span>
          </>
        )}
      </div>
      {restoredFrom && (
        <div className="hint" data-testid="restored-rows">
          Restored rows: this corpus&apos;s passages and questions are answered from {restoredFrom}; the model embeds only other text.
        </div>
      )}
      <CacheStatusLine />
    </section>
  );
}

import { MODEL_REGISTRY } from '../../encoder/model-registry';
import { useApp } from '../store/app-store';

export function RetrieverSection() {
  const retrieverId = useApp((s) => s.retrieverId);
  const info = useApp((s) => s.encoderInfo);
  const models = MODEL_REGISTRY.filter((m) => m.kind !== 'bench');
  return (
    <section className="panel-section" aria-labelledby="retriever-title">
      <h2 id="retriever-title">Retriever</h2>
      <div className="field">
        <select aria-labelledby="retriever-title" value={retrieverId} onChange={(e) => void useApp.getState().setRetriever(e.target.value)} data-testid="retriever-select">
          <option value="bm25">BM25 (lexical, no model)</option>
          <optgroup label="Dense encoders (download once, then cached)">
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} · {m.dimensions}d{m.dtypes.q8 ? ` · ~${Math.round(m.dtypes.q8.approxMB)} MB` : ''}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="device" data-testid="device-badge">
        {retrieverId === 'bm25' || !info ? (
          <>
            <span className="badge neutral">CPU</span>
            <span className="hint">BM25 needs no model: it runs in a worker on word counts. Strong within a language, blind across scripts.</span>
          </>
        ) : (
          <>
            <span className={`badge ${info.device}`}>{info.device === 'webgpu' ? 'WebGPU' : 'WASM'}</span>
            <span className="hint">
              {info.deviceReason} · {info.dtype}
              {info.device === 'wasm' ? ` · ${info.threads} thread${info.threads === 1 ? '' : 's'}` : ''}
            </span>
          </>
        )}
      </div>
    </section>
  );
}

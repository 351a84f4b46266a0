import { MODEL_REGISTRY } from '../../../encoder/model-registry';
import { useApp } from '../../app-store';
import { ProgressBar } from '../../ui/progress-bar';
import { freeTextNote, IMPORTED_ID } from '../setup/imported-embeddings';

/** Over an embeddings file: where the rows came from, and what typed text needs (a model, downloaded only then). */
export function ImportedBanner() {
  const imported = useApp((s) => (s.retrieverId === IMPORTED_ID ? s.imported : null));
  const ready = useApp((s) => s.freeTextReady);
  const loading = useApp((s) => s.freeTextLoading);
  if (!imported) return null;
  const models = MODEL_REGISTRY.filter((m) => m.kind !== 'bench' && m.dimensions === imported.dim);
  return (
    <div className="hint-box" role="note" data-testid="imported-banner">
      {ready && imported.model
        ? `These embeddings came from ${imported.source}; typed questions are embedded by ${imported.model.entry.label}.`
        : freeTextNote(imported)}
      {!imported.model && !imported.adapted && (
        <div className="inline">
          <select
            aria-label="The model that made these embeddings"
            value=""
            onChange={(e) => useApp.getState().pickFreeTextModel(e.target.value)}
            data-testid="imported-model-select"
          >
            <option value="">pick the model…</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && (
        <ProgressBar
          testId="free-text-model-loading"
          hideCount
          label={`Loading ${loading.label} for typed text…`}
          progress={
            loading.progress ? { stage: `Loading ${loading.label} for typed text…`, done: Math.round(loading.progress.fraction * 100), total: 100 } : null
          }
        />
      )}
    </div>
  );
}

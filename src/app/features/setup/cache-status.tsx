import { useEffect, useState } from 'react';
import { formatMB } from '../../../encoder/download-plan';
import { clearModelCaches, formatBytes } from '../../shared/encoder-cache';
import { refreshModelCache, useModelCache } from '../../shared/model-cache-listing';
import { useApp } from '../../app-store';

export function CacheStatusLine() {
  const status = useModelCache();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedModel = useApp((s) => s.encoderInfo?.encoderId);
  // A finished load has written its files: read the cache again (the model card shows the same reading).
  useEffect(() => void refreshModelCache(), [loadedModel]);

  const clear = async () => {
    setBusy(true);
    // A model in use would write its files and embeddings straight back: go back to BM25 first.
    if (useApp.getState().retrieverId !== 'bm25') await useApp.getState().setRetriever('bm25');
    setMessage(await clearModelCaches());
    setBusy(false);
    await refreshModelCache();
  };

  return (
    <div className="cache-status" data-testid="cache-status">
      <span className="hint">
        Cache: {status ? `${status.files.length} model file${status.files.length === 1 ? '' : 's'} (${formatMB(status.bytes / 1e6)})` : 'unknown'}
        {status?.usage !== undefined ? ` · site storage ${formatBytes(status.usage)}${status.quota ? ` of ${formatBytes(status.quota)}` : ''}` : ''}
      </span>
      <button type="button" className="link-button" onClick={() => void clear()} disabled={busy}>
        {busy ? 'clearing…' : 'clear'}
      </button>
      {message && <div className="hint">{message}</div>}
    </div>
  );
}

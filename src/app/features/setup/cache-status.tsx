import { useCallback, useEffect, useState } from 'react';
import { clearModelCaches, formatBytes, readCacheStatus, type CacheStatus } from '../../shared/encoder-cache';
import { useApp } from '../../app-store';

export function CacheStatusLine() {
  const [status, setStatus] = useState<CacheStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loadedModel = useApp((s) => s.encoderInfo?.encoderId);
  const refresh = useCallback(() => void readCacheStatus().then(setStatus, () => setStatus(null)), []);
  useEffect(refresh, [refresh, loadedModel]);

  const clear = async () => {
    setBusy(true);
    // A model in use would write its files and embeddings straight back: go back to BM25 first.
    if (useApp.getState().retrieverId !== 'bm25') await useApp.getState().setRetriever('bm25');
    setMessage(await clearModelCaches());
    setBusy(false);
    refresh();
  };

  return (
    <div className="cache-status" data-testid="cache-status">
      <span className="hint">
        Cache: {status ? `${status.modelFiles} model file${status.modelFiles === 1 ? '' : 's'} (${formatBytes(status.modelBytes)})` : 'unknown'}
        {status?.usage !== undefined ? ` · site storage ${formatBytes(status.usage)}${status.quota ? ` of ${formatBytes(status.quota)}` : ''}` : ''}
      </span>
      <button type="button" className="link-button" onClick={() => void clear()} disabled={busy}>
        {busy ? 'clearing…' : 'clear'}
      </button>
      {message && <div className="hint">{message}</div>}
    </div>
  );
}

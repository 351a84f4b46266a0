import { useEffect, useState } from 'react';
import type { DevicePreference } from '../../../encoder/device-policy';
import { formatMB, planDownload, type DownloadPlan } from '../../../encoder/download-plan';
import { cachedFilesOf, type CachedFiles } from '../../../encoder/model-file-cache';
import type { ModelEntry } from '../../../encoder/model-registry';
import { refreshModelCache, useModelCache } from '../../shared/model-cache-listing';
import { pageGpuReport } from './page-gpu';

/** Registry fields some entries carry (issue 9's model side adds them): shown when present. */
type CardExtras = { languages?: string | number | readonly string[]; card?: string };

function languagesText(languages: CardExtras['languages']): string | null {
  if (languages === undefined) return null;
  if (typeof languages === 'number') return `${languages} languages`;
  if (typeof languages === 'string') return languages;
  return languages.length > 12 ? `${languages.length} languages (${languages.slice(0, 12).join(', ')}, …)` : languages.join(', ');
}

function prefixText(entry: ModelEntry): string {
  const { query, passage } = entry.prefixes;
  if (!query && !passage) return 'none';
  return `query "${query}", passage "${passage}"`;
}

/**
 * The plan (device, dtype, size, why) for one model, and what the browser's cache already holds
 * of it: read from the same cache snapshot as the cache line below the card, refreshed on a change.
 */
function useDownloadFacts(entry: ModelEntry, preference: DevicePreference, fromHub: boolean): { plan: DownloadPlan | null; cached: CachedFiles | null } {
  const [facts, setFacts] = useState<{ key: string; plan: DownloadPlan | null }>({ key: '', plan: null });
  const listing = useModelCache();
  const key = `${entry.id}|${preference}|${fromHub}`;
  useEffect(() => {
    let live = true;
    void refreshModelCache();
    void (async () => {
      const plan = planDownload(entry, await pageGpuReport(), preference);
      if (live) setFacts({ key, plan });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [entry, preference, fromHub, key]);
  const plan = facts.key === key ? facts.plan : null;
  return { plan, cached: plan && fromHub && listing ? cachedFilesOf(listing.files, entry, plan.dtype) : null };
}

/** The model's card before (and while) it downloads: what it is, what it costs, and why. */
export function ModelCard({ entry, preference, fromHub }: { entry: ModelEntry; preference: DevicePreference; fromHub: boolean }) {
  const { plan, cached } = useDownloadFacts(entry, preference, fromHub);
  const extras = entry as ModelEntry & CardExtras;
  const languages = languagesText(extras.languages);
  return (
    <div className="model-card" data-testid="model-card">
      <div className="model-card-title">
        <b>{entry.label}</b> <span className="muted">{entry.family}</span>
      </div>
      <dl>
        <dt>Dimensions</dt>
        <dd data-testid="card-dimensions">{entry.dimensions}</dd>
        <dt>Pooling</dt>
        <dd>{entry.pooling === 'cls' ? 'CLS token' : entry.pooling === 'mean' ? 'mean of the tokens' : entry.pooling}</dd>
        <dt>Prefixes</dt>
        <dd>{prefixText(entry)}</dd>
        {languages && (
          <>
            <dt>Languages</dt>
            <dd>{languages}</dd>
          </>
        )}
        <dt>Licence</dt>
        <dd>{entry.licence}</dd>
        <dt>Download</dt>
        <dd data-testid="card-download">
          {plan ? (
            <>
              <b>{formatMB(plan.approxMB)}</b> ({plan.dtype} on {plan.device === 'webgpu' ? 'WebGPU' : 'WASM'}): {plan.dtypeReason}; {plan.deviceReason}
              {plan.probeNote ? `; ${plan.probeNote}` : ''}
            </>
          ) : (
            'working out…'
          )}
        </dd>
        {cached && plan && (
          <>
            <dt>In this browser</dt>
            <dd data-testid="card-cached">
              {cached.missing.length === 0
                ? `all ${cached.cached.length} files are cached (${formatMB(cached.cachedBytes / 1e6)}): nothing to download`
                : cached.cachedBytes > 0
                  ? `${formatMB(cached.cachedBytes / 1e6)} already cached (${cached.cached.map((c) => c.file).join(', ')}): the download resumes from there`
                  : 'nothing cached yet'}
            </dd>
          </>
        )}
      </dl>
      {extras.card && (
        <a href={extras.card} target="_blank" rel="noreferrer">
          model card
        </a>
      )}
    </div>
  );
}

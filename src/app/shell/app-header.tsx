import { useState } from 'react';
import type { ViewTab } from '../../core/view-state/view-state';
import { useApp } from '../app-store';
import { TOUR_STEPS } from '../../core/teaching/tour';
import { showTourStep } from '../features/tour/tour-slot';
import { currentViewUrl } from '../shared/url-sync';

const TABS: { id: ViewTab; label: string }[] = [
  { id: 'ranking', label: 'Ranking' },
  { id: 'evaluation', label: 'Evaluation' },
  { id: 'training', label: 'Training' },
];

export function AppHeader() {
  const tab = useApp((s) => s.tab);
  const presenter = useApp((s) => s.presenter);
  const corpusName = useApp((s) => s.active?.corpus.name);
  const retriever = useApp((s) => s.encoderInfo?.label ?? (s.retrieverId === 'bm25' ? 'BM25' : s.retrieverId));
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  const share = async () => {
    const url = currentViewUrl();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no'); // no clipboard permission: the address bar holds the same link
    }
    setTimeout(() => setCopied(null), 2500);
  };

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-title">Cross-lingual retrieval lab</span>
        {corpusName && (
          <span className="brand-context" data-testid="header-context">
            {corpusName} · {retriever}
          </span>
        )}
      </div>
      <nav className="tabs" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className="tab"
            data-testid={`tab-${t.id}`}
            onClick={() => useApp.getState().setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <div className="header-actions">
        <button
          type="button"
          className="button ghost"
          onClick={() => showTourStep(TOUR_STEPS[0].id)}
          title="A guided tour of the paper's story, step by step"
          data-testid="tour-start"
        >
          Tour
        </button>
        <button type="button" className="button ghost" onClick={() => void share()} title="Copy a link to exactly this view">
          {copied === 'yes' ? 'Link copied' : copied === 'no' ? 'Copy the address bar' : 'Share link'}
        </button>
        <button
          type="button"
          className="button ghost"
          aria-pressed={presenter}
          onClick={() => useApp.getState().setPresenter(!presenter)}
          title="Large type for a projector (p)"
        >
          {presenter ? 'Exit presenter' : 'Presenter'}
        </button>
        <button
          type="button"
          className="button ghost round"
          onClick={() => useApp.getState().setHelpOpen(true)}
          aria-label="Help and keyboard shortcuts (?)"
          title="Help (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}

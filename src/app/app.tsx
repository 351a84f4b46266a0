import { useEffect } from 'react';
import { HelpOverlay } from './components/help-overlay';
import { AppHeader } from './components/app-header';
import { EvaluationTab } from './components/evaluation-tab';
import { Notices } from './components/notices';
import { RankingTab } from './components/ranking-tab';
import { SetupPanel } from './components/setup-panel';
import { TrainingTab } from './components/training-tab';
import { useKeyboardShortcuts } from './hooks/use-keyboard-shortcuts';
import { useApp } from './store/app-store';
import { useTraining } from './training/training-slice';

export function App() {
  const tab = useApp((s) => s.tab);
  const presenter = useApp((s) => s.presenter);
  const helpOpen = useApp((s) => s.helpOpen);
  const corpus = useApp((s) => s.active?.corpus ?? null);
  const encoderId = useApp((s) => (s.retrieverId !== 'bm25' ? (s.encoderInfo?.encoderId ?? null) : null));
  useKeyboardShortcuts();
  // The same corpus and model as a past run in this browser: show its results and adapters again.
  useEffect(() => {
    void useTraining.getState().restoreCachedTraining({ corpus, encoderId });
  }, [corpus, encoderId]);
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);

  return (
    <div className="app">
      <AppHeader />
      <Notices />
      <div className="layout">
        {!presenter && <SetupPanel />}
        <main className="main" id="main">
          {tab === 'ranking' ? <RankingTab /> : tab === 'evaluation' ? <EvaluationTab /> : <TrainingTab />}
        </main>
      </div>
      {helpOpen && <HelpOverlay />}
    </div>
  );
}

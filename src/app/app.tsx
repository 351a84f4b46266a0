import { useEffect } from 'react';
import { useApp } from './app-store';
// The features in the order their stylesheets should cascade (each imports its own, after tokens.css, shell/shell.css and controls.css).
import { SetupPanel } from './features/setup/setup-panel';
import { RankingTab } from './features/ranking/ranking-tab';
import { EvaluationTab } from './features/evaluation/evaluation-tab';
import { TrainingTab } from './features/training/training-tab';
import { useTraining } from './features/training/training-slice';
import { useKeyboardShortcuts } from './shared/use-keyboard-shortcuts';
import { TourSlot } from './features/tour/tour-slot';
import { AppHeader } from './shell/app-header';
import { HelpOverlay } from './shell/help-overlay';
import { Notices } from './shell/notices';

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
      <TourSlot />
      {helpOpen && <HelpOverlay />}
    </div>
  );
}

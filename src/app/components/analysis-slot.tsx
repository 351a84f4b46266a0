/**
 * SLOT for the analysis helper's charts (src/app/analysis/analysis-view.tsx, export AnalysisView).
 * Found with import.meta.glob so this page builds whether or not that file exists yet; until it
 * does, the summary table above is the whole analysis.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import type { Corpus } from '../../core/corpus/types';
import type { EvalReport } from '../../core/evaluation/eval-report';

export interface AnalysisViewProps {
  report: EvalReport;
  compare?: EvalReport;
  corpus: Corpus;
  compareCorpus?: Corpus;
  reportLabel?: string;
  compareLabel?: string;
}

const modules = import.meta.glob<{ AnalysisView: ComponentType<AnalysisViewProps> }>('../analysis/analysis-view.tsx');
const load = Object.values(modules)[0];
const AnalysisView = load ? lazy(async () => ({ default: (await load()).AnalysisView })) : null;

export function AnalysisSlot(props: AnalysisViewProps) {
  if (!AnalysisView) return null;
  return (
    <section className="analysis-slot" aria-label="Analysis" data-testid="analysis-slot">
      <Suspense fallback={<div className="hint-box">Loading charts…</div>}>
        <AnalysisView {...props} />
      </Suspense>
    </section>
  );
}

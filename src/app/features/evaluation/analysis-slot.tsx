/**
 * The analysis charts (src/app/features/analysis/analysis-view.tsx) for the Evaluation tab, loaded lazily:
 * recharts and the chart code stay out of the first page load.
 */
import { lazy, Suspense } from 'react';
import type { AnalysisViewProps } from '../analysis/analysis-view';

const AnalysisView = lazy(async () => ({ default: (await import('../analysis/analysis-view')).AnalysisView }));

export function AnalysisSlot(props: AnalysisViewProps) {
  return (
    <section className="analysis-slot" aria-label="Analysis" data-testid="analysis-slot">
      <Suspense fallback={<div className="hint-box">Loading charts…</div>}>
        <AnalysisView {...props} />
      </Suspense>
    </section>
  );
}

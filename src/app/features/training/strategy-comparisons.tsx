/**
 * Each trained strategy against the untrained model, through the one comparison model
 * (compareReports: B minus A, caveats, common cells, significance tested in a worker).
 */
import { useMemo } from 'react';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import { ComparisonSection } from '../comparison/comparison-section';
import type { ComparePair } from '../comparison/comparison-messages';
import { useComparisons, type ComparisonsState } from '../comparison/use-comparisons';

/** The figures of the results table (mAP, R@1, R@10, rank distance); the others stay in Evaluation. */
const SHOWN = ['ap', 'recallAt1', 'recallAt10', 'maxRankDistance'];

/** One comparison per strategy, in result.strategies' order, the untrained model as A. */
export function useStrategyComparisons(result: ExperimentResult | null): ComparisonsState {
  const pairs = useMemo<ComparePair[]>(
    () => (result ? result.strategies.map((s) => ({ aLabel: result.baseline.label, a: result.baseline.report, bLabel: s.label, b: s.report })) : []),
    [result],
  );
  return useComparisons(pairs);
}

export function StrategyComparisons({ result, state }: { result: ExperimentResult; state: ComparisonsState }) {
  return (
    <div className="tr-comparisons" data-testid="strategy-comparisons">
      <h3>Each strategy against the untrained model</h3>
      {state.comparisons.map((c, i) => (
        <details key={c.b} className="tr-comparison" open={i === state.comparisons.length - 1} data-strategy={result.strategies[i].name}>
          <summary>{c.heading}</summary>
          <ComparisonSection
            comparison={c}
            a={result.baseline.report}
            b={result.strategies[i].report}
            status={state.status}
            problem={state.problem}
            metrics={SHOWN}
            testId={`comparison-${result.strategies[i].name}`}
            level={4}
          />
        </details>
      ))}
    </div>
  );
}

import type { Caveat } from '../../../core/comparison/compare-reports';
import './comparison.css';

/** The caveats of a comparison (compareReports), each as a sentence; nothing when there are none. */
export function CaveatList({ caveats, testId = 'comparison-caveats' }: { caveats: readonly Caveat[]; testId?: string }) {
  if (caveats.length === 0) return null;
  return (
    <ul className="cmp-caveats" role="note" aria-label="Caveats" data-testid={testId}>
      {caveats.map((c, i) => (
        <li key={i} data-kind={c.kind}>
          <span aria-hidden="true">⚠ </span>
          {c.message}
        </li>
      ))}
    </ul>
  );
}

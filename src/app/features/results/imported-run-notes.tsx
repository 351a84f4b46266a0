import { boundsCaveat } from '../../../core/runs/describe-diagnostics';
import { useApp } from '../../app-store';

/** Under an imported run's figures in Evaluation: the bounds caveat and what the import counted. */
export function ImportedRunNotes({ reportId }: { reportId: string }) {
  const run = useApp((s) => s.importedRuns.find((r) => r.id === reportId));
  if (!run) return null;
  const caveat = boundsCaveat(run.diagnostics);
  return (
    <div className="hint-box" data-testid="imported-run-notes">
      <p className={caveat ? 'results-bounds' : undefined} data-testid="imported-run-bounds">
        {caveat ?? `Exact figures: every relevant item of every scored query is in ${run.file}.`}
      </p>
      <p className="small">
        Imported from {run.file}, judged by {run.judgments}.
      </p>
      <ul className="small">
        {run.diagnostics.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

import { boundsCaveat } from '../../../core/runs/describe-diagnostics';
import { useApp } from '../../app-store';
import type { ImportedRunEntry } from './results-slice';

/**
 * Under an imported report's figures in Evaluation: the bounds caveat and what the import counted,
 * for each run the report holds (one, or each part of a merged system, named by its file).
 */
export function ImportedRunNotes({ reportId }: { reportId: string }) {
  const all = useApp((s) => s.importedRuns);
  const runs = all.filter((r) => r.reportId === reportId);
  if (runs.length === 0) return null;
  return (
    <div className="hint-box" data-testid="imported-run-notes">
      {runs.map((run) => (
        <RunNotes key={run.id} run={run} named={runs.length > 1} />
      ))}
    </div>
  );
}

/** `named`: the caveat starts with the file's name, telling the parts of a merged report apart. */
function RunNotes({ run, named }: { run: ImportedRunEntry; named: boolean }) {
  const caveat = boundsCaveat(run.diagnostics);
  return (
    <div data-testid="imported-run-part" data-file={run.file}>
      <p className={caveat ? 'results-bounds' : undefined} data-testid="imported-run-bounds">
        {caveat ? `${named ? `${run.file}: ` : ''}${caveat}` : `Exact figures: every relevant item of every scored query is in ${run.file}.`}
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

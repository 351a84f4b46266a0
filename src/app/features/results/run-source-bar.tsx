import { boundsCaveat } from '../../../core/runs/describe-diagnostics';
import { useApp } from '../../app-store';

/**
 * Above the ranking, once results are opened: list the question from an imported run instead of
 * ranking it with the retriever. Says which run query is shown and, for a truncated run, that its
 * figures are bounds.
 */
export function RunSourceBar() {
  const runs = useApp((s) => s.importedRuns);
  const chosen = useApp((s) => s.rankingRunId);
  const retriever = useApp((s) => s.encoderInfo?.label ?? (s.retrieverId === 'bm25' ? 'BM25' : s.retrieverId));
  const ranking = useApp((s) => s.ranking);
  if (runs.length === 0) return null;
  const run = runs.find((r) => r.id === chosen);
  const caveat = run ? boundsCaveat(run.diagnostics) : null;
  return (
    <div className="run-source-bar" data-testid="run-source-bar">
      <label className="field compact">
        <span>Ranked by</span>
        <select value={chosen ?? ''} onChange={(e) => useApp.getState().setRankingRun(e.target.value || null)} data-testid="ranking-source">
          <option value="">{retriever} (ranks here)</option>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {run && ranking && (
        <span className="hint" data-testid="run-source-note">
          The run’s own list: ranks and scores as {run.file} gives them, {ranking.main.poolSize.toLocaleString('en')} entries for this question.
          {caveat ? ` ${caveat}` : ''}
        </span>
      )}
    </div>
  );
}

import { METRICS, SETTINGS } from '../../../core/metrics/registry';
import { languageName } from '../../shared/lang-names';
import { useApp } from '../../app-store';
import { ProgressBar } from '../../ui/progress-bar';

export function RankingSummary() {
  const ranking = useApp((s) => s.ranking);
  const busy = useApp((s) => s.rankingBusy || s.rankingPending);
  const progress = useApp((s) => s.rankingProgress);
  const problem = useApp((s) => s.rankingProblem);
  const loading = useApp((s) => !!s.corpusLoading && !s.active);
  const sideBySide = useApp((s) => s.sideRanking !== null);

  if (loading) return <ProgressBar progress={null} label="Opening the corpus…" />;
  if (problem)
    return (
      <div className="hint-box" data-testid="ranking-problem">
        {problem}
      </div>
    );
  if (!ranking) return busy ? <ProgressBar progress={progress} label="Ranking…" /> : null;

  const m = ranking.main.metrics;
  const found = ranking.main.top.filter((c) => c.relevant).length;
  const pool = ranking.poolLangs.length === 1 ? `${languageName(ranking.poolLangs[0])} passages` : `${ranking.poolLangs.length} languages`;
  return (
    <div className="summary-strip" data-testid="ranking-summary" aria-live="polite">
      <span className="summary-setting">{`${SETTINGS[ranking.setting].label}${ranking.setting === 'multi' ? ' pool' : ''}`}</span>
      <span>
        {ranking.main.poolSize.toLocaleString('en')} candidates · {pool}
      </span>
      {ranking.strategy !== 'untrained' && !sideBySide && (
        <span className="summary-strategy" data-testid="summary-strategy">
          {ranking.label}
        </span>
      )}
      {sideBySide ? (
        <span className="muted">side by side: the figures are above each list</span>
      ) : m ? (
        <>
          <span>
            answers in top {ranking.topK}: <b>{found}</b> of {ranking.main.answers.length}
          </span>
          <span title="Average precision of this question in this pool">
            AP <b>{m.ap.toFixed(METRICS.ap.digits)}</b>
          </span>
          <span title="Rank of the first answer">
            first answer at <b>{ranking.main.answers[0].rank.toLocaleString('en')}</b>
          </span>
        </>
      ) : (
        <span className="muted">free text: no answers to mark</span>
      )}
      <span className="muted small">{busy ? (progress ? `${progress.stage}…` : 'updating…') : `${Math.max(1, Math.round(ranking.elapsedMs))} ms`}</span>
    </div>
  );
}

import { allZeroBanner } from '../../../core/teaching/ladder-reading';
import { useApp } from '../../app-store';
import type { Ranking } from './ranking-slice';
import { directionOf } from '../../shared/lang-names';
import { LangBadge } from '../../ui/lang-badge';

/**
 * Bar widths. BM25 scores start at 0 (no shared word), so a bar is the share of the best score.
 * Cosines of a dense model sit close together (0.80 vs 0.76), so bars span the range shown.
 */
function scaleOf(scores: number[], fromZero: boolean): (s: number) => number {
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  if (fromZero && min >= 0 && max > 0) return (s) => s / max;
  const span = max - min || 1;
  return (s) => 0.1 + (0.9 * (s - min)) / span;
}

/** A ranked list; the interactive one (the main ranking) follows the keyboard selection. */
export function RankingList({ ranking, interactive = true }: { ranking: Ranking | null; interactive?: boolean }) {
  const active = useApp((s) => s.active);
  const selectedRow = useApp((s) => s.selectedRow);
  const selected = interactive ? selectedRow : -1;
  if (!ranking || !active) return <div className="ranking-list" />;
  const top = ranking.main.top;
  const scale = scaleOf(
    top.map((c) => c.score),
    ranking.retriever === 'bm25',
  );
  const banner = allZeroBanner(
    top.map((c) => c.score),
    ranking.retriever === 'bm25',
    'this list',
  );
  return (
    <>
      {banner && (
        <p className="hint-box" role="note" data-testid="all-zero-banner">
          {banner}
        </p>
      )}
      <ol className="ranking-list" aria-label="Ranked passages" data-testid="ranking-list" data-tour-panel="results">
        {top.map((c, i) => {
          const passage = active.passageById.get(c.id);
          const isSelected = i === selected;
          return (
            <li
              key={c.id}
              className={`result${c.relevant ? ' answer' : ''}${isSelected ? ' selected' : ''}`}
              data-row={interactive ? i : undefined}
              data-testid="result"
              data-lang={c.lang}
              data-id={c.id}
              data-relevant={c.relevant ? 'true' : 'false'}
              aria-current={isSelected ? 'true' : undefined}
              onClick={interactive ? () => useApp.getState().selectRow(i) : undefined}
            >
              <span className="result-rank">{c.rank}</span>
              <span className="result-score" title={`score ${c.score}`}>
                <span className="score-bar" style={{ width: `${Math.max(2, scale(c.score) * 100)}%` }} />
                <span className="score-value">{c.score.toFixed(3)}</span>
              </span>
              <LangBadge lang={c.lang} />
              <span className="result-body">
                {/* Passage text is data: rendered as text (never HTML), direction from the text itself. */}
                {passage ? (
                  <span className="result-text" dir="auto" lang={c.lang} data-dir={directionOf(c.lang)}>
                    {passage.text}
                  </span>
                ) : (
                  // An imported run may name documents the loaded corpus does not hold.
                  <span className="result-text" data-testid="result-missing">
                    {c.id} <span className="muted small result-missing-text">text not in the loaded corpus</span>
                  </span>
                )}
                {c.relevant && <span className="answer-tag">answer</span>}
                {isSelected && (
                  <span className="result-detail">
                    <span className="muted small">
                      {c.id}
                      {passage?.group ? ` · group ${passage.group}` : ''}
                    </span>
                    {passage?.context && passage.context !== passage.text && (
                      <span className="result-context" dir="auto" lang={c.lang}>
                        {passage.context}
                      </span>
                    )}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

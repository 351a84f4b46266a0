import { useApp } from '../../app-store';
import type { Ranking } from './ranking-slice';
import { AnswerLadder } from './answer-ladder';
import { RankingList } from './ranking-list';

function ColumnFigures({ ranking }: { ranking: Ranking }) {
  const m = ranking.main.metrics;
  if (!m) return <p className="muted small">free text: no answers to mark</p>;
  const found = ranking.main.top.filter((c) => c.relevant).length;
  return (
    <p className="side-figures" data-testid="side-figures" data-ap={m.ap}>
      AP <b>{m.ap.toFixed(3)}</b> · first answer at <b>{ranking.main.answers[0].rank.toLocaleString('en')}</b> · answers in top {ranking.topK}: <b>{found}</b>
    </p>
  );
}

/** The same query ranked by two strategies, each with its answer ladder; the right ladder says how far each answer moved. */
export function SideBySide() {
  const left = useApp((s) => s.ranking);
  const right = useApp((s) => s.sideRanking);
  if (!left || !right) return null;
  return (
    <div className="side-by-side" data-testid="side-by-side">
      {[left, right].map((ranking, i) => (
        <section key={i} className="side-column" aria-label={ranking.label} data-testid={i === 0 ? 'side-left' : 'side-right'} data-strategy={ranking.strategy}>
          <h3 className="side-title">{ranking.label}</h3>
          <ColumnFigures ranking={ranking} />
          <AnswerLadder ranking={ranking} against={i === 1 ? left : null} inline />
          <RankingList ranking={ranking} interactive={i === 0} />
        </section>
      ))}
    </div>
  );
}

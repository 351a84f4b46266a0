import { useApp } from '../../app-store';
import { AnswerLadder } from './answer-ladder';
import { EmbeddingMapSlot } from './embedding-map-slot';
import { QueryBar } from './query-bar';
import { RankingList } from './ranking-list';
import { RankingSummary } from './ranking-summary';
import { SideBySide } from './side-by-side';
import { StrategyBar } from './strategy-bar';
import './ranking.css';

export function RankingTab() {
  const pending = useApp((s) => s.rankingPending || s.rankingBusy);
  const ranking = useApp((s) => s.ranking);
  const sideBySide = useApp((s) => s.sideRanking !== null);
  return (
    <div className="ranking-tab" data-testid="ranking-tab" data-settled={pending ? 'false' : 'true'}>
      <QueryBar />
      <StrategyBar />
      <RankingSummary />
      {sideBySide ? (
        <SideBySide />
      ) : (
        <div className="ranking-columns">
          <RankingList ranking={ranking} />
          <AnswerLadder ranking={ranking} />
        </div>
      )}
      <EmbeddingMapSlot />
    </div>
  );
}

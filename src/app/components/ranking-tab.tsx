import { useApp } from '../store/app-store';
import { AnswerLadder } from './answer-ladder';
import { EmbeddingMapSlot } from './embedding-map-slot';
import { QueryBar } from './query-bar';
import { RankingList } from './ranking-list';
import { RankingSummary } from './ranking-summary';

export function RankingTab() {
  const pending = useApp((s) => s.rankingPending || s.rankingBusy);
  return (
    <div className="ranking-tab" data-testid="ranking-tab" data-settled={pending ? 'false' : 'true'}>
      <QueryBar />
      <RankingSummary />
      <div className="ranking-columns">
        <RankingList />
        <AnswerLadder />
      </div>
      <EmbeddingMapSlot />
    </div>
  );
}

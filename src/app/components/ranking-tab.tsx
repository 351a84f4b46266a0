import { AnswerLadder } from './answer-ladder';
import { QueryBar } from './query-bar';
import { RankingList } from './ranking-list';
import { RankingSummary } from './ranking-summary';

export function RankingTab() {
  return (
    <div className="ranking-tab">
      <QueryBar />
      <RankingSummary />
      <div className="ranking-columns">
        <RankingList />
        <AnswerLadder />
      </div>
    </div>
  );
}

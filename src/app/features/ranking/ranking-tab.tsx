import { useApp } from '../../app-store';
import { AnswerLadder } from './answer-ladder';
import { EmbeddingMapSlot } from './embedding-map-slot';
import { Orientation } from './orientation';
import { QueryBar } from './query-bar';
import { RankingList } from './ranking-list';
import { RankingSummary } from './ranking-summary';
import { SideBySide } from './side-by-side';
import { StrategyBar } from './strategy-bar';
import { SyntheticBanner } from './synthetic-banner';
import { ImportedBanner } from './imported-banner';
import { RunSourceBar } from '../results/run-source-bar';
import './ranking.css';
import './ranking-ladder.css';
import './ranking-small-screens.css';

export function RankingTab() {
  const pending = useApp((s) => s.rankingPending || s.rankingBusy);
  const ranking = useApp((s) => s.ranking);
  const sideBySide = useApp((s) => s.sideRanking !== null);
  const retrieverId = useApp((s) => s.retrieverId);
  const newLabel = useApp((s) => s.encoderInfo?.label ?? 'BM25');
  // Until the new retriever's ranking arrives (a model embeds the passages first), the list on
  // screen is the previous retriever's: it must say so, never pass under the new name.
  const stale = ranking !== null && ranking.retriever !== retrieverId;
  return (
    <div className="ranking-tab" data-testid="ranking-tab" data-settled={pending ? 'false' : 'true'}>
      <Orientation />
      <SyntheticBanner />
      <ImportedBanner />
      <QueryBar />
      <StrategyBar />
      <RunSourceBar />
      <RankingSummary />
      {stale && (
        <div className="hint-box stale-ranking" role="status" data-testid="ranking-stale">
          Still the previous ranking, by <b>{ranking.label}</b>: {newLabel} is embedding the passages, and its ranking replaces this one when it is ready.
        </div>
      )}
      {sideBySide ? (
        <SideBySide />
      ) : (
        <div className={`ranking-columns${stale ? ' stale' : ''}`} data-stale={stale ? 'true' : 'false'}>
          <RankingList ranking={ranking} />
          <AnswerLadder ranking={ranking} />
        </div>
      )}
      <EmbeddingMapSlot />
    </div>
  );
}

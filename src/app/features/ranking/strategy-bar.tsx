import { STRATEGY_SHORT_NAMES } from '../../../core/training/strategy-names';
import type { RankingStrategy } from '../../../core/view-state/view-state';
import { useApp } from '../../app-store';
import { questionSplitOf, RANKING_STRATEGIES, resolveStrategy, strategyButtonLabel, usableStrategies } from './strategy-choice';
import { selectAdaptersFor, useTraining } from '../training/training-slice';

const testIdOf = (s: RankingStrategy) => (s === 'untrained' ? 'untrained' : STRATEGY_SHORT_NAMES[s]);

/**
 * Above the ranking of a dense model: which strategy ranks the query (the untrained model or a
 * trained adapter), and side by side with a second one. Before any training, a pointer to it.
 */
export function StrategyBar() {
  const encoderId = useApp((s) => (s.retrieverId !== 'bm25' ? (s.encoderInfo?.encoderId ?? null) : null));
  const strategy = useApp((s) => s.strategy);
  const compare = useApp((s) => s.compareStrategy);
  const shown = useApp((s) => s.ranking?.strategy ?? null);
  const adapters = useTraining((t) => selectAdaptersFor(t, encoderId));
  const alpha = useTraining((t) => t.trainingResult?.config.alpha ?? null);
  const testQids = useTraining((t) => t.trainingResult?.split.testQids ?? null);
  const qid = useApp((s) => (s.ranking?.questionId ? (s.active?.questionById.get(s.ranking.questionId)?.qid ?? null) : null));
  const corpusName = useApp((s) => s.active?.corpus.name ?? '');
  const app = useApp.getState();
  const asked = strategy !== 'untrained' || compare !== null;
  const waiting = asked && resolveStrategy(strategy, adapters) !== strategy;

  if (!encoderId) {
    if (!asked) return null;
    return (
      <div className="note" role="status" data-testid="strategy-note">
        This view asks for the {strategy === 'untrained' ? compare : strategy} strategy: trained adapters map a dense model&apos;s embeddings, so load a dense
        model and train them in the Training tab. BM25 ranks meanwhile.
      </div>
    );
  }
  if (!adapters) {
    return (
      <div className="strategy-bar untrained" data-testid="strategy-bar" data-trained="false">
        <span>
          Ranked by the untrained model.{' '}
          {asked
            ? `This view asks for the ${strategy === 'untrained' ? compare : strategy} adapter; adapters are kept only in the browser that trained them, for the same corpus and model. `
            : ''}
          Train adapters with monolingual, cross-lingual and hybrid batches to re-rank this query with each.
        </span>
        <button type="button" className="button small" onClick={() => app.setTab('training')} data-testid="open-training">
          Open Training
        </button>
      </div>
    );
  }

  const usable = usableStrategies(adapters);
  const questionSplit = testQids ? questionSplitOf(qid, { corpusName: adapters.corpusName, testQids }, corpusName) : null;
  return (
    <div className="strategy-bar" data-testid="strategy-bar" data-trained="true">
      <span className="strategy-label" id="strategy-title">
        Strategy
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="strategy-title">
        {RANKING_STRATEGIES.map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={shown === s}
            disabled={!usable.includes(s)}
            title={usable.includes(s) ? undefined : 'not trained in this run'}
            onClick={() => app.setStrategy(s)}
            data-testid={`strategy-${testIdOf(s)}`}
          >
            {strategyButtonLabel(s)}
            {s === 'hybrid' && alpha !== null ? ` (α=${Number(alpha.toFixed(2))})` : ''}
          </button>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={compare !== null} onChange={() => app.toggleSideBySide()} data-testid="side-by-side-toggle" />
        {compare === null ? 'Side by side' : 'Side by side with'}
      </label>
      {compare !== null && (
        <select
          value={compare}
          onChange={(e) => app.setCompareStrategy(e.target.value as RankingStrategy)}
          aria-label="Strategy shown beside"
          data-testid="compare-strategy"
        >
          {usable.map((s) => (
            <option key={s} value={s}>
              {strategyButtonLabel(s)}
            </option>
          ))}
        </select>
      )}
      <span className="hint">
        adapters over the frozen model, trained on {adapters.corpusName}
        {waiting ? `; ${strategy === 'untrained' ? compare : strategy} was not trained in this run` : ''}
      </span>
      {questionSplit && (
        <span className={`split-tag ${questionSplit}`} data-testid="question-split" data-split={questionSplit}>
          {questionSplit === 'test'
            ? `question ${qid} is in the test split: never trained on`
            : `question ${qid} was trained on: the adapters have seen its answers`}
        </span>
      )}
    </div>
  );
}

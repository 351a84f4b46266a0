/**
 * Which strategy ranks: the untrained model, or it plus one of the adapters trained in this
 * session on the same model. Pure functions the ranking and evaluation views share, so a choice a
 * link made before any training falls back to the untrained model, and labels read the same everywhere.
 */
import type { Adapter } from '../../../core/training/adapter';
import { BATCH_STRATEGIES } from '../../../core/training/strategy-names';
import type { RankingStrategy } from '../../../core/view-state/view-state';
import { findModel } from '../../../encoder/model-registry';
import type { TrainedAdapters } from '../training/training-slice';

export const RANKING_STRATEGIES: readonly RankingStrategy[] = ['untrained', ...BATCH_STRATEGIES];

/** The adapter a strategy applies; null for the untrained model or a strategy not trained on this model. */
export function adapterOf(strategy: RankingStrategy, adapters: TrainedAdapters | null): Adapter | null {
  return strategy === 'untrained' ? null : (adapters?.byStrategy[strategy] ?? null);
}

/** The strategies the ranking can use now: always the untrained model, then each trained adapter. */
export function usableStrategies(adapters: TrainedAdapters | null): RankingStrategy[] {
  return RANKING_STRATEGIES.filter((s) => s === 'untrained' || adapterOf(s, adapters));
}

/** The strategy asked for when it can be used, else the untrained model. */
export function resolveStrategy(requested: RankingStrategy, adapters: TrainedAdapters | null): RankingStrategy {
  return requested === 'untrained' || adapterOf(requested, adapters) ? requested : 'untrained';
}

/** What to put beside `strategy` when side by side starts: a trained strategy beside the untrained model (hybrid first), else the untrained model. */
export function defaultPartner(strategy: RankingStrategy, adapters: TrainedAdapters | null): RankingStrategy {
  if (strategy !== 'untrained') return 'untrained';
  const trained = usableStrategies(adapters).filter((s) => s !== 'untrained');
  return trained.includes('hybrid') ? 'hybrid' : (trained[0] ?? 'untrained');
}

/** A model's name for people: its registry label when the encoder id ("<model>@<dtype>/<pooling>") names a registry model. */
export function describeModel(encoderId: string): string {
  const modelId = encoderId.split('@')[0];
  return findModel(modelId)?.label ?? encoderId;
}

/** "hybrid adapter (α=0.5) over LaBSE", "monolingual adapter over LaBSE", "untrained LaBSE". */
export function describeStrategy(strategy: RankingStrategy, model: string, alpha: number): string {
  if (strategy === 'untrained') return `untrained ${model}`;
  if (strategy === 'hybrid') return `hybrid adapter (α=${Number(alpha.toFixed(2))}) over ${model}`;
  return `${strategy} adapter over ${model}`;
}

/**
 * Whether the adapters were fitted on this benchmark question: "test" (its id was held out of
 * training), "train", or null (free text, or the adapters were trained on another corpus).
 */
export function questionSplitOf(
  qid: string | null,
  trained: { corpusName: string; testQids: readonly string[] } | null,
  corpusName: string,
): 'test' | 'train' | null {
  if (!qid || !trained || trained.corpusName !== corpusName) return null;
  return trained.testQids.includes(qid) ? 'test' : 'train';
}

/** The short name on a switch: "Untrained", "Monolingual", "Cross-lingual", "Hybrid". */
export function strategyButtonLabel(strategy: RankingStrategy): string {
  return strategy === 'untrained' ? 'Untrained' : strategy[0].toUpperCase() + strategy.slice(1);
}

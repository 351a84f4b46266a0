/**
 * The batch strategies by name: training's public vocabulary, shared with the view state, the
 * CLI and the app without pulling in the samplers themselves. It imports nothing.
 */

/** The paper's three ways to build a contrastive batch (X-X-mono, X-Y, Hybrid). */
export type BatchStrategy = 'monolingual' | 'cross-lingual' | 'hybrid';
export const BATCH_STRATEGIES: readonly BatchStrategy[] = ['monolingual', 'cross-lingual', 'hybrid'];

/** Short names for command lines and file names. */
export type StrategyShortName = 'mono' | 'cross' | 'hybrid';

export const STRATEGY_SHORT_NAMES: Record<BatchStrategy, StrategyShortName> = {
  monolingual: 'mono',
  'cross-lingual': 'cross',
  hybrid: 'hybrid',
};

/** For tables and legends: what the batches hold, and the paper's label. */
export const STRATEGY_LABELS: Record<BatchStrategy, string> = {
  monolingual: 'Monolingual batches (X-X-mono)',
  'cross-lingual': 'Cross-lingual batches (X-Y)',
  hybrid: 'Hybrid batches',
};

/** A strategy by its short name ("mono") or its full name ("monolingual"); undefined when neither. */
export function parseStrategyName(name: string): BatchStrategy | undefined {
  const wanted = name.trim().toLowerCase();
  for (const [full, short] of Object.entries(STRATEGY_SHORT_NAMES) as [BatchStrategy, StrategyShortName][]) {
    if (wanted === full || wanted === short) return full;
  }
  return undefined;
}

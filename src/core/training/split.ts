import type { LangCode } from '../corpus/types';
import { restrictPairsIndex, type PairsIndex } from './pairs-index';
import { createRng } from '../numeric/rng';

export interface SplitOptions {
  /** Share of question ids held out for testing, in [0, 1). */
  testFraction: number;
  seed: number;
  /**
   * Languages held out entirely (zero-shot, like the paper's Greek and Vietnamese): none of their
   * questions or passages is trained on, whatever the qid.
   */
  heldOutLanguages?: readonly LangCode[];
}

export interface PairsSplit {
  /** Training pairs: train qids only, training languages only. */
  train: PairsIndex;
  trainQids: string[];
  /** Every translation of these questions is unseen in training. */
  testQids: string[];
  trainLanguages: LangCode[];
  heldOutLanguages: LangCode[];
}

/**
 * Splits by question id, so no translation of a test question is ever trained on: a qid goes to
 * test or train as a whole. round(testFraction * #qids) qids go to test, chosen by a seeded shuffle.
 */
export function splitByQid(index: PairsIndex, options: SplitOptions): PairsSplit {
  const { testFraction, seed } = options;
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw new RangeError(`splitByQid: testFraction must be in [0, 1), got ${testFraction}`);
  }
  const heldOut = [...(options.heldOutLanguages ?? [])];
  for (const lang of heldOut) {
    if (!index.languages.includes(lang)) {
      throw new RangeError(`splitByQid: held-out language "${lang}" is not among the index's languages (${index.languages.join(', ')})`);
    }
  }
  const trainLanguages = index.languages.filter((lang) => !heldOut.includes(lang));
  if (trainLanguages.length === 0) throw new RangeError('splitByQid: every language is held out; nothing is left to train on');

  // Sort first so the split depends on the seed and the set of qids, not on their input order.
  const order = [...index.qids].sort();
  createRng(seed).shuffle(order);
  const testCount = Math.round(testFraction * order.length);
  const testQids = order.slice(0, testCount);
  const trainQids = order.slice(testCount);
  const train = restrictPairsIndex(index, new Set(trainQids), trainLanguages);
  return { train, trainQids, testQids, trainLanguages, heldOutLanguages: heldOut };
}

/**
 * Batches made visible: a few batches exactly as the training sampler draws them, as
 * (question language, passage language) chips, with the in-batch negatives each pair creates.
 */
import type { Corpus, LangCode } from '../corpus/types';
import type { ExperimentConfig } from '../training/run-experiment';
import { buildPairsIndexFromCorpus, type PairsIndex } from '../training/pairs-index';
import { createSampler, type Batch } from '../training/samplers';
import type { BatchStrategy } from '../training/strategy-names';
import { splitByQid } from '../training/split';
import { samplerSeedOf } from '../training/train';

/** One square of a batch's grid: question `row` against passage `col`. */
export interface BatchCell {
  row: number;
  col: number;
  qLang: LangCode;
  pLang: LangCode;
  /** The diagonal: the question's own answer, which the loss pulls closer. */
  positive: boolean;
  /** Another question's answer that happens to be the same sentence: left out of the loss. */
  masked: boolean;
  /** Passage in the question's language. */
  sameLanguage: boolean;
}

export interface GalleryBatch {
  mode: Batch['mode'];
  step: number;
  /** One chip per pair: the question id and its two languages. */
  chips: { qid: string; qLang: LangCode; pLang: LangCode }[];
  /** size x size, row-major. */
  cells: BatchCell[];
  negatives: number;
  /** Negatives whose passage shares the question's language. */
  sameLanguageNegatives: number;
  /** Pairs whose answer is in the question's own language. */
  sameLanguagePositives: number;
}

export interface BatchGallery {
  strategy: BatchStrategy;
  batchSize: number;
  batches: GalleryBatch[];
  /** What these batches teach, from their counts. */
  reading: string;
}

export interface GalleryOptions {
  batchSize: number;
  /** How many batches to draw (the first ones of the run). */
  count: number;
  /** The experiment's seed: the gallery draws with the same sampler seed as training. */
  seed: number;
  alpha?: number;
  languages?: readonly LangCode[];
}

/** The training pairs an experiment with `config` trains on (its split of `corpus`). */
export function trainingPairsOf(corpus: Corpus, config: Pick<ExperimentConfig, 'testFraction' | 'seed' | 'heldOutLanguages'>): PairsIndex {
  const split = splitByQid(buildPairsIndexFromCorpus(corpus), {
    testFraction: config.testFraction,
    seed: config.seed,
    heldOutLanguages: config.heldOutLanguages,
  });
  return split.train;
}

export function drawBatchGallery(pairs: PairsIndex, strategy: BatchStrategy, options: GalleryOptions): BatchGallery {
  if (!Number.isInteger(options.count) || options.count < 1) {
    throw new RangeError(`drawBatchGallery: count must be a positive integer, got ${options.count}`);
  }
  const sampler = createSampler(strategy, {
    pairsIndex: pairs,
    languages: options.languages,
    batchSize: options.batchSize,
    alpha: options.alpha,
    seed: samplerSeedOf(options.seed),
  });
  const batches = Array.from({ length: options.count }, () => describeBatch(sampler.next(), pairs));
  return { strategy, batchSize: options.batchSize, batches, reading: readGallery(strategy, batches, options.alpha ?? 0.5) };
}

function describeBatch(batch: Batch, pairs: PairsIndex): GalleryBatch {
  const b = batch.qid.length;
  const cells: BatchCell[] = [];
  let negatives = 0;
  let sameLanguageNegatives = 0;
  let sameLanguagePositives = 0;
  for (let i = 0; i < b; i++) {
    if (batch.qLang[i] === batch.pLang[i]) sameLanguagePositives++;
    for (let j = 0; j < b; j++) {
      const positive = i === j;
      // The loss's mask: another question whose answer is the same sentence is no negative.
      const masked = !positive && pairs.answerGroup[batch.qid[i]] === pairs.answerGroup[batch.qid[j]];
      const sameLanguage = batch.pLang[j] === batch.qLang[i];
      cells.push({ row: i, col: j, qLang: batch.qLang[i], pLang: batch.pLang[j], positive, masked, sameLanguage });
      if (!positive && !masked) {
        negatives++;
        if (sameLanguage) sameLanguageNegatives++;
      }
    }
  }
  return {
    mode: batch.mode,
    step: batch.step,
    chips: Array.from(batch.qid, (k, i) => ({ qid: pairs.qids[k], qLang: batch.qLang[i], pLang: batch.pLang[i] })),
    cells,
    negatives,
    sameLanguageNegatives,
    sameLanguagePositives,
  };
}

function readGallery(strategy: BatchStrategy, batches: readonly GalleryBatch[], alpha: number): string {
  const sum = (f: (g: GalleryBatch) => number) => batches.reduce((s, g) => s + f(g), 0);
  const negatives = sum((g) => g.negatives);
  const sameNeg = sum((g) => g.sameLanguageNegatives);
  const pairs = sum((g) => g.chips.length);
  const samePos = sum((g) => g.sameLanguagePositives);
  const mono = batches.filter((g) => g.mode === 'monolingual');
  const n = batches.length;
  const monoLangs = [...new Set(mono.map((g) => g.chips[0]?.qLang).filter(Boolean))].join(', ');
  if (strategy === 'monolingual') {
    return (
      `Each of the ${n} batches is one language (${monoLangs}): all ${pairs} answers and ${sameNeg} of ${negatives} negatives ` +
      `share the question's language, so language never tells right from wrong, and nothing pulls translations together.`
    );
  }
  if (strategy === 'cross-lingual') {
    return (
      `${pairs - samePos} of ${pairs} answers are in another language than their question, while ${sameNeg} of ${negatives} negatives ` +
      `share the question's language: a same-language passage is more often wrong than right, so training learns to look past language.`
    );
  }
  return (
    `${mono.length} of ${n} batches were monolingual and ${n - mono.length} cross-lingual (each batch is monolingual with probability ${alpha}): ` +
    `the adapter gets both lessons, ${samePos} of ${pairs} answers in the question's language and ${sameNeg} of ${negatives} negatives too.`
  );
}

/** What the encoder e2e tests share: the fixture corpus texts and row arithmetic. */
import path from 'node:path';
import { loadJsonlCorpus } from '../../src/core/corpus/jsonl-loader';
import type { Corpus } from '../../src/core/corpus/types';
import { createFsSource } from '../../src/cli/fs-source';
import { PROJECT_ROOT } from './browser-harness';

export async function loadLexiconCorpus(): Promise<Corpus> {
  return (await loadJsonlCorpus(createFsSource(path.join(PROJECT_ROOT, 'test/fixtures')), ['lexicon-corpus.jsonl'])).corpus;
}

/** Cosine of each row pair of two row-major matrices. */
export function rowCosines(a: ArrayLike<number>, b: ArrayLike<number>, dim: number): number[] {
  if (a.length !== b.length) throw new Error(`matrices differ in size: ${a.length} vs ${b.length}`);
  const out: number[] = [];
  for (let i = 0; i < a.length; i += dim) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = 0; j < dim; j++) {
      ab += a[i + j] * b[i + j];
      aa += a[i + j] * a[i + j];
      bb += b[i + j] * b[i + j];
    }
    out.push(ab / Math.sqrt(aa * bb));
  }
  return out;
}

export function rowNorms(a: ArrayLike<number>, dim: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += a[i + j] * a[i + j];
    out.push(Math.sqrt(s));
  }
  return out;
}

export const HARNESS_READY = 'document.body.dataset.ready === "true"';

/** What the fixture-model tests share: the committed xlmr-tiny folder, its lexicon corpus, and plain dot-product ranking. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import { env } from '@huggingface/transformers';
import { expect } from 'vitest';
import type { LexiconLanguage } from '../../scripts/fixture-model/lexicon';
import { XLMR_TINY_ID } from '../../scripts/fixture-model/xlmr-tiny';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MODELS_DIR = join(ROOT, 'public/models');
export const FOLDER = join(MODELS_DIR, XLMR_TINY_ID);
export const DTYPES = ['fp32', 'fp16', 'q8'] as const;
export const ONNX_FILES = { fp32: 'model.onnx', fp16: 'model_fp16.onnx', q8: 'model_quantized.onnx' } as const;
export const HIDDEN = 64;

export interface CorpusRecord {
  kind: 'passage' | 'question';
  id: string;
  lang: LexiconLanguage;
  text: string;
  group?: string;
  qid?: string;
  answer_groups?: string[];
}

export const corpus: CorpusRecord[] = readFileSync(join(ROOT, 'test/fixtures/lexicon-corpus.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as CorpusRecord);
export const passages = corpus.filter((r) => r.kind === 'passage');
export const englishQuestions = corpus.filter((r) => r.kind === 'question' && r.lang === 'en');

export function useLocalModels(localModelPath: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${localModelPath}/`;
}

export async function embed(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  expect(output.dims).toEqual([texts.length, HIDDEN]);
  return output.data as Float32Array;
}

export function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let sum = 0;
  for (let k = 0; k < HIDDEN; k++) sum += a[i * HIDDEN + k] * b[j * HIDDEN + k];
  return sum;
}

/** Passage indices of the pool, best first, for query row q. */
export function rank(queries: Float32Array, q: number, pool: Float32Array, poolSize: number): number[] {
  const scores = Array.from({ length: poolSize }, (_, p) => dot(queries, q, pool, p));
  return scores.map((_, p) => p).sort((a, b) => scores[b] - scores[a]);
}

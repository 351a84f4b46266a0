import { describe, expect, it } from 'vitest';
import { buildPairsIndex, type PairRowInput, type PairsIndex } from './pairs-index';
import { createSampler, type Batch } from './samplers';
import type { BatchStrategy } from './strategy-names';

const languages = ['ar', 'de', 'en', 'zh'];

/** `count` qids in every language; question row = 1000 * l + k, passage row = 2000 * l + k. */
function fullIndex(count: number): PairsIndex {
  const queries: PairRowInput[] = [];
  const answers: PairRowInput[] = [];
  languages.forEach((lang, l) => {
    for (let k = 0; k < count; k++) {
      queries.push({ qid: `q${k}`, lang, row: 1000 * l + k });
      answers.push({ qid: `q${k}`, lang, row: 2000 * l + k });
    }
  });
  return buildPairsIndex({ languages, queries, answers });
}

function draw(strategy: BatchStrategy, pairsIndex: PairsIndex, batches: number, alpha = 0.5, seed = 1): Batch[] {
  const sampler = createSampler(strategy, { pairsIndex, batchSize: 100, alpha, seed });
  return Array.from({ length: batches }, () => sampler.next());
}

/** Each pair's rows are the index's (existing) rows for its qid and languages. */
function expectRowsMatch(batch: Batch, index: PairsIndex): void {
  const L = index.languages.length;
  batch.qid.forEach((k, i) => {
    expect(batch.queryIdx[i]).toBeGreaterThanOrEqual(0);
    expect(batch.passageIdx[i]).toBeGreaterThanOrEqual(0);
    expect(batch.queryIdx[i]).toBe(index.queryRow[k * L + index.languages.indexOf(batch.qLang[i])]);
    expect(batch.passageIdx[i]).toBe(index.passageRow[k * L + index.languages.indexOf(batch.pLang[i])]);
  });
}

function expectNoRepeatedQid(batch: Batch): void {
  expect(new Set(batch.qid).size).toBe(batch.qid.length);
}

describe('createSampler', () => {
  const index = fullIndex(250);

  it('monolingual: every batch is one language, every pair same-language, no qid twice', () => {
    const batches = draw('monolingual', index, 60);
    const langsSeen = new Set<string>();
    for (const batch of batches) {
      expect(batch.mode).toBe('monolingual');
      expect(new Set(batch.qLang).size).toBe(1);
      expect(batch.pLang).toEqual(batch.qLang);
      expectNoRepeatedQid(batch);
      expectRowsMatch(batch, index);
      langsSeen.add(batch.qLang[0]);
    }
    expect([...langsSeen].sort()).toEqual(languages);
  });

  it('cross-lingual: every pair has question and passage in different languages, no qid twice', () => {
    const batches = draw('cross-lingual', index, 60);
    const pairTypes = new Set<string>();
    for (const batch of batches) {
      expect(batch.mode).toBe('cross-lingual');
      batch.qLang.forEach((x, i) => {
        expect(batch.pLang[i]).not.toBe(x);
        pairTypes.add(`${x}->${batch.pLang[i]}`);
      });
      expectNoRepeatedQid(batch);
      expectRowsMatch(batch, index);
    }
    expect(pairTypes.size).toBe(languages.length * (languages.length - 1));
  });

  it('hybrid: each batch is wholly one kind, and the monolingual share converges to alpha', () => {
    for (const alpha of [0.3, 0.5]) {
      const batches = draw('hybrid', index, 2000, alpha, 17);
      let mono = 0;
      const broken: number[] = [];
      for (const batch of batches) {
        const distinctQids = new Set(batch.qid).size === batch.qid.length;
        const ok = batch.mode === 'monolingual' ? new Set([...batch.qLang, ...batch.pLang]).size === 1 : batch.qLang.every((x, i) => batch.pLang[i] !== x);
        if (batch.mode === 'monolingual') mono++;
        if (!ok || !distinctQids) broken.push(batch.step);
      }
      expect(broken).toEqual([]);
      expect(Math.abs(mono / batches.length - alpha)).toBeLessThan(0.03);
    }
  });

  it('walks every qid once per epoch of ceil(#qids / batchSize) batches, reshuffled each epoch', () => {
    const sampler = createSampler('cross-lingual', { pairsIndex: index, batchSize: 100, seed: 2 });
    expect(sampler.batchesPerEpoch).toBe(3);
    const epochs = [0, 1].map(() => Array.from({ length: 3 }, () => sampler.next()));
    for (const [e, batches] of epochs.entries()) {
      expect(batches.map((b) => b.qid.length)).toEqual([100, 100, 50]);
      expect(batches.every((b) => b.epoch === e)).toBe(true);
      const qids = batches.flatMap((b) => Array.from(b.qid));
      expect(new Set(qids).size).toBe(250);
    }
    expect(Array.from(epochs[1][0].qid)).not.toEqual(Array.from(epochs[0][0].qid));
    expect(sampler.next().epoch).toBe(2);
  });

  it('gives identical batches for the same seed and different ones for another', () => {
    const strip = (b: Batch) => ({ ...b, qid: Array.from(b.qid), queryIdx: Array.from(b.queryIdx), passageIdx: Array.from(b.passageIdx) });
    expect(draw('hybrid', index, 12, 0.5, 5).map(strip)).toEqual(draw('hybrid', index, 12, 0.5, 5).map(strip));
    expect(draw('hybrid', index, 12, 0.5, 6).map(strip)).not.toEqual(draw('hybrid', index, 12, 0.5, 5).map(strip));
  });

  it('uses only the given training languages', () => {
    const sampler = createSampler('hybrid', { pairsIndex: index, languages: ['de', 'zh'], batchSize: 50, seed: 3 });
    for (let i = 0; i < 40; i++) {
      const batch = sampler.next();
      for (const lang of [...batch.qLang, ...batch.pLang]) expect(['de', 'zh']).toContain(lang);
    }
  });

  it('draws only languages a qid exists in when translations are missing (MLQA-R style)', () => {
    // q0 in en+de only, q1 in de+zh only, q2 in en only (no cross-lingual pair possible).
    const queries: PairRowInput[] = [
      { qid: 'q0', lang: 'en', row: 0 },
      { qid: 'q0', lang: 'de', row: 1 },
      { qid: 'q1', lang: 'de', row: 2 },
      { qid: 'q1', lang: 'zh', row: 3 },
      { qid: 'q2', lang: 'en', row: 4 },
    ];
    const sparse = buildPairsIndex({ languages, queries, answers: queries });
    const cross = createSampler('cross-lingual', { pairsIndex: sparse, batchSize: 10, seed: 1 });
    expect(cross.qidCount).toBe(2);
    for (let i = 0; i < 50; i++) {
      const batch = cross.next();
      expect(batch.qid.length).toBe(2);
      expectRowsMatch(batch, sparse);
      batch.qLang.forEach((x, j) => expect(batch.pLang[j]).not.toBe(x));
    }
    const mono = createSampler('monolingual', { pairsIndex: sparse, batchSize: 10, seed: 1 });
    expect(mono.qidCount).toBe(3);
    for (let i = 0; i < 50; i++) {
      const batch = mono.next();
      expectRowsMatch(batch, sparse);
      expect(new Set(batch.qLang).size).toBeLessThanOrEqual(1);
      expect(batch.pLang).toEqual(batch.qLang);
    }
  });

  it('rejects settings that cannot make InfoNCE batches', () => {
    expect(() => createSampler('hybrid', { pairsIndex: index, batchSize: 1, seed: 1 })).toThrow(/batchSize must be an integer >= 2/);
    expect(() => createSampler('hybrid', { pairsIndex: index, batchSize: 10, alpha: 1.5, seed: 1 })).toThrow(/alpha must be in \[0, 1\]/);
    expect(() => createSampler('cross-lingual', { pairsIndex: index, languages: ['en'], batchSize: 10, seed: 1 })).toThrow(/at least two training languages/);
    expect(() => createSampler('hybrid', { pairsIndex: index, languages: ['fr'], batchSize: 10, seed: 1 })).toThrow(
      'training language "fr" is not in the pairs index (ar, de, en, zh)',
    );
  });
});

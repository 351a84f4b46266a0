import { describe, expect, it } from 'vitest';
import { generateSyntheticBenchmark, type SyntheticBenchmark } from './synthetic-benchmark';

const small = { questions: 40, dim: 48, languages: ['en', 'de', 'zh'] };

function cosine(a: Float32Array, i: number, b: Float32Array, j: number, dim: number): number {
  let s = 0;
  for (let c = 0; c < dim; c++) s += a[i * dim + c] * b[j * dim + c];
  return s;
}

/** Mean cosine of questions with their own answer in the same language, and in other languages. */
function answerCosines(bench: SyntheticBenchmark): { same: number; other: number } {
  const L = bench.languages.length;
  let same = 0;
  let other = 0;
  let nSame = 0;
  let nOther = 0;
  for (let row = 0; row < bench.queryQid.length; row++) {
    const k = bench.queryQid[row];
    for (let l = 0; l < L; l++) {
      const c = cosine(bench.queryEmb, row, bench.passageEmb, bench.answerRow[k * L + l], bench.dim);
      if (l === bench.queryLang[row]) {
        same += c;
        nSame++;
      } else {
        other += c;
        nOther++;
      }
    }
  }
  return { same: same / nSame, other: other / nOther };
}

describe('generateSyntheticBenchmark', () => {
  it('has XQuAD-R scale by default: 11 languages, 1,190 questions, d = 384, unit rows', () => {
    const bench = generateSyntheticBenchmark({ seed: 1, questions: 30 });
    expect(bench.languages).toEqual(['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh']);
    expect(bench.dim).toBe(384);
    expect(bench.queryEmb.length).toBe(11 * 30 * 384);
    for (const row of [0, 100, 329]) expect(cosine(bench.queryEmb, row, bench.queryEmb, row, 384)).toBeCloseTo(1, 5);
    expect(generateSyntheticBenchmark({ seed: 1, questions: 2 }).qids).toHaveLength(2);
  });

  it('gives every question one answer passage per language plus distractors, and the matching pairs', () => {
    const bench = generateSyntheticBenchmark({ seed: 2, ...small });
    const L = 3;
    const distractors = bench.passageQid.filter((k) => k < 0).length;
    expect(distractors).toBe(3 * 8); // 40 questions / 5 per paragraph = 8 paragraphs, 1 each, 3 languages
    for (let k = 0; k < 40; k++) {
      for (let l = 0; l < L; l++) {
        const row = bench.answerRow[k * L + l];
        expect(bench.passageQid[row]).toBe(k);
        expect(bench.passageLang[row]).toBe(l);
        expect(bench.pairs.passageRow[k * L + l]).toBe(row);
        expect(bench.queryQid[bench.pairs.queryRow[k * L + l]]).toBe(k);
      }
    }
    expect(bench.passageIds[bench.answerRow[5 * L + 1]]).toBe('de/a5');
  });

  it('is reproducible for a seed', () => {
    const a = generateSyntheticBenchmark({ seed: 3, ...small });
    const b = generateSyntheticBenchmark({ seed: 3, ...small });
    const c = generateSyntheticBenchmark({ seed: 4, ...small });
    expect(b.queryEmb).toEqual(a.queryEmb);
    expect(b.passageEmb).toEqual(a.passageEmb);
    expect(c.queryEmb).not.toEqual(a.queryEmb);
  });

  it('makes same-language answers look closer than translations, and not without language offsets', () => {
    const options = { seed: 5, ...small, questions: 200, dim: 128 };
    const biased = answerCosines(generateSyntheticBenchmark(options));
    expect(biased.same - biased.other).toBeGreaterThan(0.07);
    const neutral = answerCosines(generateSyntheticBenchmark({ ...options, languageBias: 0, lexical: 0 }));
    expect(Math.abs(neutral.same - neutral.other)).toBeLessThan(0.015);
  });
});

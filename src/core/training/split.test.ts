import { describe, expect, it } from 'vitest';
import { buildPairsIndex, type PairRowInput } from './pairs-index';
import { splitByQid } from './split';

const languages = ['en', 'de', 'el', 'vi'];

/** 50 qids in 4 languages; rows numbered language-major as the synthetic benchmark does. */
function makeIndex() {
  const queries: PairRowInput[] = [];
  const answers: PairRowInput[] = [];
  languages.forEach((lang, l) => {
    for (let k = 0; k < 50; k++) {
      queries.push({ qid: `q${k}`, lang, row: l * 50 + k });
      answers.push({ qid: `q${k}`, lang, row: l * 50 + k });
    }
  });
  return buildPairsIndex({ languages, queries, answers });
}

describe('splitByQid', () => {
  it('holds out the asked share of qids and never trains on any translation of a test qid', () => {
    const index = makeIndex();
    const split = splitByQid(index, { testFraction: 0.2, seed: 4 });
    expect(split.testQids).toHaveLength(10);
    expect(split.trainQids).toHaveLength(40);
    const test = new Set(split.testQids);
    expect(split.train.qids.some((qid) => test.has(qid))).toBe(false);
    // No training row belongs to a test qid: rows are l * 50 + k for qid q{k}.
    const testK = new Set(split.testQids.map((qid) => Number(qid.slice(1))));
    for (const row of [...split.train.queryRow, ...split.train.passageRow]) {
      expect(row).toBeGreaterThanOrEqual(0);
      expect(testK.has(row % 50)).toBe(false);
    }
  });

  it('keeps held-out languages out of training entirely, questions and passages alike', () => {
    const index = makeIndex();
    const split = splitByQid(index, { testFraction: 0.1, seed: 1, heldOutLanguages: ['el', 'vi'] });
    expect(split.trainLanguages).toEqual(['en', 'de']);
    expect(split.train.languages).toEqual(['en', 'de']);
    // el rows are 100..149 and vi rows 150..199.
    for (const row of [...split.train.queryRow, ...split.train.passageRow]) expect(row).toBeLessThan(100);
  });

  it('is reproducible for a seed and independent of the input order of qids', () => {
    const index = makeIndex();
    const a = splitByQid(index, { testFraction: 0.3, seed: 8 });
    const reversed = { ...index, qids: [...index.qids].reverse() };
    const b = splitByQid(reversed, { testFraction: 0.3, seed: 8 });
    expect(new Set(b.testQids)).toEqual(new Set(a.testQids));
    expect(splitByQid(index, { testFraction: 0.3, seed: 9 }).testQids).not.toEqual(a.testQids);
  });

  it('rejects a bad fraction, an unknown held-out language, and holding out every language', () => {
    const index = makeIndex();
    expect(() => splitByQid(index, { testFraction: 1, seed: 1 })).toThrow('testFraction must be in [0, 1), got 1');
    expect(() => splitByQid(index, { testFraction: 0.1, seed: 1, heldOutLanguages: ['ja'] })).toThrow(
      'held-out language "ja" is not among the index\'s languages (en, de, el, vi)',
    );
    expect(() => splitByQid(index, { testFraction: 0.1, seed: 1, heldOutLanguages: languages })).toThrow(/every language is held out/);
  });
});

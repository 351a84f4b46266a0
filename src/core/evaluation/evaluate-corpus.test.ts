import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../corpus/types';
import type { SettingName } from '../metrics/types';
import type { Retriever } from '../retrieval/types';
import { createBm25Retriever } from '../retrieval/bm25';
import { evaluateCorpus, type RankedBlock } from './evaluate-corpus';

// Two questions in English and German; passage p1 answers q1, p2 answers q2, in both languages.
const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'en/p1', lang: 'en', text: 'en p1' },
    { id: 'en/p2', lang: 'en', text: 'en p2' },
    { id: 'de/p1', lang: 'de', text: 'de p1' },
    { id: 'de/p2', lang: 'de', text: 'de p2' },
  ],
  questions: [
    { id: 'q1/en', qid: 'q1', lang: 'en', text: 'q1 en', relevant: ['en/p1', 'de/p1'] },
    { id: 'q2/en', qid: 'q2', lang: 'en', text: 'q2 en', relevant: ['en/p2', 'de/p2'] },
    { id: 'q1/de', qid: 'q1', lang: 'de', text: 'q1 de', relevant: ['en/p1', 'de/p1'] },
    { id: 'q2/de', qid: 'q2', lang: 'de', text: 'q2 de', relevant: ['en/p2', 'de/p2'] },
  ],
};

// A retriever whose scores are a fixed table: each query prefers its own language a little,
// and q2/en mistakes p1 for its answer in German.
const table: Record<string, Record<string, number>> = {
  'q1 en': { 'en/p1': 0.9, 'en/p2': 0.1, 'de/p1': 0.5, 'de/p2': 0.6 },
  'q2 en': { 'en/p1': 0.2, 'en/p2': 0.8, 'de/p1': 0.7, 'de/p2': 0.3 },
  'q1 de': { 'en/p1': 0.6, 'en/p2': 0.1, 'de/p1': 0.9, 'de/p2': 0.2 },
  'q2 de': { 'en/p1': 0.1, 'en/p2': 0.7, 'de/p1': 0.2, 'de/p2': 0.9 },
};
const tableRetriever: Retriever = {
  name: 'table',
  async pool(passages: readonly Passage[]) {
    return {
      size: passages.length,
      async score(queries: readonly string[]) {
        return Float32Array.from(queries.flatMap((q) => passages.map((p) => table[q][p.id])));
      },
    };
  },
};

describe('evaluateCorpus', () => {
  it('macro-averages mono, cross and multi cells as the paper does', async () => {
    const report = await evaluateCorpus(corpus, tableRetriever);
    const { mono, cross, multi } = report.settings;
    expect(mono!.cells.map((c) => c.key).sort()).toEqual(['de->de', 'en->en']);
    expect(mono!.macro.ap).toBe(1);
    // Cross en->de: q1's answer de/p1 (.5) sits below de/p2 (.6), q2's answer de/p2 (.3) below de/p1 (.7):
    // both at rank 2, AP 0.5. de->en: both at rank 1.
    const enDe = cross!.cells.find((c) => c.key === 'en->de')!;
    expect(enDe.metrics.ap).toBeCloseTo(0.5, 10);
    expect(cross!.macro.ap).toBeCloseTo((0.5 + 1) / 2, 10);
    // Multi, q1/en: order en/p1 .9, de/p2 .6, de/p1 .5, en/p2 .1 -> relevant at 1 and 3.
    const enAll = multi!.cells.find((c) => c.key === 'en->*')!;
    const q1 = enAll.queries!.find((q) => q.queryId === 'q1/en')!;
    expect(q1.relevantRanks).toEqual([1, 3]);
    expect(q1.metrics.ap).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(q1.metrics.maxRankDistance).toBe(2);
    expect(q1.top).toEqual(['en/p1', 'de/p2', 'de/p1', 'en/p2']);
    expect(report.tieBreak).toMatch(/trec_eval/);
  });

  it('reports the language mix of the multilingual top-k per query language', async () => {
    const report = await evaluateCorpus(corpus, tableRetriever, { settings: ['multi'] });
    // German queries: q1/de top = de/p1, en/p1, de/p2, en/p2; all four are kept (k=10 > 4): half and half.
    expect(report.languageMix!.get('de')!.get('de')).toBeCloseTo(0.5, 10);
    expect(Object.keys(report.settings)).toEqual(['multi']);
  });

  it('restricts languages, skips questions without an answer in the pool, and streams blocks', async () => {
    const partial: Corpus = { ...corpus, passages: corpus.passages.filter((p) => p.id !== 'de/p2') };
    const blocks: RankedBlock[] = [];
    const report = await evaluateCorpus(partial, tableRetriever, { settings: ['mono'], languages: ['de'], onRanked: (b) => void blocks.push(b) });
    const de = report.settings.mono!.cells[0];
    expect(de.key).toBe('de->de');
    expect(de.skipped).toBe(1);
    expect(de.metrics.queries).toBe(1);
    expect(blocks.map((b) => b.cellKey)).toEqual(['de->de']);
  });

  it('gives the same report whether each cell is scored on its own pool or read as columns of the multilingual one, ties included', async () => {
    // Ties everywhere: within a language (en/p1 = en/p2 for q1/en) and across (de/p1 = en/p1);
    // trec_eval's rule puts the larger id first, so en/p2 beats en/p1 and en/p1 beats de/p1.
    const tied: Record<string, Record<string, number>> = {
      'q1 en': { 'en/p1': 0.5, 'en/p2': 0.5, 'de/p1': 0.5, 'de/p2': 0.25 },
      'q2 en': { 'en/p1': 0.75, 'en/p2': 0.25, 'de/p1': 0.25, 'de/p2': 0.25 },
      'q1 de': { 'en/p1': 0.5, 'en/p2': 0.5, 'de/p1': 0.5, 'de/p2': 0.5 },
      'q2 de': { 'en/p1': 0, 'en/p2': 0.5, 'de/p1': 1, 'de/p2': 0.5 },
    };
    const pools: number[] = [];
    const tableOf = (poolIndependentScores: boolean): Retriever => ({
      name: 'tied',
      poolIndependentScores,
      async pool(passages: readonly Passage[]) {
        pools.push(passages.length);
        return {
          size: passages.length,
          async score(queries: readonly string[]) {
            return Float32Array.from(queries.flatMap((q) => passages.map((p) => tied[q][p.id])));
          },
        };
      },
    });
    const run = async (sliced: boolean, settings?: SettingName[]) => {
      pools.length = 0;
      const blocks: string[] = [];
      const report = await evaluateCorpus(corpus, tableOf(sliced), {
        settings,
        onRanked: (b) => void blocks.push(...b.ranked.map((q) => `${b.cellKey} ${q.queryId} ${q.relevantRanks} ${Array.from(q.top, (j) => b.pool[j].id)}`)),
      });
      return { report: { ...report, elapsedMs: 0 }, blocks: blocks.sort(), pools: [...pools] };
    };
    const separate = await run(false);
    const sliced = await run(true);
    expect(separate.pools).toEqual([2, 2, 4]);
    expect(sliced.pools).toEqual([4]);
    expect(sliced.report).toEqual(separate.report);
    expect(sliced.blocks).toEqual(separate.blocks);
    // The trec_eval rule decided: q1/en's answer en/p1 ties en/p2 (larger id first) and de/p1 (smaller id after).
    const q1 = sliced.report.settings.multi!.cells[0].queries!.find((q) => q.queryId === 'q1/en')!;
    expect(q1.top).toEqual(['en/p2', 'en/p1', 'de/p1', 'de/p2']);
    expect(q1.relevantRanks).toEqual([2, 3]);
    expect(sliced.report.settings.cross!.cells.map((c) => c.key)).toEqual(['de->en', 'en->de']);
    for (const settings of [['cross'], ['mono', 'multi'], ['mono']] as SettingName[][]) {
      const [a, b] = [await run(false, settings), await run(true, settings)];
      expect(b.report).toEqual(a.report);
      expect(b.blocks).toEqual(a.blocks);
    }
  });

  it('names the languages when none asked for is in the corpus', async () => {
    await expect(evaluateCorpus(corpus, tableRetriever, { languages: ['fr'] })).rejects.toThrow(/fr.*tiny.*en, de/);
  });

  it('stops with the abort reason when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort(new Error('evaluation cancelled'));
    await expect(evaluateCorpus(corpus, createBm25Retriever(), { signal: ctrl.signal })).rejects.toThrow('evaluation cancelled');
  });
});

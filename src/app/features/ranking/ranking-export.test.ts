import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../core/corpus/types';
import { rankOneQuery } from '../../../core/evaluation/rank-one-query';
import { exportFileName, rankingToCsv, rankingToJson, type RankingExportInput } from './ranking-export';

const passages: Passage[] = [
  { id: 'p.en', lang: 'en', text: 'Plain text' },
  { id: 'p.ar', lang: 'ar', text: 'نص، مع "اقتباس"' },
  { id: 'p.de', lang: 'de', text: 'Zeile eins\nZeile zwei, mit Komma' },
];
const ranking = rankOneQuery(Float32Array.from([3, 2, 1]), passages, ['p.ar'], 3);
const input: RankingExportInput = {
  corpus: 'Demo: 48 facts',
  retriever: 'bm25',
  query: 'What?',
  questionId: 'q-1.en',
  setting: 'multi',
  poolLangs: ['en', 'ar', 'de'],
  ranking,
  passageById: new Map(passages.map((p) => [p.id, p])),
};

describe('ranking export', () => {
  it('writes CSV that quotes commas, quotes and line breaks', () => {
    expect(rankingToCsv(input)).toBe(
      'rank,score,passage_id,lang,relevant,text\r\n' +
        '1,3,p.en,en,false,Plain text\r\n' +
        '2,2,p.ar,ar,true,"نص، مع ""اقتباس"""\r\n' +
        '3,1,p.de,de,false,"Zeile eins\nZeile zwei, mit Komma"\r\n',
    );
  });

  it('neutralises passage texts a spreadsheet would run as formulas', () => {
    const evil: Passage[] = [{ id: 'p.en', lang: 'en', text: '=HYPERLINK("http://evil.example","click")' }];
    const csv = rankingToCsv({ ...input, ranking: rankOneQuery(Float32Array.from([1]), evil, ['p.en'], 1), passageById: new Map(evil.map((p) => [p.id, p])) });
    expect(csv.split('\r\n')[1]).toBe(`1,1,p.en,en,true,"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('writes JSON with the query, the pool and where the answers landed', () => {
    const json = JSON.parse(rankingToJson(input));
    expect(json).toMatchObject({ corpus: 'Demo: 48 facts', setting: 'multi', poolSize: 3, questionId: 'q-1.en' });
    expect(json.results[1]).toEqual({ rank: 2, score: 2, passage_id: 'p.ar', lang: 'ar', relevant: true, text: 'نص، مع "اقتباس"' });
    expect(json.answers).toEqual([{ rank: 2, score: 2, passage_id: 'p.ar', lang: 'ar' }]);
    expect(json.metrics.ap).toBe(0.5);
  });

  it('names files after the corpus and setting', () => {
    expect(exportFileName('Demo: 48 facts in 15 languages', 'cross', 'csv')).toBe('ranking-demo-48-facts-in-15-languages-cross.csv');
    expect(exportFileName('日本語', 'mono', 'json')).toBe('ranking-corpus-mono.json');
  });
});

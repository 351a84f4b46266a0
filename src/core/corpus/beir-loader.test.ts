import { describe, expect, it } from 'vitest';
import { openFixture, readFixtureFiles } from '../../../test/fixtures/corpus/sources';
import { loadBeirCorpus } from './beir-loader';
import { CorpusError } from './corpus-error';
import { createMemorySource } from './memory-source';
import type { TextFile } from './types';

async function loadFixture(folder: string, split?: string) {
  const source = openFixture(folder);
  return loadBeirCorpus(source, (await source.list()) ?? [], { split });
}

/** The "beir" fixture with one file replaced (or removed, when text is null). */
async function loadChanged(name: string, text: string | null, split?: string) {
  const files = (await readFixtureFiles('beir')).filter((f) => f.name !== name);
  if (text !== null) files.push({ name, text });
  return loadBeirCorpus(
    createMemorySource(files, 'beir'),
    files.map((f) => f.name),
    { split },
  );
}

describe('loadBeirCorpus', () => {
  it('reads passages with title joined to text and language from "lang" or "language"', async () => {
    const { corpus, format } = await loadFixture('beir');
    expect(format).toBe('beir');
    expect(corpus.name).toBe('beir');
    expect(corpus.languages).toEqual(['en', 'de']);
    expect(corpus.passages).toEqual([
      { id: 'd1', lang: 'en', text: 'Nile. The Nile is a river in Africa.' },
      { id: 'd2', lang: 'en', text: 'Mount Fuji is the highest mountain in Japan.' },
      { id: 'd3', lang: 'de', text: 'Nil. Der Nil ist ein Fluss in Afrika.' },
      { id: 'd4', lang: 'de', text: 'Der Fuji ist der höchste Berg Japans.' },
    ]);
  });

  it('uses the test split by default: score > 0 is relevant, unjudged queries are left out with a warning', async () => {
    const { corpus, warnings } = await loadFixture('beir');
    expect(corpus.questions).toEqual([
      { id: 'q1.en', qid: 'q1', lang: 'en', text: 'Where is the Nile?', relevant: ['d1', 'd3'] },
      { id: 'q1.de', qid: 'q1', lang: 'de', text: 'Wo liegt der Nil?', relevant: ['d1', 'd3'] },
      { id: 'q2.en', qid: 'q2', lang: 'en', text: 'What is the highest mountain in Japan?', relevant: ['d2', 'd4'] },
    ]);
    expect(warnings).toEqual(['1 of 4 queries have no judgments in qrels/test.tsv and were left out']);
  });

  it('loads another split when asked (a qrels file without a header line)', async () => {
    const { corpus } = await loadFixture('beir', 'dev');
    expect(corpus.questions.map((q) => [q.id, q.qid, q.relevant])).toEqual([['q3.en', 'q3.en', ['d1']]]);
  });

  it('takes languages from corpus.<lang>.jsonl / queries.<lang>.jsonl names and the only split present', async () => {
    const { corpus, warnings } = await loadFixture('beir-by-file');
    expect(warnings).toEqual([]);
    expect(corpus.languages).toEqual(['en', 'sw']);
    expect(corpus.passages.map((p) => `${p.lang}:${p.id}`)).toEqual(['en:nile-en', 'en:7', 'sw:nile-sw', 'sw:fuji-sw']);
    expect(corpus.questions.map((q) => [q.id, q.qid, q.lang, q.relevant])).toEqual([
      ['nile?en', 'nile?', 'en', ['nile-en', 'nile-sw']],
      ['nile?sw', 'nile?', 'sw', ['nile-sw']],
      ['fuji?sw', 'fuji?sw', 'sw', ['7', 'fuji-sw']],
    ]);
  });

  it('leaves out queries judged only with score 0, saying so', async () => {
    const qrels = 'query-id\tcorpus-id\tscore\nq1.en\td1\t1\nq2.en\td2\t0\n';
    const { corpus, warnings } = await loadChanged('qrels/test.tsv', qrels);
    expect(corpus.questions.map((q) => q.id)).toEqual(['q1.en']);
    expect(warnings[0]).toBe('qrels/test.tsv: 1 queries have only score-0 judgments and were left out');
  });
});

describe('loadBeirCorpus errors', () => {
  const cases: Array<[string, string, string | null, string]> = [
    ['invalid JSON in queries', 'queries.jsonl', '{"_id": "q1.en", "text": "x", "lang": "en"}\n{"_id": ', 'queries.jsonl line 2: invalid JSON ('],
    ['a corpus record without text', 'corpus.jsonl', '{"_id": "d1", "lang": "en"}\n', 'corpus.jsonl line 1, field "text": expected a string'],
    [
      'no language anywhere',
      'corpus.jsonl',
      '{"_id": "d1", "text": "x"}\n',
      'corpus.jsonl line 1: expected a "lang" (or "language") field, or one file per language named corpus.<lang>.jsonl',
    ],
    [
      'a duplicate _id',
      'corpus.jsonl',
      '{"_id": "d1", "text": "a", "lang": "en"}\n{"_id": "d1", "text": "b", "lang": "en"}\n',
      'corpus.jsonl line 2: _id "d1" is also used at corpus.jsonl line 1',
    ],
    [
      'a qrels line with two columns',
      'qrels/test.tsv',
      'query-id\tcorpus-id\tscore\nq1.en\td1\t1\nq1.en\td3\t1\nq1.de d1\t1\n',
      'qrels/test.tsv line 4: expected 3 tab-separated columns, got 2',
    ],
    [
      'an unknown query id',
      'qrels/test.tsv',
      'query-id\tcorpus-id\tscore\nq9\td1\t1\n',
      'qrels/test.tsv line 2: unknown query id "q9" (not in any queries file)',
    ],
    [
      'an unknown corpus id',
      'qrels/test.tsv',
      'query-id\tcorpus-id\tscore\nq1.en\td9\t1\n',
      'qrels/test.tsv line 2: unknown corpus id "d9" (not in any corpus file)',
    ],
    [
      'a score that is not a number',
      'qrels/test.tsv',
      'query-id\tcorpus-id\tscore\nq1.en\td1\tyes\n',
      'qrels/test.tsv line 2: expected a number score, got "yes"',
    ],
    ['only zero scores', 'qrels/test.tsv', 'q1.en\td1\t0\n', 'qrels/test.tsv: expected at least one judgment with score > 0 for a query'],
    ['no queries file', 'queries.jsonl', null, 'beir: expected a queries.jsonl or queries.<lang>.jsonl file'],
  ];
  it.each(cases)('%s', async (_label, name, text, message) => {
    const error = await loadChanged(name, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message.startsWith(message)).toBe(true);
  });

  it('names the splits present when the chosen one is missing', async () => {
    await expect(loadFixture('beir', 'train')).rejects.toThrow(/qrels\/train\.tsv: no split "train"; expected one of: dev, test$/);
  });

  it('wants a chosen split when there are several and none is "test"', async () => {
    const files = (await readFixtureFiles('beir')).map((f) => (f.name === 'qrels/test.tsv' ? { ...f, name: 'qrels/train.tsv' } : f));
    const error = await loadBeirCorpus(
      createMemorySource(files, 'beir'),
      files.map((f) => f.name),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe('beir: qrels/: expected a "test" split, or the split option naming one of: dev, train');
  });

  it('wants a qrels folder', async () => {
    const files: TextFile[] = (await readFixtureFiles('beir')).filter((f) => !f.name.startsWith('qrels/'));
    const error = await loadBeirCorpus(
      createMemorySource(files, 'beir'),
      files.map((f) => f.name),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe('beir: expected a qrels/<split>.tsv file (e.g. qrels/test.tsv)');
  });
});

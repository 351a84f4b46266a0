import { describe, expect, it } from 'vitest';
import { openFixture } from '../../../test/fixtures/corpus/sources';
import { CorpusError } from './corpus-error';
import { loadJsonlCorpus } from './jsonl-loader';
import { createMemorySource } from './memory-source';
import type { TextFile } from './types';

function loadFiles(files: TextFile[]) {
  return loadJsonlCorpus(
    createMemorySource(files, 'test'),
    files.map((f) => f.name),
  );
}
const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');
const nileEn = { kind: 'passage', id: 'nile.en', group: 'nile', lang: 'en', text: 'The Nile is a river in Africa.' };
const nileSw = { kind: 'passage', id: 'nile.sw', group: 'nile', lang: 'sw', text: 'Mto Nile uko Afrika.' };
const askNile = { kind: 'question', id: 'q.en', lang: 'en', text: 'Where is the Nile?', answer_groups: ['nile'] };

describe('loadJsonlCorpus', () => {
  it('reads the meta name and language order, passages with groups, and questions', async () => {
    const source = openFixture('jsonl');
    const { corpus, format, warnings } = await loadJsonlCorpus(source, (await source.list()) ?? []);
    expect([format, warnings]).toEqual(['jsonl', []]);
    expect(corpus.name).toBe('tiny demo');
    expect(corpus.languages).toEqual(['en', 'ja', 'sw']);
    expect(corpus.passages).toHaveLength(6);
    expect(corpus.passages[1]).toEqual({ id: 'nile.ja', group: 'nile', lang: 'ja', text: 'ナイル川はアフリカの川です。' });
    expect(corpus.questions.map((q) => [q.id, q.qid, q.lang, q.relevant])).toEqual([
      ['q-nile.en', 'q-nile', 'en', ['nile.en', 'nile.ja', 'nile.sw']],
      ['q-nile.ja', 'q-nile', 'ja', ['nile.en', 'nile.ja', 'nile.sw']],
      ['q-fuji.sw', 'q-fuji', 'sw', ['fuji.ja', 'fuji.sw']],
    ]);
  });

  it('merges several files, defaults qid to id, and lists languages as first seen', async () => {
    const { corpus } = await loadFiles([
      { name: 'questions.jsonl', text: lines(askNile) },
      { name: 'passages.jsonl', text: '\ufeff' + lines(nileSw, nileEn) },
    ]);
    expect(corpus.name).toBe('test');
    expect(corpus.languages).toEqual(['sw', 'en']);
    expect(corpus.questions).toEqual([{ id: 'q.en', qid: 'q.en', lang: 'en', text: 'Where is the Nile?', relevant: ['nile.sw', 'nile.en'] }]);
  });

  it('joins answer_groups and explicit relevant ids without repeats', async () => {
    const ask = { ...askNile, relevant: ['nile.en', 'nile.sw'] };
    const { corpus } = await loadFiles([{ name: 'c.jsonl', text: lines(nileEn, nileSw, ask) }]);
    expect(corpus.questions[0].relevant).toEqual(['nile.en', 'nile.sw']);
  });
});

describe('loadJsonlCorpus errors', () => {
  const cases: Array<[string, string, string]> = [
    ['invalid JSON', lines(nileEn) + '\n{"kind": "question",', 'c.jsonl line 2: invalid JSON ('],
    ['an unknown kind', lines(nileEn, { ...askNile, kind: 'query' }), 'c.jsonl line 2, field "kind": expected "meta", "passage" or "question"'],
    [
      'a BEIR record',
      lines({ _id: 'd1', text: 'x' }),
      'c.jsonl line 1, field "kind": expected "meta", "passage" or "question" (this looks like BEIR: add queries.jsonl and qrels/<split>.tsv)',
    ],
    ['meta after the first line', lines(nileEn, { kind: 'meta', name: 'x' }), 'c.jsonl line 2: expected a "meta" record only once, on the first line'],
    ['a passage without lang', lines({ ...nileEn, lang: undefined }), 'c.jsonl line 1, field "lang": expected a string'],
    ['a duplicate passage id', lines(nileEn, nileEn, askNile), 'c.jsonl line 2: passage id "nile.en" is also used at c.jsonl line 1'],
    ['a question without answers', lines(nileEn, { ...askNile, answer_groups: [] }), 'c.jsonl line 2: question "q.en" names no answers'],
    ['an answer group no passage has', lines(nileEn, { ...askNile, answer_groups: ['fuji'] }), 'c.jsonl line 2: question "q.en": no passage has group "fuji"'],
    [
      'a relevant id that does not exist',
      lines(nileEn, { ...askNile, answer_groups: undefined, relevant: ['nile.ja'] }),
      'c.jsonl line 2: question "q.en": relevant passage "nile.ja" does not exist',
    ],
    [
      'a language meta does not list',
      lines({ kind: 'meta', languages: ['en'] }, nileEn, nileSw, askNile),
      'c.jsonl line 1, field "languages": lang "sw" of record "nile.sw" is not listed',
    ],
    ['no questions', lines(nileEn, nileSw), 'c.jsonl: no questions found'],
  ];
  it.each(cases)('%s', async (_label, text, message) => {
    const error = await loadFiles([{ name: 'c.jsonl', text }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message.startsWith(message)).toBe(true);
  });
});

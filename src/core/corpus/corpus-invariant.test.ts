import { describe, expect, it } from 'vitest';
import { loadBeirCorpus } from './beir-loader';
import { CorpusError } from './corpus-error';
import { findInvariantViolation } from './corpus-invariant';
import { loadJsonlCorpus } from './jsonl-loader';
import { createMemorySource } from './memory-source';
import { loadSquadCorpus } from './squad-loader';
import type { Corpus, TextFile } from './types';

const lines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');
const passage = (id: string, lang: string, text = `text of ${id}`) => ({ kind: 'passage', id, lang, text, group: id.split('.')[0] });
const question = (id: string, lang: string, group: string) => ({ kind: 'question', id, lang, text: `question ${id}?`, answer_groups: [group] });

function loadJsonl(text: string) {
  return loadJsonlCorpus(createMemorySource([{ name: 'c.jsonl', text }], 'test'), ['c.jsonl']);
}
async function jsonlError(text: string): Promise<CorpusError> {
  const error = await loadJsonl(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CorpusError);
  return error as CorpusError;
}

describe('JSONL corpora keep the invariant', () => {
  it('refuses meta.languages listing a language twice (the en->en cell would count 4 times)', async () => {
    const text = lines({ kind: 'meta', languages: ['en', 'de', 'en', 'fr'] }, passage('a.en', 'en'), passage('a.de', 'de'), question('q.en', 'en', 'a'));
    expect((await jsonlError(text)).message).toBe('c.jsonl line 1, field "languages": "en" is listed more than once');
  });

  it('refuses meta.languages listing a language no record uses', async () => {
    const text = lines({ kind: 'meta', languages: ['en', 'fr'] }, passage('a.en', 'en'), question('q.en', 'en', 'a'));
    expect((await jsonlError(text)).message).toBe('c.jsonl line 1, field "languages": "fr" is listed but no passage or question has lang "fr"');
  });

  it.each([
    ['an empty id', { ...passage('x', 'en'), id: '' }, 'c.jsonl line 1, field "id": id is empty'],
    ['an id with a space (9-column TREC lines)', { ...passage('x', 'en'), id: 'a b' }, 'c.jsonl line 1, field "id": id contains a space ("a b")'],
    ['an id with a tab', { ...passage('x', 'en'), id: 'a\tb' }, 'c.jsonl line 1, field "id": id contains white space or a control character ("a\\u{9}b")'],
    ['an id with a newline', { ...passage('x', 'en'), id: 'a\nb' }, 'c.jsonl line 1, field "id": id contains white space or a control character ("a\\u{a}b")'],
    ['a white-space text', { ...passage('x', 'en'), text: ' \t ' }, 'c.jsonl line 1, field "text": text is empty'],
    ['an empty language', passage('x', ''), 'c.jsonl line 1, field "lang": "" is not a language code'],
    ['"__proto__" as a language', passage('x', '__proto__'), 'c.jsonl line 1, field "lang": "__proto__" is not a language code'],
    ['"constructor" as a language', passage('x', 'constructor'), 'c.jsonl line 1, field "lang": "constructor" is not a language code'],
  ])('refuses %s', async (_label, record, message) => {
    expect((await jsonlError(lines(record, question('q.en', 'en', 'x')))).message.startsWith(message)).toBe(true);
  });

  it('refuses an empty question text and a qid with white space', async () => {
    const ask = question('q.en', 'en', 'a');
    expect((await jsonlError(lines(passage('a.en', 'en'), { ...ask, text: '' }))).message).toBe('c.jsonl line 2, field "text": text is empty');
    expect((await jsonlError(lines(passage('a.en', 'en'), { ...ask, qid: 'q 1' }))).message).toBe('c.jsonl line 2, field "qid": id contains a space ("q 1")');
  });

  it('reads pt_BR as pt-BR, with a warning, in records and in meta.languages', async () => {
    const text = lines({ kind: 'meta', languages: ['pt_BR', 'en'] }, passage('a.pt', 'pt_BR'), passage('a.en', 'en'), question('q.pt', 'pt-BR', 'a'));
    const { corpus, warnings } = await loadJsonl(text);
    expect(corpus.languages).toEqual(['pt-BR', 'en']);
    expect(corpus.passages.map((p) => p.lang)).toEqual(['pt-BR', 'en']);
    expect(warnings).toEqual(['c.jsonl: language "pt_BR" read as "pt-BR" (BCP 47 separates subtags with "-")']);
  });
});

function beirFiles(qrels: string, extra: TextFile[] = []): TextFile[] {
  return [
    { name: 'corpus.jsonl', text: lines({ _id: 'd1', text: 'The Nile.', lang: 'en' }, { _id: 'd2', text: 'Fuji.', lang: 'en' }) },
    { name: 'queries.jsonl', text: lines({ _id: 'q1', text: 'Nile?', lang: 'en' }, { _id: 'q2', text: 'Fuji?', lang: 'en' }) },
    { name: 'qrels/test.tsv', text: qrels },
    ...extra,
  ];
}
function loadBeir(files: TextFile[]) {
  return loadBeirCorpus(
    createMemorySource(files, 'beir'),
    files.map((f) => f.name),
  );
}

describe('BEIR corpora keep the invariant', () => {
  it('does not drop a first line with a non-number score as a header when it names known ids', async () => {
    const error = await loadBeir(beirFiles('q1\td1\tyes\nq2\td2\t1\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toBe('qrels/test.tsv line 1: expected a number score, got "yes"');
  });

  it('still skips a real header line', async () => {
    const { corpus } = await loadBeir(beirFiles('query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n'));
    expect(corpus.questions.map((q) => [q.id, q.relevant])).toEqual([
      ['q1', ['d1']],
      ['q2', ['d2']],
    ]);
  });

  it('dedups 40,000 judgments of one query as fast as 40,000 spread over 200 queries (linear, not quadratic)', async () => {
    const docs = Array.from({ length: 20000 }, (_, i) => ({ _id: `d${i}`, text: `doc ${i}`, lang: 'en' }));
    const queries = Array.from({ length: 200 }, (_, i) => ({ _id: `q${i}`, text: `query ${i}?`, lang: 'en' }));
    const folder = (queryOf: (doc: number) => string) => [
      { name: 'corpus.jsonl', text: lines(...docs) },
      { name: 'queries.jsonl', text: lines(...queries) },
      { name: 'qrels/test.tsv', text: docs.flatMap((d, i) => [`${queryOf(i)}\t${d._id}\t1`, `${queryOf(i)}\t${d._id}\t2`]).join('\n') },
    ];
    // Same bytes to parse either way; only the judgments per query differ. Best of two runs each,
    // compared within this run, so a busy machine slows both alike.
    const time = async (files: TextFile[]) => {
      let best = Infinity;
      for (let r = 0; r < 2; r++) {
        const started = performance.now();
        await loadBeir(files);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const oneQuery = folder(() => 'q0');
    const spread = await time(folder((i) => `q${i % 200}`));
    const concentrated = await time(oneQuery);
    // includes() made the one-query case ~40x slower (4.6 s against ~0.1 s on a quiet machine).
    expect(concentrated).toBeLessThan(3 * spread + 50);
    expect((await loadBeir(oneQuery)).corpus.questions[0].relevant).toHaveLength(20000);
  });

  it('refuses a numeric _id above 2^53 instead of rounding it onto another id', async () => {
    const files = beirFiles('q1\td1\t1\n');
    files[0] = { name: 'corpus.jsonl', text: '{"_id": 9007199254740993, "text": "big", "lang": "en"}\n{"_id": "d1", "text": "x", "lang": "en"}' };
    const error = await loadBeir(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(/^corpus\.jsonl line 1, field "_id": numeric id 9007199254740992 is not a whole number below 2\^53/);
  });

  it('reads a language from a corpus.<lang>.jsonl name by the same rule (pt_BR -> pt-BR)', async () => {
    const files = beirFiles('q1\td1\t1\n');
    files[0] = { name: 'corpus.pt_BR.jsonl', text: lines({ _id: 'd1', text: 'O Nilo.' }) };
    files[1] = { name: 'queries.jsonl', text: lines({ _id: 'q1', text: 'Nilo?', language: 'pt-BR' }) };
    const { corpus, warnings } = await loadBeir(files);
    expect(corpus.languages).toEqual(['pt-BR']);
    expect(warnings).toEqual(['corpus.pt_BR.jsonl: language "pt_BR" read as "pt-BR" (BCP 47 separates subtags with "-")']);
  });
});

const squadFile = (paragraph: object) => JSON.stringify({ data: [{ title: 't', paragraphs: [paragraph] }] });

describe('SQuAD-style corpora keep the invariant', () => {
  it('refuses zero-width sentence_breaks that would label the wrong sentence relevant', async () => {
    const text = squadFile({
      context: 'Alpha one. Beta two.',
      sentences: ['Alpha one.', 'Beta two.'],
      sentence_breaks: [
        [0, 0],
        [11, 11],
      ],
      qas: [{ id: 'q1', question: 'Which alpha?', answers: [{ answer_start: 0, text: 'Alpha' }] }],
    });
    const error = await loadSquadCorpus(createMemorySource([{ name: 'en.json', text }], 's'), ['en.json']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toBe(
      'en.json: data[0].paragraphs[0].sentence_breaks[0]: break [0, 0] covers 0 characters but sentences[0] has 10; the breaks do not match the sentences',
    );
  });

  it('reads pt_BR.json as pt-BR and refuses an empty question', async () => {
    const para = {
      context: 'Alpha one.',
      sentences: ['Alpha one.'],
      sentence_breaks: [[0, 10]],
      qas: [{ id: 'q1', question: 'Alpha?', answers: [{ answer_start: 0 }] }],
    };
    const { corpus, warnings } = await loadSquadCorpus(createMemorySource([{ name: 'pt_BR.json', text: squadFile(para) }], 's'), ['pt_BR.json']);
    expect(corpus.questions.map((q) => [q.id, q.lang, q.relevant])).toEqual([['q1/pt-BR', 'pt-BR', ['pt-BR/a0p0/s0']]]);
    expect(warnings).toHaveLength(1);
    const empty = squadFile({ ...para, qas: [{ id: 'q1', question: ' ', answers: [{ answer_start: 0 }] }] });
    await expect(loadSquadCorpus(createMemorySource([{ name: 'en.json', text: empty }], 's'), ['en.json'])).rejects.toThrow(
      'en.json: data[0].paragraphs[0].qas[0].question: text is empty',
    );
  });
});

describe('findInvariantViolation', () => {
  const good: Corpus = {
    name: 'c',
    languages: ['en'],
    passages: [{ id: 'p1', lang: 'en', text: 'a' }],
    questions: [{ id: 'q1', qid: 'q1', lang: 'en', text: '?', relevant: ['p1'] }],
  };
  it('holds for a complete corpus and names the first break otherwise', () => {
    expect(findInvariantViolation(good)).toBeNull();
    expect(findInvariantViolation({ ...good, languages: ['en', 'en'] })?.problem).toBe('"en" is listed twice');
    expect(findInvariantViolation({ ...good, languages: ['en', 'de'] })?.problem).toBe('"de" is listed but no passage or question uses it');
    expect(findInvariantViolation({ ...good, questions: [{ ...good.questions[0], relevant: ['p1', 'p1'] }] })?.problem).toBe(
      'a relevant passage is listed twice',
    );
    expect(findInvariantViolation({ ...good, passages: [{ id: 'p 1', lang: 'en', text: 'a' }] })?.problem).toBe('id contains a space ("p 1")');
  });
});

import { describe, expect, it } from 'vitest';
import { toPyseriniFiles } from './pyserini-export';
import type { Corpus } from './types';

const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'nile.en', lang: 'en', text: 'The Nile is a "river".' },
    { id: 'nile.de', lang: 'de', text: 'Der Nil ist ein Fluss.' },
  ],
  questions: [
    { id: 'q1/en', qid: 'q1', lang: 'en', text: 'Which river\tflows\nnorth?', relevant: ['nile.en', 'nile.de'] },
    { id: 'q1/de', qid: 'q1', lang: 'de', text: 'Welcher Fluss fließt nach Norden?', relevant: ['nile.en', 'nile.de'] },
  ],
};

describe('toPyseriniFiles', () => {
  it("writes JsonCollection lines, TSV topics and TREC qrels, exactly as Pyserini's readers split them", () => {
    const files = Object.fromEntries(toPyseriniFiles(corpus).map((f) => [f.name, f.text]));
    expect(Object.keys(files)).toEqual(['corpus/en.jsonl', 'corpus/de.jsonl', 'topics.tsv', 'topics.en.tsv', 'topics.de.tsv', 'qrels.txt']);
    expect(files['corpus/en.jsonl']).toBe('{"id":"nile.en","contents":"The Nile is a \\"river\\".","lang":"en"}\n');
    expect(files['corpus/de.jsonl']).toBe('{"id":"nile.de","contents":"Der Nil ist ein Fluss.","lang":"de"}\n');
    // A tab or line break inside a question would split the topic line: it becomes a space.
    expect(files['topics.tsv']).toBe('q1/en\tWhich river flows north?\nq1/de\tWelcher Fluss fließt nach Norden?\n');
    expect(files['topics.de.tsv']).toBe('q1/de\tWelcher Fluss fließt nach Norden?\n');
    expect(files['qrels.txt']).toBe('q1/en 0 nile.en 1\nq1/en 0 nile.de 1\nq1/de 0 nile.en 1\nq1/de 0 nile.de 1\n');
  });
});

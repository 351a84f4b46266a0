import { describe, expect, it } from 'vitest';
import { openFixture } from '../../../test/fixtures/corpus/sources';
import { loadBeirCorpus } from './beir-loader';
import { toBeirFiles } from './beir-export';
import { loadSquadCorpus } from './squad-loader';
import { createMemorySource } from './memory-source';
import type { Corpus } from './types';

async function squadFixture(): Promise<Corpus> {
  const source = openFixture('squad');
  return (await loadSquadCorpus(source, (await source.list()) ?? [])).corpus;
}

describe('toBeirFiles', () => {
  it('writes corpus.jsonl, queries.jsonl and qrels/test.tsv with a header', async () => {
    const files = toBeirFiles(await squadFixture());
    expect(files.map((f) => f.name)).toEqual(['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv']);
    expect(files[0].text.split('\n')[0]).toBe(
      '{"_id":"de/a0p0/s0","text":"Der Nil ist ein Fluss in Afrika und etwa 6650 km lang.","lang":"de","group":"a0p0/s0"}',
    );
    expect(files[2].text.split('\n').slice(0, 2)).toEqual(['query-id\tcorpus-id\tscore', 'q-length/de\tde/a0p0/s0\t1']);
  });

  it('round-trips through loadBeirCorpus to the same passages, questions and relevant sets', async () => {
    const original = await squadFixture();
    const files = toBeirFiles(original, { includeContext: true, split: 'dev' });
    const { corpus } = await loadBeirCorpus(
      createMemorySource(files, original.name),
      files.map((f) => f.name),
    );
    expect(corpus).toEqual(original);
  });

  it('leaves context out unless asked', async () => {
    const [corpusFile] = toBeirFiles(await squadFixture());
    expect(corpusFile.text).not.toContain('"context"');
  });

  it('refuses ids that a TSV line cannot hold', () => {
    const corpus: Corpus = {
      name: 'x',
      languages: ['en'],
      passages: [{ id: 'a\tb', lang: 'en', text: 't' }],
      questions: [{ id: 'q', qid: 'q', lang: 'en', text: '?', relevant: ['a\tb'] }],
    };
    expect(() => toBeirFiles(corpus)).toThrow('qrels/test.tsv: id "a\tb": expected ids without tabs or line breaks');
  });
});

import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../core/corpus/load-corpus';
import type { Corpus } from '../core/corpus/types';
import { runExportCorpus } from './export-corpus-command';
import { createFsSource } from './fs-source';

const ROOT = path.resolve(__dirname, '../..');

async function lexiconCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'export-corpus-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), await readFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl')));
  return dir;
}

/** What a retrieval evaluation depends on, order-free for the language list. */
const essence = (c: Corpus) => ({
  languages: [...c.languages].sort(),
  passages: c.passages.map(({ id, lang, text }) => ({ id, lang, text })),
  questions: c.questions,
});

describe('npm run export-corpus', () => {
  it("writes BEIR files that the lab's own BEIR loader reads back to the same passages, questions and relevant sets", async () => {
    const dir = await lexiconCorpus();
    const out = path.join(dir, 'beir');
    await runExportCorpus(['--data', dir, '--format', 'beir', '--out', out]);
    expect((await readdir(out)).sort()).toEqual(['corpus.jsonl', 'qrels', 'queries.jsonl']);
    const original = await loadCorpus(createFsSource(dir));
    const back = await loadCorpus(createFsSource(out));
    expect(back.format).toBe('beir');
    expect(essence(back.corpus)).toEqual(essence(original.corpus));
  });

  it('writes Pyserini JSONL per language, TSV topics and TREC qrels, one line per record', async () => {
    const dir = await lexiconCorpus();
    const out = path.join(dir, 'pyserini');
    await runExportCorpus(['--data', dir, '--format', 'pyserini', '--out', out]);
    const corpusFiles = await readdir(path.join(out, 'corpus'));
    expect(corpusFiles).toHaveLength(15);
    const en = (await readFile(path.join(out, 'corpus/en.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(en).toHaveLength(12);
    expect(JSON.parse(en[0])).toEqual({ id: 's01.en', contents: 'big red river mountain city.', lang: 'en' });
    const topics = (await readFile(path.join(out, 'topics.tsv'), 'utf8')).trimEnd().split('\n');
    expect(topics).toHaveLength(180);
    expect(topics.every((t) => t.split('\t').length === 2)).toBe(true);
    const qrels = (await readFile(path.join(out, 'qrels.txt'), 'utf8')).trimEnd().split('\n');
    expect(qrels.every((l) => /^\S+ 0 \S+ 1$/.test(l))).toBe(true);
    expect(qrels.length).toBe(180 * 15); // each question's passage in every language

    await expect(runExportCorpus(['--data', dir, '--format', 'pyserini', '--out', out])).rejects.toThrow('the folder is not empty');
    await expect(runExportCorpus(['--data', dir, '--format', 'anserini', '--out', out])).rejects.toThrow('--format anserini: expected pyserini or beir');
  });
});

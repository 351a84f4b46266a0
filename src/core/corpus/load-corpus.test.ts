import { describe, expect, it } from 'vitest';
import { openFixture, readFixtureFiles } from '../../../test/fixtures/corpus/sources';
import { CorpusError } from './corpus-error';
import { detectCorpusFormat, guessCorpusFormat, loadCorpus } from './load-corpus';
import { createMemorySource } from './memory-source';
import type { FileSource, TextFile } from './types';

/** Like a URL: the files are there but cannot be listed. */
function unlisted(files: TextFile[], label = 'https://example.org/c/'): FileSource {
  const inner = createMemorySource(files, label);
  return { label, list: async () => null, readText: (p) => inner.readText(p) };
}

describe('guessCorpusFormat', () => {
  it('tells the three layouts apart, BEIR first when queries or qrels exist', () => {
    expect(guessCorpusFormat(['ar.json', 'en.json', 'SOURCE.md'])).toBe('squad');
    expect(guessCorpusFormat(['corpus.jsonl', 'queries.jsonl', 'qrels/test.tsv'])).toBe('beir');
    expect(guessCorpusFormat(['corpus.en.jsonl', 'qrels/dev.tsv'])).toBe('beir');
    expect(guessCorpusFormat(['demo.jsonl'])).toBe('jsonl');
    expect(guessCorpusFormat(['notes.txt', 'data/en.json'])).toBeNull();
  });
});

describe('loadCorpus', () => {
  it.each([
    ['squad', 'squad', 13],
    ['beir', 'beir', 3],
    ['beir-by-file', 'beir', 3],
    ['jsonl', 'jsonl', 3],
  ])('loads the %s fixture as %s', async (folder, format, questions) => {
    const loaded = await loadCorpus(openFixture(folder));
    expect(loaded.format).toBe(format);
    expect(loaded.corpus.questions).toHaveLength(questions);
  });

  it('passes the split and name through', async () => {
    const { corpus } = await loadCorpus(openFixture('beir'), { split: 'dev', name: 'mine' });
    expect(corpus.name).toBe('mine');
    expect(corpus.questions.map((q) => q.id)).toEqual(['q3.en']);
  });

  it('reads manifest.json when the source cannot list its files', async () => {
    const files = await readFixtureFiles('squad');
    const manifest = { name: 'three langs', format: 'squad', files: ['de.json', 'en.json'] };
    const source = unlisted([...files, { name: 'manifest.json', text: JSON.stringify(manifest) }]);
    expect(await detectCorpusFormat(source)).toEqual({ format: 'squad', files: ['de.json', 'en.json'], name: 'three langs' });
    const { corpus } = await loadCorpus(source);
    expect(corpus.name).toBe('three langs');
    expect(corpus.languages).toEqual(['de', 'en']);
  });

  it('follows a manifest.json found in a listed folder: its name and files win', async () => {
    const files = await readFixtureFiles('squad');
    const manifest = { name: 'XQuAD-R (fetched)', format: 'squad', files: ['en.json', 'es.json'] };
    const source = createMemorySource([...files, { name: 'manifest.json', text: JSON.stringify(manifest) }], 'folder');
    const { corpus } = await loadCorpus(source);
    expect(corpus.name).toBe('XQuAD-R (fetched)');
    expect(corpus.languages).toEqual(['en', 'es']);
  });

  it('takes explicit files instead of a manifest, guessing the format from them', async () => {
    const source = unlisted(await readFixtureFiles('jsonl'));
    const { corpus, format } = await loadCorpus(source, { files: ['demo.jsonl'] });
    expect(format).toBe('jsonl');
    expect(corpus.passages).toHaveLength(6);
  });

  it('says how to give the file list when there is neither a list nor a manifest', async () => {
    const error = await loadCorpus(unlisted([])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(/^https:\/\/example\.org\/c\/: cannot list files, and no manifest\.json \(.*no file "manifest\.json".*\)$/);
    expect((error as CorpusError).expected).toContain('serve manifest.json {"format", "files"}');
  });

  it('rejects a manifest with an unknown format or no files', async () => {
    const bad = (manifest: object) => unlisted([{ name: 'manifest.json', text: JSON.stringify(manifest) }]);
    await expect(loadCorpus(bad({ format: 'csv', files: ['a.csv'] }))).rejects.toThrow('manifest.json: format: unknown format "csv"');
    await expect(loadCorpus(bad({ format: 'squad' }))).rejects.toThrow('manifest.json: files: expected a non-empty array of relative file paths');
  });

  it('names the files it saw when it cannot tell the format', async () => {
    const source = createMemorySource([{ name: 'notes.txt', text: '' }], 'folder');
    await expect(loadCorpus(source)).rejects.toThrow('folder: cannot tell the corpus format from the files [notes.txt]');
  });
});

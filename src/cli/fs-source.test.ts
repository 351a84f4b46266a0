import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XQUAD_R_DIR } from '../../test/fixtures/corpus/sources';
import { toBeirFiles } from '../core/corpus/beir-export';
import { loadCorpus } from '../core/corpus/load-corpus';
import { createFsSource } from './fs-source';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fs-source-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTree(root: string, files: Array<{ name: string; text: string }>): Promise<void> {
  for (const f of files) {
    const full = path.join(root, ...f.name.split('/'));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, f.text);
  }
}

describe('createFsSource', () => {
  it('lists files recursively as sorted POSIX paths, skipping dot-files and following links', async () => {
    const root = path.join(dir, 'tree');
    await writeTree(root, [
      { name: 'corpus.jsonl', text: 'c' },
      { name: 'qrels/test.tsv', text: 't' },
      { name: '.DS_Store', text: '' },
      { name: '.git/HEAD', text: '' },
      { name: 'elsewhere/x.json', text: '{}' },
    ]);
    await symlink(path.join(root, 'elsewhere'), path.join(root, 'linked'));
    const source = createFsSource(root);
    expect(source.label).toBe(root);
    expect(await source.list()).toEqual(['corpus.jsonl', 'elsewhere/x.json', 'linked/x.json', 'qrels/test.tsv']);
    expect(await source.readText('qrels/test.tsv')).toBe('t');
  });

  it('names the full path of a file it cannot read', async () => {
    await expect(createFsSource(dir).readText('qrels/none.tsv')).rejects.toThrow(`cannot read ${path.join(dir, 'qrels', 'none.tsv')}: ENOENT`);
  });

  it('round-trips XQuAD-R through a BEIR folder on disk to the same passages, questions and relevant sets', async () => {
    const original = await loadCorpus(createFsSource(XQUAD_R_DIR));
    const beirDir = path.join(dir, 'xquad-r-beir');
    await writeTree(beirDir, toBeirFiles(original.corpus));

    const loaded = await loadCorpus(createFsSource(beirDir));
    expect(loaded.format).toBe('beir');
    expect(loaded.warnings).toEqual([]);
    expect(loaded.corpus.name).toBe('xquad-r-beir');
    expect(loaded.corpus.languages).toEqual(original.corpus.languages);
    // context is left out of the export by default; everything else comes back as it was.
    // (Compared as one line per record: a deep toEqual over 26k records takes seconds.)
    const lines = (records: object[]) => records.map((r) => JSON.stringify(r));
    expect(lines(loaded.corpus.passages)).toEqual(lines(original.corpus.passages.map(({ context: _context, ...rest }) => rest)));
    expect(lines(loaded.corpus.questions)).toEqual(lines(original.corpus.questions));
    expect(loaded.corpus.questions).toHaveLength(11 * 1190);
  });
});

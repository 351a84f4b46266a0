// Embeddings through the command line: embed -> Parquet / .npy -> eval --embeddings, against the model itself.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeParquetEmbeddings } from '../core/embeddings/parquet-embeddings';
import { readEmbeddingsFile } from './embeddings-files';
import { runEmbed } from './embed-command';
import { runEval } from './eval-command';

const ROOT = path.resolve(__dirname, '../..');
const MODEL = 'fixture/xlmr-tiny';

async function lexiconCorpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'embeddings-cli-'));
  await writeFile(path.join(dir, 'corpus.jsonl'), await readFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl')));
  return dir;
}

const metrics = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'metrics.json'), 'utf8'));

describe('npm run embed and eval --embeddings', () => {
  it('reproduces the dense evaluation exactly from its exported Parquet and .npy rows, loading no model', async () => {
    const dir = await lexiconCorpus();
    const at = (name: string) => path.join(dir, name);
    await runEval(['--data', dir, '--retriever', MODEL, '--export-embeddings', at('rows.parquet'), '--out', at('direct')]);
    const set = await readEmbeddingsFile(at('rows.parquet'));
    expect(set.encoder).toBe('fixture/xlmr-tiny@q8/mean');
    expect(set.dim).toBe(64);
    expect(set.ids.slice(0, 2)).toEqual(['s01.en', 's01.de']);
    expect(set.ids).toHaveLength(180 + 180); // every passage and question of the fixture

    // Parquet in, .npy out (the precomputed retriever exports the rows it ranked with too), .npy in.
    await runEval(['--data', dir, '--embeddings', at('rows.parquet'), '--export-embeddings', at('rows.npy'), '--out', at('parquet')]);
    await runEval(['--data', dir, '--embeddings', at('rows.npy'), '--out', at('npy')]);
    const direct = await metrics(at('direct'));
    const fromParquet = await metrics(at('parquet'));
    expect(fromParquet.retriever).toBe('precomputed:fixture/xlmr-tiny@q8/mean');
    expect(fromParquet.settings).toEqual(direct.settings);
    expect(fromParquet.pairMatrix).toEqual(direct.pairMatrix);
    expect((await metrics(at('npy'))).settings).toEqual(direct.settings);
    expect(await readFile(at('rows.ids.txt'), 'utf8')).toMatch(/^s01\.en\ns01\.de\n/);
    expect(await readFile(path.join(at('parquet'), 'run.multi.trec'), 'utf8')).toMatch(
      /^q01\.\w+ Q0 s01\.\w+ 1 [\d.e+-]+ precomputed_fixture_xlmr-tiny_q8_mean\n/,
    );
    expect(direct.settings.multi.macro.ap).toBeGreaterThan(0.8);
  }, 120_000);

  it('embeds a corpus with npm run embed into a file eval ranks with (q8 rows depend a little on the batch, so close, not equal)', async () => {
    const dir = await lexiconCorpus();
    const at = (name: string) => path.join(dir, name);
    await runEmbed(['--data', dir, '--model', MODEL, '--langs', 'en,de', '--out', at('en-de.parquet')]);
    const set = await readEmbeddingsFile(at('en-de.parquet'));
    expect(set.ids).toHaveLength(12 * 2 + 12 * 2);
    expect(set.encoder).toBe('fixture/xlmr-tiny@q8/mean');
    await runEval(['--data', dir, '--langs', 'en,de', '--embeddings', at('en-de.parquet'), '--out', at('embedded')]);
    await runEval(['--data', dir, '--langs', 'en,de', '--retriever', MODEL, '--out', at('model')]);
    const [a, b] = [await metrics(at('embedded')), await metrics(at('model'))];
    expect(Math.abs(a.settings.multi.macro.ap - b.settings.multi.macro.ap)).toBeLessThan(0.02);
    await expect(runEmbed(['--data', dir, '--model', MODEL, '--out', at('en-de.parquet')])).rejects.toThrow('the file exists; add --force to replace it');
    await expect(runEval(['--data', dir, '--langs', 'de,es', '--embeddings', at('en-de.parquet'), '--out', at('es')])).rejects.toThrow(
      /passages in de, es have no embedding \(e\.g\. "s01\.es"\)/,
    );
  }, 120_000);

  it('refuses a file that lacks passages of the evaluated languages, and names the missing id column', async () => {
    const dir = await lexiconCorpus();
    const partial = path.join(dir, 'partial.parquet');
    await writeFile(partial, new Uint8Array(writeParquetEmbeddings({ source: 'x', ids: ['s01.en', 'stray'], dim: 2, rows: new Float32Array([1, 0, 0, 1]) })));
    await expect(runEval(['--data', dir, '--embeddings', partial, '--out', path.join(dir, 'o1')])).rejects.toThrow(
      /--embeddings .*partial\.parquet: \d+ passages have no embedding \(e\.g\. "s01\.de"\); embed the whole corpus/,
    );
    await expect(runEval(['--data', dir, '--embeddings', partial, '--retriever', 'bm25', '--out', path.join(dir, 'o2')])).rejects.toThrow(
      "--embeddings ranks with the file's rows: give it without --retriever or --dtype",
    );
    await expect(runEval(['--data', dir, '--embeddings', path.join(dir, 'corpus.jsonl'), '--out', path.join(dir, 'o3')])).rejects.toThrow(
      'expected a .parquet file (id + list<float32> vector column) or a .npy file',
    );
    await expect(runEval(['--data', dir, '--embeddings', path.join(dir, 'none.npy'), '--out', path.join(dir, 'o4')])).rejects.toThrow(
      /--embeddings .*none\.npy: no such file/,
    );
  }, 60_000);
});

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from './eval-command';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run eval --retriever rrf:... / combsum:...', () => {
  it('evaluates BM25 fused with the fixture model, named after both, by either method', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fusion-'));
    await writeFile(path.join(dir, 'corpus.jsonl'), await readFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl')));
    for (const method of ['rrf', 'combsum']) {
      const out = path.join(dir, method);
      await runEval(['--data', dir, '--retriever', `${method}:bm25+fixture/xlmr-tiny`, '--settings', 'mono', '--out', out]);
      const m = JSON.parse(await readFile(path.join(out, 'metrics.json'), 'utf8'));
      expect(m.retriever).toBe(`${method}:bm25+fixture/xlmr-tiny@q8/mean`);
      expect(m.settings.mono.macro.ap).toBeGreaterThan(0.5);
      const first = (await readFile(path.join(out, 'run.mono.trec'), 'utf8')).split('\n')[0];
      expect(first.split(' ')[5]).toBe(`${method}_bm25_fixture_xlmr-tiny_q8_mean`);
    }
    await expect(runEval(['--data', dir, '--retriever', 'rrf:bm25', '--out', path.join(dir, 'x')])).rejects.toThrow(
      'fusion needs two or more retrievers joined by "+"',
    );
  }, 120_000);
});

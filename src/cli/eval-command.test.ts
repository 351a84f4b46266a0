import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toBeirFiles } from '../core/corpus/beir-export';
import { loadCorpus } from '../core/corpus/load-corpus';
import { XQUAD_R_DIR } from '../../test/fixtures/corpus/sources';
import { runEval } from './eval-command';
import { createFsSource } from './fs-source';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const LANGS = 'en,de,zh';

async function tempDir(prefix: string) {
  return mkdtemp(path.join(tmpdir(), prefix));
}

async function readMetrics(dir: string) {
  return JSON.parse(await readFile(path.join(dir, 'metrics.json'), 'utf8'));
}

describe('npm run eval', () => {
  it('gives identical metrics for XQuAD-R and the same corpus as a BEIR folder', async () => {
    const beirDir = await tempDir('beir-');
    const { corpus } = await loadCorpus(createFsSource(XQUAD_R_DIR));
    for (const f of toBeirFiles(corpus)) {
      await mkdir(path.dirname(path.join(beirDir, f.name)), { recursive: true });
      await writeFile(path.join(beirDir, f.name), f.text);
    }
    const outSquad = await tempDir('out-squad-');
    const outBeir = await tempDir('out-beir-');
    await runEval(['--data', XQUAD_R_DIR, '--langs', LANGS, '--out', outSquad]);
    await runEval(['--data', beirDir, '--langs', LANGS, '--out', outBeir]);
    const a = await readMetrics(outSquad);
    const b = await readMetrics(outBeir);
    expect(b.format).toBe('beir');
    expect(b.settings).toEqual(a.settings);
    expect(b.pairMatrix).toEqual(a.pairMatrix);

    // BM25 on XQuAD-R: strong within a language, weak across, answers far apart in the pool.
    expect(a.settings.mono.macro.ap).toBeGreaterThan(0.6);
    expect(a.settings.cross.macro.ap).toBeLessThan(0.3);
    expect(a.settings.multi.macro.maxRankDistance).toBeGreaterThan(1000);
    expect(a.settings.mono.cells.map((c: { key: string }) => c.key)).toEqual(['en->en', 'de->de', 'zh->zh']);
    expect(a.settings.cross.cells).toHaveLength(6);

    // TREC files: the run's first line is rank 1 of a known question; qrels hold its answer.
    const runLines = (await readFile(path.join(outSquad, 'run.cross.trec'), 'utf8')).split('\n');
    expect(runLines[0]).toMatch(/^56beb4343aeaaa14008c925b\/de->en Q0 en\/\S+ 1 [\d.e+-]+ bm25$/);
    expect(runLines.filter((l) => l.startsWith(runLines[0].split(' ')[0] + ' '))).toHaveLength(100);
    const qrels = await readFile(path.join(outSquad, 'qrels.multi.txt'), 'utf8');
    expect(qrels).toContain('56beb4343aeaaa14008c925b/en 0 zh/a0p0/s0 1');
  }, 120_000);

  it('evaluates a dense model (the fixture) and tags its runs with a plain word', async () => {
    const dir = await tempDir('lexicon-');
    await writeFile(path.join(dir, 'corpus.jsonl'), await readFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl')));
    const out = path.join(dir, 'out');
    await runEval(['--data', dir, '--retriever', 'fixture/xlmr-tiny', '--settings', 'mono,multi', '--out', out]);
    const m = await readMetrics(out);
    expect(m.retriever).toBe('fixture/xlmr-tiny@q8/mean');
    expect(m.settings.mono.macro.ap).toBeGreaterThan(0.95);
    expect(m.settings.multi.macro.ap).toBeGreaterThan(0.8);
    const first = (await readFile(path.join(out, 'run.multi.trec'), 'utf8')).split('\n')[0];
    expect(first).toMatch(/^q01\.\w+ Q0 s01\.\w+ 1 [\d.e+-]+ fixture_xlmr-tiny_q8_mean$/);
  }, 60_000);

  it('scores a dense model on onnxruntime-node with the same metrics and run files as the TypeScript kernel', async () => {
    const dir = await tempDir('scoring-');
    await writeFile(path.join(dir, 'corpus.jsonl'), await readFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl')));
    const args = ['--data', dir, '--retriever', 'fixture/xlmr-tiny', '--depth', '20'];
    await runEval([...args, '--out', path.join(dir, 'auto')]);
    await runEval([...args, '--scoring', 'typescript', '--out', path.join(dir, 'ts')]);
    expect((await readMetrics(path.join(dir, 'auto'))).settings).toEqual((await readMetrics(path.join(dir, 'ts'))).settings);
    for (const file of ['run.mono.trec', 'run.cross.trec', 'run.multi.trec']) {
      expect(await readFile(path.join(dir, 'auto', file), 'utf8')).toBe(await readFile(path.join(dir, 'ts', file), 'utf8'));
    }
    await expect(runEval([...args, '--scoring', 'gpu', '--out', path.join(dir, 'x')])).rejects.toThrow('--scoring gpu: expected one of auto, typescript');
  }, 60_000);

  it('exits with code 2 and names the problem for a missing folder or an unknown setting', async () => {
    const cli = ['tsx', path.join(ROOT, 'src/cli/main.ts'), 'eval'];
    const missing = await run('npx', [...cli, '--data', '/nonexistent/xq', '--out', '/tmp/x'], { cwd: ROOT }).catch((e) => e);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--data /nonexistent/xq: no such folder');

    const badSetting = await run('npx', [...cli, '--data', XQUAD_R_DIR, '--settings', 'mono,sideways', '--out', '/tmp/x'], { cwd: ROOT }).catch((e) => e);
    expect(badSetting.code).toBe(2);
    expect(badSetting.stderr).toContain('--settings: unknown sideways; expected some of mono, cross, multi');
  }, 60_000);

  it('names the file and line of a malformed corpus', async () => {
    const dir = await tempDir('bad-jsonl-');
    await writeFile(path.join(dir, 'corpus.jsonl'), '{"kind":"passage","id":"p1.en","group":"p1","lang":"en","text":"A cat."}\n{"kind":"question", oops}\n');
    await expect(runEval(['--data', dir, '--out', path.join(dir, 'out')])).rejects.toThrow(/corpus\.jsonl line 2: invalid JSON/);
  });
});

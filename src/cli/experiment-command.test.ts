import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { deserializeAdapter } from '../core/training/adapter-file';
import { runExperimentCommand } from './experiment-command';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
let dataDir: string;

beforeAll(async () => {
  // The lexicon corpus alone in a folder (test/fixtures also holds other corpora).
  dataDir = await mkdtemp(path.join(tmpdir(), 'lexicon-'));
  await copyFile(path.join(ROOT, 'test/fixtures/lexicon-corpus.jsonl'), path.join(dataDir, 'lexicon-corpus.jsonl'));
});

const ARGS = [
  '--retriever',
  'fixture/xlmr-tiny',
  '--strategies',
  'mono,cross,hybrid',
  '--epochs',
  '20',
  '--batch-size',
  '6',
  '--lr',
  '0.01',
  '--test-fraction',
  '0.25',
  '--hold-out',
  'el,vi',
];

async function experiment(seed: number) {
  const out = await mkdtemp(path.join(tmpdir(), 'experiment-'));
  await runExperimentCommand(['--data', dataDir, ...ARGS, '--seed', String(seed), '--out', out]);
  const { timings, ...json } = JSON.parse(await readFile(path.join(out, 'experiment.json'), 'utf8'));
  const adapters = await Promise.all(['mono', 'cross', 'hybrid'].map((s) => readFile(path.join(out, `adapter-${s}.xlad`))));
  return { json, timings, adapters, results: await readFile(path.join(out, 'results.md'), 'utf8') };
}

describe('npm run experiment', () => {
  it('writes the same numbers, table and adapters for the same seed on the fixture model', async () => {
    const a = await experiment(3);
    const b = await experiment(3);
    expect(b.json).toEqual(a.json);
    expect(b.results).toBe(a.results);
    b.adapters.forEach((bytes, i) => expect(bytes.equals(a.adapters[i])).toBe(true));

    expect(a.json.encoder).toEqual({ id: 'fixture/xlmr-tiny@q8/mean', dim: 64 });
    expect(a.json.config).toMatchObject({ strategies: ['monolingual', 'cross-lingual', 'hybrid'], epochs: 20, batchSize: 6, alpha: 0.5, seed: 3 });
    expect(a.json.split).toMatchObject({ trainQids: 9, testQuestions: 45, testPassages: 45, heldOutLanguages: ['el', 'vi'] });
    expect(a.json.split.testQids).toHaveLength(3);
    // 9 training qids in batches of 6: 2 steps an epoch, 20 epochs.
    expect(a.json.strategies.map((s: { lossCurve: unknown[] }) => s.lossCurve.length)).toEqual([40, 40, 40]);
    expect(Object.keys(a.timings.strategies)).toEqual(['mono', 'cross', 'hybrid']);

    const lines = a.results.split('\n');
    expect(lines).toContain('| strategy | mono mAP | mono R@1 | cross mAP | cross R@1 | multi mAP | multi R@10 | mean max rank distance (lower is better) |');
    for (const label of ['Untrained (frozen encoder)', 'Monolingual batches (X-X-mono)', 'Cross-lingual batches (X-Y)', 'Hybrid batches']) {
      expect(lines.some((l) => l.startsWith(`| ${label} | `))).toBe(true);
    }
    expect(a.results).toContain("This is adapter training over a frozen encoder, not the paper's full fine-tuning");

    const hybrid = deserializeAdapter(a.adapters[2], { dim: 64 }, 'adapter-hybrid.xlad');
    expect(hybrid.header.meta).toMatchObject({
      strategy: 'hybrid',
      seed: 3,
      encoder: 'fixture/xlmr-tiny@q8/mean',
      trainLanguages: 'en,de,es,ar,zh,ru,hi,th,tr,ja,id,sw,ne',
    });

    const other = await experiment(4);
    expect(other.json.split.testQids).not.toEqual(a.json.split.testQids);
  }, 120_000);

  it('names the problem with the arguments', async () => {
    const out = path.join(tmpdir(), 'never-written');
    const bad = (args: string[]) => runExperimentCommand(['--data', dataDir, '--out', out, ...args]);
    await expect(bad(['--retriever', 'bm25'])).rejects.toThrow('--retriever bm25: training needs a dense encoder');
    await expect(bad(['--retriever', 'fixture/xlmr-tiny', '--strategies', 'mono,sideways'])).rejects.toThrow(
      '--strategies: unknown sideways; expected some of mono, cross, hybrid',
    );
    await expect(bad(['--retriever', 'fixture/xlmr-tiny', '--alpha', '2'])).rejects.toThrow('--alpha 2: expected a number from 0 to 1');
    await expect(bad(['--retriever', 'fixture/xlmr-tiny', '--hold-out', 'el,xx'])).rejects.toThrow('--hold-out: xx not in lexicon-');
  });

  it('trains on onnxruntime-node under --scoring auto, within float32 rounding of --scoring typescript, and says which multiplied', async () => {
    const cli = [
      'tsx',
      path.join(ROOT, 'src/cli/main.ts'),
      'experiment',
      '--data',
      dataDir,
      ...ARGS.slice(0, 2),
      '--strategies',
      'cross',
      ...ARGS.slice(4),
      '--seed',
      '3',
    ];
    const runWith = async (scoring: string) => {
      const out = await mkdtemp(path.join(tmpdir(), `experiment-${scoring}-`));
      const { stderr } = await run('npx', [...cli, '--scoring', scoring, '--out', out], { cwd: ROOT });
      return { stderr, json: JSON.parse(await readFile(path.join(out, 'experiment.json'), 'utf8')) };
    };
    const auto = await runWith('auto');
    const ts = await runWith('typescript');
    expect(auto.stderr).toMatch(/training and adapter products: onnxruntime-node \(cpu, \d threads?\): agrees with the TypeScript kernel/);
    expect(ts.stderr).toContain('training and adapter products: TypeScript (--scoring typescript)');
    // Float32 products: losses within relative 1e-5, metrics within 1e-6 (ort-products.test.ts says why).
    const curve = (r: typeof auto) => r.json.strategies[0].lossCurve.map((p: { loss: number }) => p.loss) as number[];
    curve(ts).forEach((loss, i) => expect(Math.abs(curve(auto)[i] - loss) / loss).toBeLessThan(1e-5));
    expect(curve(auto)).not.toEqual(curve(ts));
    for (const [i, row] of (ts.json.rows as Record<string, number | string>[]).entries()) {
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'number') expect(Math.abs((auto.json.rows[i][key] as number) - value), `${row.key} ${key}`).toBeLessThanOrEqual(1e-6);
        else expect(auto.json.rows[i][key]).toBe(value);
      }
    }
  }, 120_000);

  it('exits with code 2 and a plain message from the command line', async () => {
    const cli = ['tsx', path.join(ROOT, 'src/cli/main.ts'), 'experiment'];
    const result = await run('npx', [...cli, '--data', dataDir, '--retriever', 'bm25', '--out', '/tmp/x'], { cwd: ROOT }).catch((e) => e);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --retriever bm25: training needs a dense encoder');
  }, 60_000);
});

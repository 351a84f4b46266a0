/**
 * Throughput and memory of `npm run analyze` on a run the size of XQuAD-R multilingual at depth
 * 1000: 13,090 questions (11 languages x 1,190) x 1,000 passages = 13.09 M lines. The run is
 * generated once from the real corpus (ids, qrels) with seeded random scores, each question's 11
 * answers placed at random ranks in 1..1,300, so some fall past 1,000 (a truncated run, bounds
 * and all). The reference, measured in the same run, is Node reading the same file and counting
 * its lines. Peak RSS is the analyze process's VmHWM (Linux /proc), polled while it runs.
 * Usage: npm run bench:analyze [-- --data ../shared/data/xquad-r --dir /tmp/bench-analyze --depth 1000]
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureChild } from './measure-child';
import { createFsSource } from '../src/cli/fs-source';
import { loadCorpus } from '../src/core/corpus/load-corpus';
import { createRng } from '../src/core/numeric/rng';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/xquad-r' },
    dir: { type: 'string', default: '/tmp/bench-analyze' },
    depth: { type: 'string', default: '1000' },
    'count-lines': { type: 'string' },
  },
});
const depth = Number(values.depth);
const dir = values.dir!;
const runFile = path.join(dir, `run.multi.d${depth}.trec`);
const qrelsFile = path.join(dir, 'qrels.multi.txt');
const ROOT = path.resolve(import.meta.dirname, '..');

async function write(file: string, lines: () => Generator<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const chunk of lines()) if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function generate(): Promise<void> {
  const { corpus } = await loadCorpus(createFsSource(values.data!));
  const ids = corpus.passages.map((p) => p.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const rng = createRng(2026);
  const order = Int32Array.from(ids.keys());
  await mkdir(dir, { recursive: true });
  await write(qrelsFile, function* () {
    for (const q of corpus.questions) yield q.relevant.map((id) => `${q.id} 0 ${id} 1\n`).join('');
  });
  await write(runFile, function* () {
    for (const q of corpus.questions) {
      // A random ranking: shuffle the first `depth + 300` slots, then move each answer to a random rank.
      const n = Math.min(depth + 300, ids.length);
      for (let i = 0; i < n; i++) {
        const j = i + rng.int(ids.length - i);
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const id of q.relevant) {
        const at = order.indexOf(index.get(id)!);
        const to = rng.int(n);
        [order[at], order[to]] = [order[to], order[at]];
      }
      let block = '';
      for (let r = 0; r < Math.min(depth, n); r++) block += `${q.id} Q0 ${ids[order[r]]} ${r + 1} ${(100 - r * 0.05).toFixed(4)} bench\n`;
      yield block;
    }
  });
}

function measure(args: string[]) {
  return measureChild(args, ROOT, { keepStdout: true });
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const c of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (let i = (c as string).indexOf('\n'); i !== -1; i = (c as string).indexOf('\n', i + 1)) n++;
  }
  return n;
}

if (values['count-lines']) {
  process.stdout.write(`${await countLines(values['count-lines'])}\n`);
} else {
  if (!existsSync(runFile) || !existsSync(qrelsFile)) {
    process.stderr.write(`generating ${runFile} (once; about 1.2 GB)\n`);
    await generate();
  }
  const bytes = (await stat(runFile)).size;
  const reference = await measure(['--import', 'tsx', path.join(ROOT, 'scripts/bench-analyze.ts'), '--count-lines', runFile]);
  const lines = Number(reference.stdout.trim());
  const out = path.join(dir, 'out');
  const analyze = await measure([
    '--import',
    'tsx',
    path.join(ROOT, 'src/cli/main.ts'),
    'analyze',
    '--run',
    runFile,
    '--qrels',
    qrelsFile,
    '--corpus',
    values.data!,
    '--out',
    out,
    '--force',
  ]);
  const rate = (s: number) => Math.round(lines / s).toLocaleString('en-US');
  console.log(`run file: ${runFile}, ${lines.toLocaleString('en-US')} lines, ${(bytes / 1e6).toFixed(0)} MB`);
  const load = (await readFile('/proc/loadavg', 'utf8')).split(' ')[0];
  console.log(
    `reference (read and count lines): ${reference.seconds.toFixed(1)} s wall (${reference.cpuSeconds.toFixed(1)} s CPU), ${rate(reference.seconds)} lines/s, peak RSS ${reference.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `npm run analyze (parse, score, write): ${analyze.seconds.toFixed(1)} s wall (${analyze.cpuSeconds.toFixed(1)} s CPU), ${rate(analyze.seconds)} lines/s, peak RSS ${analyze.peakMb.toFixed(0)} MB`,
  );
  console.log(`machine load average at the end: ${load} (on ${(await readFile('/proc/cpuinfo', 'utf8')).match(/^processor/gm)?.length ?? '?'} cores)`);
  console.log(
    `analyze takes ${(analyze.seconds / reference.seconds).toFixed(1)}x the time of reading the file; targets: under 60 s (${analyze.seconds < 60 ? 'met' : 'NOT met'}), under 1,500 MB (${analyze.peakMb < 1500 ? 'met' : 'NOT met'})`,
  );
}

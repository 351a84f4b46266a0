/**
 * How far the CLI goes on this machine: a synthetic corpus of N passages in 4 languages (each
 * passage 30 words from a 20,000-word vocabulary per language, translations sharing a group),
 * 1,000 questions per language made from words of their group's passage, and random unit rows
 * (dim 384, seeded) for every passage and question as an embeddings file. For each size it runs
 * `eval --settings multi` with BM25 and with --embeddings, as child processes, and reports wall
 * and CPU time and peak RSS (VmHWM polled from /proc), beside a reference measured in the same
 * run: Node reading the corpus file and parsing each JSON line.
 * Usage: npx tsx scripts/bench-scale.ts [--passages 20000,100000] [--format npy|parquet] [--dir /tmp/bench-scale]
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureChild } from './measure-child';
import { writeEmbeddingsFile } from '../src/cli/embeddings-files';
import { createRng } from '../src/core/numeric/rng';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '20000,100000' },
    format: { type: 'string', default: 'npy' },
    dir: { type: 'string', default: '/tmp/bench-scale' },
    'parse-only': { type: 'string' },
  },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const LANGS = ['en', 'de', 'fr', 'es'];
const QUESTIONS_PER_LANG = 1000;
const DIM = 384;

async function generate(dir: string, passages: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const rng = createRng(7);
  const groups = Math.floor(passages / LANGS.length);
  const out = createWriteStream(path.join(dir, 'corpus.jsonl'));
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  const wordsOf: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const words = Array.from({ length: 30 }, () => rng.int(20000));
    if (g < QUESTIONS_PER_LANG) wordsOf.push(words);
    for (const lang of LANGS)
      await write(JSON.stringify({ kind: 'passage', id: `p${g}.${lang}`, group: `p${g}`, lang, text: words.map((w) => `${lang}${w}`).join(' ') }));
  }
  for (let q = 0; q < QUESTIONS_PER_LANG; q++) {
    const picked = Array.from({ length: 6 }, () => wordsOf[q][rng.int(30)]);
    for (const lang of LANGS)
      await write(
        JSON.stringify({
          kind: 'question',
          id: `q${q}.${lang}`,
          qid: `q${q}`,
          lang,
          text: picked.map((w) => `${lang}${w}`).join(' '),
          answer_groups: [`p${q}`],
        }),
      );
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  // Random unit rows for every passage and question, in corpus order.
  const ids = [
    ...Array.from({ length: groups }, (_, g) => LANGS.map((l) => `p${g}.${l}`)).flat(),
    ...Array.from({ length: QUESTIONS_PER_LANG }, (_, q) => LANGS.map((l) => `q${q}.${l}`)).flat(),
  ];
  const rows = new Float32Array(ids.length * DIM);
  for (let r = 0; r < ids.length; r++) {
    let sq = 0;
    for (let j = 0; j < DIM; j++) sq += (rows[r * DIM + j] = rng.normal()) ** 2;
    const norm = Math.sqrt(sq);
    for (let j = 0; j < DIM; j++) rows[r * DIM + j] /= norm;
  }
  await writeEmbeddingsFile({ source: 'bench', encoder: 'random-unit-rows', ids, dim: DIM, rows }, path.join(dir, `rows.${values.format}`));
}

function measure(args: string[]) {
  return measureChild(args, ROOT);
}

if (values['parse-only']) {
  let n = 0;
  let rest = '';
  for await (const chunk of createReadStream(values['parse-only'], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const l of lines) if (l) n += JSON.parse(l) ? 1 : 0;
  }
  process.stdout.write(`${n}\n`);
} else {
  const cli = (args: string[]) => measure(['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'eval', ...args]);
  const fmt = (m: { seconds: number; cpuSeconds: number; peakMb: number }) =>
    `${m.seconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU, peak RSS ${m.peakMb.toFixed(0)} MB`;
  for (const passages of values.passages!.split(',').map(Number)) {
    const dir = path.join(values.dir!, `p${passages}`);
    if (!existsSync(path.join(dir, `rows.${values.format}`))) await generate(dir, passages);
    const reference = await measure(['--import', 'tsx', path.join(ROOT, 'scripts/bench-scale.ts'), '--parse-only', path.join(dir, 'corpus.jsonl')]);
    const common = ['--data', dir, '--settings', 'multi', '--depth', '10', '--force'];
    await rm(path.join(dir, 'out'), { recursive: true, force: true });
    const bm25 = await cli([...common, '--out', path.join(dir, 'out', 'bm25')]);
    const dense = await cli([...common, '--embeddings', path.join(dir, `rows.${values.format}`), '--out', path.join(dir, 'out', 'dense')]);
    const load = (await readFile('/proc/loadavg', 'utf8')).split(' ')[0];
    console.log(`${passages.toLocaleString('en-US')} passages, ${LANGS.length * QUESTIONS_PER_LANG} questions (load average ${load})`);
    console.log(`  reference (read + JSON.parse each line): ${fmt(reference)}`);
    console.log(`  eval --settings multi bm25: ${fmt(bm25)} (${(bm25.seconds / reference.seconds).toFixed(1)}x the reference)`);
    console.log(`  eval --settings multi --embeddings rows.${values.format} (${DIM} dims): ${fmt(dense)} (${(dense.seconds / reference.seconds).toFixed(1)}x)`);
  }
}

// Generates the committed test fixture model and its parallel corpus, or (--bench) a
// random-weight model with multilingual-e5-small's exact shape for benchmarks.
//
//   npx tsx scripts/fixture-model/generate.ts                     # fixture + corpus
//   npx tsx scripts/fixture-model/generate.ts --language-bias 1   # a more language-biased fixture
//   npx tsx scripts/fixture-model/generate.ts --bench             # public/models/bench-e5-small-random
//   npx tsx scripts/fixture-model/generate.ts --families          # the conformance fixtures (family-fixtures.ts)
//
// No downloads: everything is constructed here, deterministically from --seed.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_E5_SMALL_ID, generateBenchE5Small } from './bench-e5-small';
import { FAMILY_FIXTURES, generateFamilyFixture } from './family-fixtures';
import { buildLexiconCorpus, formatJsonl } from './lexicon-corpus';
import { DEFAULT_XLMR_TINY_OPTIONS, XLMR_TINY_ID, generateXlmrTiny } from './xlmr-tiny';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODELS_DIR = join(PROJECT_ROOT, 'public/models');
const CORPUS_PATH = join(PROJECT_ROOT, 'test/fixtures/lexicon-corpus.jsonl');
const BENCH_TEXT_DIR = resolve(PROJECT_ROOT, '../shared/data/xquad-r');

const USAGE = `usage: generate.ts [--out DIR] [--seed N] [--language-bias X] [--piece-noise X] [--corpus-out FILE | --no-corpus]
       generate.ts --bench [--out DIR] [--seed N] [--text-dir DIR]
       generate.ts --families [--out MODELS_DIR]`;

function parseNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag}: expected a number, got "${value}"\n${USAGE}`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      bench: { type: 'boolean', default: false },
      families: { type: 'boolean', default: false },
      out: { type: 'string' },
      seed: { type: 'string' },
      'language-bias': { type: 'string' },
      'piece-noise': { type: 'string' },
      'corpus-out': { type: 'string' },
      'no-corpus': { type: 'boolean', default: false },
      'text-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();

  if (values.families) {
    for (const family of FAMILY_FIXTURES) {
      const modelsDir = resolve(values.out ?? MODELS_DIR);
      report(join(modelsDir, family.id), generateFamilyFixture(family, modelsDir), started);
    }
    return;
  }

  if (values.bench) {
    const folder = resolve(values.out ?? join(MODELS_DIR, BENCH_E5_SMALL_ID));
    const sizes = generateBenchE5Small(folder, {
      seed: parseNumber('--seed', values.seed, 1),
      textDir: resolve(values['text-dir'] ?? BENCH_TEXT_DIR),
      log: (message) => console.log(message),
    });
    report(folder, sizes, started);
    return;
  }

  const folder = resolve(values.out ?? join(MODELS_DIR, XLMR_TINY_ID));
  const sizes = generateXlmrTiny(folder, {
    seed: parseNumber('--seed', values.seed, DEFAULT_XLMR_TINY_OPTIONS.seed),
    languageBias: parseNumber('--language-bias', values['language-bias'], DEFAULT_XLMR_TINY_OPTIONS.languageBias),
    pieceNoise: parseNumber('--piece-noise', values['piece-noise'], DEFAULT_XLMR_TINY_OPTIONS.pieceNoise),
  });
  report(folder, sizes, started);
  if (!values['no-corpus']) {
    const corpusPath = resolve(values['corpus-out'] ?? CORPUS_PATH);
    mkdirSync(dirname(corpusPath), { recursive: true });
    const records = buildLexiconCorpus();
    writeFileSync(corpusPath, formatJsonl(records));
    console.log(`wrote ${records.length} records to ${relative(process.cwd(), corpusPath) || corpusPath}`);
  }
}

function report(folder: string, sizes: Record<string, number>, started: number): void {
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  for (const [name, size] of Object.entries(sizes)) console.log(`  ${name.padEnd(28)} ${(size / 1024).toFixed(1).padStart(10)} KiB`);
  console.log(`wrote ${folder} (${(total / 1024 / 1024).toFixed(2)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}

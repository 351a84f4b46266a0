/**
 * Significance between two XQuAD-R-sized runs, the table kernel against the one-by-one loop it
 * replaced (test/support/randomization-reference.ts), in the same run on the same inputs.
 *
 *   npm run bench:significance -- [--permutations 10000] [--seed 1]
 *
 * The two reports are generated (seeded), shaped as the app's and the CLI's reports of XQuAD-R:
 * 11 languages x 1,190 questions; mono 11 cells, cross 110 cells, multi 11 cells (13,090
 * questions); per question an AP from a rank drawn like BM25's (mostly first within a language,
 * spread over the 1,190 candidates across languages, one of 11 relevant in the 13,014-sentence
 * pool), and for multi a max rank distance. Run B keeps A's rank for half the questions (zero
 * differences, as two variants of one retriever often give) and redraws the rest.
 * compareReports tests AP in every setting and the rank distance in multi: 143 cells and 4
 * setting-level tests (cross: 130,900 pairs). Prints CPU and wall time of every test both ways, the
 * ratio, the setting-level p-values both ways, whether all 147 p-values are identical, and the
 * whole compareReports call (what the app's comparison worker runs) with the new kernel.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { compareReports } from '../src/core/comparison/compare-reports';
import type { CellReport, EvalReport, QueryRecord } from '../src/core/evaluation/eval-report';
import { meanMetrics } from '../src/core/metrics/aggregate';
import type { MetricName, QueryMetrics, SettingName } from '../src/core/metrics/types';
import { createRng, type Rng } from '../src/core/numeric/rng';
import { randomizationTest, type RandomizationOptions, type RandomizationResult } from '../src/core/stats/randomization-test';
import { randomizationTestReference } from '../test/support/randomization-reference';

const { values } = parseArgs({ options: { permutations: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const permutations = Number(values.permutations);
const seed = Number(values.seed);
const LANGS = ['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh'];
const QUESTIONS = 1190;
const POOL = 13_014;
const load = () => loadavg()[0].toFixed(1);

/** A rank in 1..max: first with probability `top`, else log-uniform over the rest (a long tail, as BM25's misses). */
function drawRank(rng: Rng, top: number, max: number): number {
  if (rng.uniform() < top) return 1;
  return Math.min(max, 1 + Math.floor(Math.exp(rng.uniform() * Math.log(max))));
}

function metricsOf(rank: number, distance: number): QueryMetrics {
  return {
    ap: 1 / rank,
    recallAt1: rank === 1 ? 1 : 0,
    recallAt10: rank <= 10 ? 1 : 0,
    rr: 1 / rank,
    ndcgAt10: rank <= 10 ? 1 / Math.log2(rank + 1) : 0,
    maxRankDistance: distance,
  };
}

/** Ranks of run A, and of run B (A's for half the questions, redrawn for the others). */
function generate(rngSeed: number): [EvalReport, EvalReport] {
  const rng = createRng(rngSeed);
  const reports: [EvalReport, EvalReport] = [0, 1].map(() => ({
    corpus: 'xquad-r (generated)',
    retriever: '',
    languages: LANGS,
    settings: {},
    mixK: 10,
    tieBreak: '',
    elapsedMs: 0,
  })) as [EvalReport, EvalReport];
  const add = (setting: SettingName, key: string, queryLang: string, passageLang: string, draw: () => [number, number]) => {
    const records: [QueryRecord[], QueryRecord[]] = [[], []];
    for (let q = 0; q < QUESTIONS; q++) {
      const a = draw();
      const b = rng.uniform() < 0.5 ? a : draw();
      [a, b].forEach(([rank, distance], r) =>
        records[r].push({ queryId: `q${q}/${queryLang}`, qid: `q${q}`, lang: queryLang, metrics: metricsOf(rank, distance), relevantRanks: [rank], top: [] }),
      );
    }
    reports.forEach((report, r) => {
      const cell: CellReport = { key, queryLang, passageLang, skipped: 0, metrics: meanMetrics(records[r].map((x) => x.metrics)), queries: records[r] };
      (report.settings[setting] ??= { setting, macro: cell.metrics, cells: [] }).cells.push(cell);
    });
  };
  for (const q of LANGS) add('mono', `${q}->${q}`, q, q, () => [drawRank(rng, 0.66, QUESTIONS), 0]);
  for (const q of LANGS) for (const p of LANGS) if (p !== q) add('cross', `${q}->${p}`, q, p, () => [drawRank(rng, 0.08, QUESTIONS), 0]);
  for (const q of LANGS) add('multi', `${q}->*`, q, '*', () => [drawRank(rng, 0.6, POOL), Math.floor(rng.uniform() * POOL)]);
  return reports;
}

/** The randomization tests compareReports runs: per cell, and the setting's macro difference (weights 1 / (cells x questions)). */
function testsOf(a: EvalReport, b: EvalReport): { name: string; diffs: number[]; weights?: number[] }[] {
  const out: { name: string; diffs: number[]; weights?: number[] }[] = [];
  for (const setting of ['mono', 'cross', 'multi'] as const) {
    const metrics: MetricName[] = setting === 'multi' ? ['ap', 'maxRankDistance'] : ['ap'];
    const cellsA = a.settings[setting]!.cells;
    const cellsB = b.settings[setting]!.cells;
    for (const metric of metrics) {
      const perCell = cellsB.map((cb, c) => cb.queries!.map((q, i) => q.metrics[metric] - cellsA[c].queries![i].metrics[metric]));
      perCell.forEach((diffs, c) => out.push({ name: `${setting} ${metric} ${cellsB[c].key}`, diffs }));
      const weights = perCell.flatMap((d) => d.map(() => 1 / (perCell.length * d.length)));
      out.push({ name: `${setting} ${metric} (setting)`, diffs: perCell.flat(), weights });
    }
  }
  return out;
}

function timed<T>(f: () => T): { value: T; cpuS: number; wallS: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { value, cpuS: (used.user + used.system) / 1e6, wallS: (performance.now() - wall) / 1000 };
}

type Kernel = (diffs: readonly number[], opts: RandomizationOptions) => RandomizationResult;
const runAll = (kernel: Kernel, tests: ReturnType<typeof testsOf>) => tests.map((t) => kernel(t.diffs, { permutations, seed, weights: t.weights }).p);

console.log(`node ${process.version}, load average ${load()} at the start; ${permutations.toLocaleString('en-US')} permutations, seed ${seed}`);
const [a, b] = generate(2026);
const tests = testsOf(a, b);
const pairs = tests.reduce((s, t) => s + t.diffs.length, 0);
console.log(`${tests.length} randomization tests over ${pairs.toLocaleString('en-US')} pairs in all`);

// New, reference, new again: the better of the two new runs, so a burst of other work does not favour either side.
const first = timed(() => runAll(randomizationTest, tests));
const reference = timed(() => runAll(randomizationTestReference, tests));
const second = timed(() => runAll(randomizationTest, tests));
const fast = second.cpuS < first.cpuS ? second : first;
const identical = tests.filter((_, i) => fast.value[i] === reference.value[i] && first.value[i] === second.value[i]).length;

const whole = timed(() => compareReports('A', a, 'B', b, { permutations, seed }));
// The tests above are the ones compareReports runs: the same p-values, cell by cell.
const fromCompare = whole.value.settings.flatMap((s) => s.tests.flatMap((t) => [...t.cells.map((c) => c.p), t.overall.p]));
const sameAsCompare = fromCompare.length === tests.length && fromCompare.every((p, i) => p === fast.value[i]);

console.log('\n| | CPU | wall |');
console.log('|---|---:|---:|');
console.log(`| reference (one branch per term) | ${reference.cpuS.toFixed(2)} s | ${reference.wallS.toFixed(2)} s |`);
console.log(`| table kernel (better of 2) | ${fast.cpuS.toFixed(2)} s | ${fast.wallS.toFixed(2)} s |`);
console.log(`| compareReports with the table kernel (+ t-tests, pairing, Holm) | ${whole.cpuS.toFixed(2)} s | ${whole.wallS.toFixed(2)} s |`);
console.log(`\nspeed-up (CPU): ${(reference.cpuS / fast.cpuS).toFixed(1)}x; wall: ${(reference.wallS / fast.wallS).toFixed(1)}x`);
console.log(`p-values identical to the reference: ${identical} of ${tests.length}; tests are those compareReports runs: ${sameAsCompare ? 'yes' : 'NO'}`);
console.log('setting-level p (reference / table kernel):');
tests.forEach((t, i) => {
  if (t.weights) console.log(`  ${t.name}: ${reference.value[i]} / ${fast.value[i]}`);
});
console.log(`load average ${load()} at the end`);
if (identical !== tests.length || !sameAsCompare) process.exitCode = 1;

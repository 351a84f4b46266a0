/**
 * Micro-benchmark of the ranking hot path at XQuAD-R multilingual scale: for 13,090 queries,
 * rankRelevant (11 relevant each) and selectTopK (k = 1000) over a 12,000-candidate row.
 * Two kinds of row: "random" (relevant items anywhere: the slow case for rankRelevant) and
 * "model-like" (relevant items scored in the top tenth, as a trained encoder would, so most
 * candidates exit rankRelevant after one comparison). Rows are regenerated per block outside the
 * timed region. CPU time is printed beside wall time because build machines are shared.
 * Usage: npx tsx scripts/bench-rank.ts [queries] [candidates]
 */
import { rankRelevant, tieKeysDescendingById } from '../src/core/metrics/rank-relevant';
import { selectTopK } from '../src/core/metrics/top-k';

const queries = Number(process.argv[2] ?? 13_090);
const candidates = Number(process.argv[3] ?? 12_000);
const relevantPerQuery = 11;
const k = 1000;
const blockRows = 64;

let seed = 12345;
function nextRandom(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const tieKey = tieKeysDescendingById(Array.from({ length: candidates }, (_, i) => `p${i}`));
const block = new Float32Array(blockRows * candidates);
// 11 distinct relevant candidates per query, one per "language" slice of the pool.
const slice = Math.floor(candidates / relevantPerQuery);
const relevant = Array.from({ length: blockRows }, () => new Int32Array(relevantPerQuery));
let checksum = 0;

function timed(into: { wall: number; cpu: number }, work: () => void): void {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  work();
  into.wall += performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  into.cpu += (cpu.user + cpu.system) / 1000;
}

function runScenario(name: string, relevantScore: (() => number) | null): void {
  const timing = { rank: { wall: 0, cpu: 0 }, topK: { wall: 0, cpu: 0 } };
  for (let start = 0; start < queries; start += blockRows) {
    const rows = Math.min(blockRows, queries - start);
    for (let i = 0; i < rows * candidates; i++) block[i] = nextRandom() * 2 - 1;
    for (let r = 0; r < rows; r++) {
      for (let l = 0; l < relevantPerQuery; l++) {
        relevant[r][l] = l * slice + Math.floor(nextRandom() * slice);
        if (relevantScore) block[r * candidates + relevant[r][l]] = relevantScore();
      }
    }
    timed(timing.rank, () => {
      for (let r = 0; r < rows; r++) checksum += rankRelevant(block, r * candidates, candidates, relevant[r], tieKey)[0];
    });
    timed(timing.topK, () => {
      for (let r = 0; r < rows; r++) checksum += selectTopK(block, r * candidates, candidates, k, tieKey).indices[0];
    });
  }
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const { rank, topK } = timing;
  console.log(`${name} rows:`);
  console.log(`  rankRelevant: ${s(rank.wall)} s wall, ${s(rank.cpu)} s cpu`);
  console.log(`  selectTopK:   ${s(topK.wall)} s wall, ${s(topK.cpu)} s cpu`);
  console.log(`  total:        ${s(rank.wall + topK.wall)} s wall, ${s(rank.cpu + topK.cpu)} s cpu`);
}

console.log(`${queries} queries x ${candidates} candidates, ${relevantPerQuery} relevant, k = ${k}`);
runScenario('random', null);
runScenario('model-like', () => 0.8 + 0.2 * nextRandom());
console.log(`(checksum ${checksum})`);

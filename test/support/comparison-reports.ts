/**
 * Two generated (seeded) reports the size of XQuAD-R runs, for timing comparisons in Node
 * (scripts/bench-significance.ts) and in the browser (test/pages/comparison-harness.ts): 11
 * languages x 1,190 questions; mono 11 cells, cross 110, multi 11 against a 13,014-sentence pool.
 * Per question an AP of 1/rank, the rank first with a setting's probability (as BM25's fall: 66%
 * within a language, 8% across, 60% in the pool) and else spread log-uniformly over the pool, and
 * for multi a max rank distance. Run B keeps A's rank for half the questions (zero differences, as
 * two variants of one retriever give) and redraws the rest. Integer draws and IEEE arithmetic only,
 * so Node and every browser build the same reports.
 */
import type { CellReport, EvalReport, QueryRecord } from '../../src/core/evaluation/eval-report';
import { meanMetrics } from '../../src/core/metrics/aggregate';
import type { QueryMetrics, SettingName } from '../../src/core/metrics/types';
import { createRng, type Rng } from '../../src/core/numeric/rng';

const LANGS = ['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh'];
const QUESTIONS = 1190;
const POOL = 13_014;

/** A rank in 1..max: 1 with probability `top`, else in (2^k, 2^(k+1)] for a uniform k (a long tail). */
function drawRank(rng: Rng, top: number, max: number): number {
  if (rng.uniform() < top) return 1;
  let octaves = 0;
  while (2 ** (octaves + 1) < max) octaves++;
  const k = rng.int(octaves + 1);
  return Math.min(max, 2 ** k + 1 + rng.int(2 ** k));
}

function metricsOf(rank: number, distance: number): QueryMetrics {
  const hit = (k: number) => (rank <= k ? 1 : 0);
  // nDCG@10 is not tested; R@1 stands in for it, which keeps logarithms (engine-dependent) out.
  return { ap: 1 / rank, recallAt1: hit(1), recallAt10: hit(10), rr: 1 / rank, ndcgAt10: hit(1), maxRankDistance: distance };
}

export function xquadSizedReports(seed: number): [EvalReport, EvalReport] {
  const rng = createRng(seed);
  const blank = (): EvalReport => ({ corpus: 'xquad-r (generated)', retriever: '', languages: LANGS, settings: {}, mixK: 10, tieBreak: '', elapsedMs: 0 });
  const reports: [EvalReport, EvalReport] = [blank(), blank()];
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
  for (const q of LANGS) add('multi', `${q}->*`, q, '*', () => [drawRank(rng, 0.6, POOL), rng.int(POOL)]);
  return reports;
}

/** The Ranking view's list when an imported run is the source: the run's own order for the question, never re-ranked. */
import type { LangCode, Question } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { QueryMetrics, SettingName } from '../../../core/metrics/types';
import { findRunQuery, runQueryRanking } from '../../../core/runs/run-lists';
import type { Ranking } from '../ranking/ranking-slice';
import type { ImportedRunEntry } from './results-slice';

const metricsByQid = new WeakMap<EvalReport, Map<string, QueryMetrics>>();

/** A query's figures as the report scored them (bounds when the run misses its relevant documents). */
function metricsOf(report: EvalReport, qid: string): QueryMetrics | null {
  let byQid = metricsByQid.get(report);
  if (!byQid) {
    byQid = new Map();
    for (const s of Object.values(report.settings)) for (const c of s.cells) for (const q of c.queries ?? []) byQid.set(q.qid, q.metrics);
    metricsByQid.set(report, byQid);
  }
  return byQid.get(qid) ?? null;
}

export interface RunRankingAsk {
  question: Question | null;
  setting: SettingName;
  target: LangCode | null;
  topK: number;
  retrieverId: string;
  inPlay: LangCode[];
}

/** The ranking from the run, or a sentence saying why there is none. */
export function rankingFromRun(entry: ImportedRunEntry, ask: RunRankingAsk): Ranking | string {
  const { question } = ask;
  if (!question) return `${entry.file} ranks only its own queries: pick a benchmark question (or choose the retriever under "Ranked by").`;
  const q = findRunQuery(entry.lists, question.id, ask.setting, ask.target);
  if (q < 0)
    return `${entry.file} holds no list for question ${question.id}${ask.setting === 'cross' && ask.target ? ` (nor ${question.id}->${ask.target})` : ''}.`;
  const main = runQueryRanking(entry.lists, q, ask.topK);
  // The summary reads the first answer's rank: figures are shown only with an answer in the list.
  const metrics = main.answers.length ? metricsOf(entry.report, entry.lists.qids[q]) : null;
  const multi = entry.lists.pool === 'multi';
  return {
    text: question.text,
    questionId: question.id,
    setting: ask.setting,
    // The retriever in use, so the view does not call the run's list a stale one of another retriever.
    retriever: ask.retrieverId,
    strategy: 'untrained',
    label: `run ${entry.name}`,
    // A run does not say its pool: the languages in play for a multilingual run, else those its list holds.
    poolLangs: multi ? ask.inPlay : [...new Set(main.top.map((c) => c.lang))],
    topK: ask.topK,
    main: { ...main, metrics },
    ladder: null,
    ladderLangs: multi && question.relevant.length ? ask.inPlay : null,
    elapsedMs: 0,
  };
}

import type { Corpus, LangCode, Passage, Question } from '../corpus/types';
import { macroAverage, meanMetrics } from '../metrics/aggregate';
import { languageMixByQueryLang } from '../metrics/language-mix';
import { computeQueryMetrics } from '../metrics/query-metrics';
import { tieKeysDescendingById } from '../metrics/rank-relevant';
import type { QueryMetrics, RankedQuery, SettingName } from '../metrics/types';
import type { Retriever, RunOptions, ScoredBlock } from '../retrieval/types';
import { rankScoredRow } from '../scoring/settle-row';
import { TIE_BREAK, type CellReport, type EvalReport, type QueryRecord, type SettingReport } from './eval-report';
import { yieldToEventLoop } from './yield-to-event-loop';

export const ALL_SETTINGS: readonly SettingName[] = ['mono', 'cross', 'multi'];

export interface EvalOptions extends RunOptions {
  /** Default: all three. */
  settings?: readonly SettingName[];
  /** Restrict both questions and passages to these languages. Default: every language of the corpus. */
  languages?: readonly LangCode[];
  /** Top passages kept per query in the report. Default 10. */
  keepTop?: number;
  /** Keep per-query records (for distributions and drill-down). Default true. */
  keepQueries?: boolean;
  /** Depth of the top list handed to onRanked (TREC runs use 1000). Default keepTop. */
  runDepth?: number;
  /** Questions scored at once; bounds memory at block x pool scores. Default 256. */
  queryBlock?: number;
  /** Every ranked block, as it is done: lets a caller stream TREC run files. */
  onRanked?: (block: RankedBlock) => void | Promise<void>;
}

export interface RankedBlock {
  setting: SettingName;
  cellKey: string;
  pool: readonly Passage[];
  ranked: readonly RankedQuery[];
}

interface Pool {
  key: LangCode | '*';
  passages: Passage[];
  /** Passage id (numbered by PassageIds) -> pool index, -1 when absent; the last of a repeated id wins, as a Map would. */
  indexOfId: Int32Array;
  tieKey: Int32Array;
}

/** Passage ids numbered once per evaluation, so each question's relevant ids are looked up once, not once per pool. */
class PassageIds {
  readonly number = new Map<string, number>();
  private readonly relevantOf = new Map<Question, Int32Array>();
  constructor(passages: readonly Passage[]) {
    for (const p of passages) if (!this.number.has(p.id)) this.number.set(p.id, this.number.size);
  }
  relevant(q: Question): Int32Array {
    let ids = this.relevantOf.get(q);
    if (!ids) {
      ids = Int32Array.from(q.relevant.map((id) => this.number.get(id) ?? -1).filter((n) => n >= 0));
      this.relevantOf.set(q, ids);
    }
    return ids;
  }
}

interface Job {
  setting: SettingName;
  queryLang: LangCode;
  questions: Question[];
}

function makePool(key: LangCode | '*', passages: Passage[], ids: PassageIds): Pool {
  const indexOfId = new Int32Array(ids.number.size).fill(-1);
  passages.forEach((p, i) => (indexOfId[ids.number.get(p.id)!] = i));
  return { key, passages, indexOfId, tieKey: tieKeysDescendingById(passages.map((p) => p.id)) };
}

function relevantIn(pool: Pool, q: Question, ids: PassageIds): Int32Array {
  const idx: number[] = [];
  for (const n of ids.relevant(q)) {
    const i = pool.indexOfId[n];
    if (i >= 0) idx.push(i);
  }
  return Int32Array.from(idx);
}

/**
 * Evaluates a retriever on a corpus in the paper's three settings (paper-notes.md):
 * mono X->X, cross X->Y (X != Y), and multi X->pool of every language. Each language's passages
 * form one pool that serves both its mono cell and every cross cell into it, so a retriever
 * indexes or embeds each pool once. Figures are macro-averaged over cells, as the paper does.
 */
export async function evaluateCorpus(corpus: Corpus, retriever: Retriever, opts: EvalOptions = {}): Promise<EvalReport> {
  const started = Date.now();
  const settings = opts.settings ?? ALL_SETTINGS;
  const languages = (opts.languages ?? corpus.languages).filter((l) => corpus.languages.includes(l));
  if (languages.length === 0)
    throw new Error(`none of the languages asked for (${(opts.languages ?? []).join(', ')}) is in ${corpus.name} (${corpus.languages.join(', ')})`);
  const keepTop = opts.keepTop ?? 10;
  const runDepth = Math.max(opts.runDepth ?? keepTop, keepTop);
  const keepQueries = opts.keepQueries ?? true;
  const block = opts.queryBlock ?? 256;

  const questionsOf = new Map<LangCode, Question[]>(languages.map((l) => [l, []]));
  for (const q of corpus.questions) questionsOf.get(q.lang)?.push(q);
  const passagesOf = new Map<LangCode, Passage[]>(languages.map((l) => [l, []]));
  for (const p of corpus.passages) passagesOf.get(p.lang)?.push(p);

  const ids = new PassageIds(corpus.passages);
  // Which query languages each pool ranks for, per setting.
  const plan: { pool: () => Pool; jobs: Job[] }[] = [];
  for (const y of languages) {
    const jobs: Job[] = [];
    for (const x of languages) {
      const setting: SettingName = x === y ? 'mono' : 'cross';
      if (settings.includes(setting)) jobs.push({ setting, queryLang: x, questions: questionsOf.get(x)! });
    }
    if (jobs.length) plan.push({ pool: () => makePool(y, passagesOf.get(y)!, ids), jobs });
  }
  if (settings.includes('multi')) {
    const all = corpus.passages.filter((p) => passagesOf.has(p.lang));
    plan.push({
      pool: () => makePool('*', all, ids),
      jobs: languages.map((x) => ({ setting: 'multi' as const, queryLang: x, questions: questionsOf.get(x)! })),
    });
  }

  const total = plan.reduce((n, step) => n + step.jobs.reduce((m, j) => m + j.questions.length, 0), 0);
  let done = 0;
  const cells = new Map<SettingName, CellReport[]>();
  const mixLangs: LangCode[] = [];
  const mixTops: LangCode[][] = [];
  const mixK = 10;

  for (const step of plan) {
    opts.signal?.throwIfAborted();
    const pool = step.pool();
    const stage = pool.key === '*' ? 'multilingual pool' : `pool ${pool.key}`;
    const scorer = await retriever.pool(pool.passages, {
      signal: opts.signal,
      onProgress: (p) => opts.onProgress?.({ stage: `${stage}: ${p.stage}`, done, total }),
    });
    for (const job of step.jobs) {
      const key = `${job.queryLang}->${pool.key}`;
      const metrics: QueryMetrics[] = [];
      const records: QueryRecord[] = [];
      let skipped = 0;
      for (let start = 0; start < job.questions.length; start += block) {
        opts.signal?.throwIfAborted();
        const qs = job.questions.slice(start, start + block);
        const texts = qs.map((q) => q.text);
        const { scores, exact }: ScoredBlock = scorer.scoreBlock
          ? await scorer.scoreBlock(texts, { signal: opts.signal })
          : { scores: await scorer.score(texts, { signal: opts.signal }) };
        const ranked: RankedQuery[] = [];
        qs.forEach((q, i) => {
          const rel = relevantIn(pool, q, ids);
          if (rel.length === 0) {
            skipped++;
            return;
          }
          // Float32 sums from a fast backend (exact set): the scores that decide a rank are recomputed.
          const { relevantRanks, top } = rankScoredRow(scores, i * pool.passages.length, pool.passages.length, i, rel, runDepth, pool.tieKey, exact);
          const m = computeQueryMetrics(relevantRanks);
          metrics.push(m);
          ranked.push({ queryId: q.id, qid: q.qid, lang: q.lang, relevantRanks, top: top.indices, topScores: top.scores });
          if (keepQueries) {
            records.push({
              queryId: q.id,
              qid: q.qid,
              lang: q.lang,
              metrics: m,
              relevantRanks,
              top: Array.from(top.indices.subarray(0, keepTop), (j) => pool.passages[j].id),
            });
          }
          if (job.setting === 'multi') {
            mixLangs.push(q.lang);
            mixTops.push(Array.from(top.indices.subarray(0, mixK), (j) => pool.passages[j].lang));
          }
        });
        await opts.onRanked?.({ setting: job.setting, cellKey: key, pool: pool.passages, ranked });
        done += qs.length;
        opts.onProgress?.({ stage: `ranking ${key}`, done, total });
        await yieldToEventLoop();
      }
      if (metrics.length === 0) continue; // a language with no scorable question adds no cell
      const list = cells.get(job.setting) ?? [];
      list.push({
        key,
        queryLang: job.queryLang,
        passageLang: pool.key,
        metrics: meanMetrics(metrics),
        skipped,
        ...(keepQueries ? { queries: records } : {}),
      });
      cells.set(job.setting, list);
    }
    scorer.dispose?.();
  }

  const reports: Partial<Record<SettingName, SettingReport>> = {};
  for (const setting of settings) {
    const list = cells.get(setting);
    if (list?.length) reports[setting] = { setting, macro: macroAverage(list.map((c) => c.metrics)), cells: list };
  }
  return {
    corpus: corpus.name,
    retriever: retriever.name,
    languages,
    settings: reports,
    ...(mixTops.length ? { languageMix: languageMixByQueryLang(mixLangs, mixTops, mixK) } : {}),
    mixK,
    tieBreak: TIE_BREAK,
    elapsedMs: Date.now() - started,
  };
}

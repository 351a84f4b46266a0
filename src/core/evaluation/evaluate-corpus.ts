import type { Corpus, LangCode, Passage } from '../corpus/types';
import { macroAverage, meanMetrics } from '../metrics/aggregate';
import { languageMixByQueryLang } from '../metrics/language-mix';
import { computeQueryMetrics } from '../metrics/query-metrics';
import type { QueryMetrics, RankedQuery, SettingName } from '../metrics/types';
import type { Retriever, RunOptions, ScoredBlock } from '../retrieval/types';
import { rankScoredRow, type ExactRescorer } from '../scoring/settle-row';
import { TIE_BREAK, type CellReport, type EvalReport, type QueryRecord, type SettingReport } from './eval-report';
import { planEvaluation, relevantIn } from './evaluation-plan';
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

/** The rescorer of a block's columns from `offset` on, for a cell that ranks that slice. */
function shifted(exact: ExactRescorer, offset: number): ExactRescorer {
  return {
    tolerance: (row) => exact.tolerance(row),
    at: (row, j) => exact.at(row, j + offset),
    ...(exact.atMany
      ? { atMany: (row: number, cols: Int32Array, count: number, shift: number, out: Float64Array) => exact.atMany!(row, cols, count, shift + offset, out) }
      : {}),
    ...(exact.mismatch ? { mismatch: (row: number, given: number, e: number) => exact.mismatch!(row, given, e) } : {}),
  };
}

/**
 * Evaluates a retriever on a corpus in the paper's three settings (paper-notes.md):
 * mono X->X, cross X->Y (X != Y), and multi X->pool of every language. Each language's passages
 * form one pool that serves both its mono cell and every cross cell into it, so a retriever
 * indexes or embeds each pool once; a retriever whose scores do not depend on the pool is scored
 * once against all passages and every cell ranks its columns (evaluation-plan.ts). Figures are
 * macro-averaged over cells, as the paper does.
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

  const plan = planEvaluation(corpus, languages, settings, retriever.poolIndependentScores === true);
  const total = plan.total;
  let done = 0;
  const cells = new Map<string, CellReport>();
  const mixLangs: LangCode[] = [];
  const mixTops: LangCode[][] = [];
  const mixK = 10;

  for (const step of plan.steps) {
    opts.signal?.throwIfAborted();
    const scored = step.pool();
    const size = scored.passages.length;
    const stage = scored.key === '*' ? 'multilingual pool' : `pool ${scored.key}`;
    const scorer = await retriever.pool(scored.passages, {
      signal: opts.signal,
      onProgress: (p) => opts.onProgress?.({ stage: `${stage}: ${p.stage}`, done, total }),
    });
    for (const group of step.groups(scored)) {
      const acc = group.cells.map(() => ({ metrics: [] as QueryMetrics[], records: [] as QueryRecord[], skipped: 0 }));
      for (let start = 0; start < group.questions.length; start += block) {
        opts.signal?.throwIfAborted();
        const qs = group.questions.slice(start, start + block);
        const texts = qs.map((q) => q.text);
        const { scores, exact }: ScoredBlock = scorer.scoreBlock
          ? await scorer.scoreBlock(texts, { signal: opts.signal })
          : { scores: await scorer.score(texts, { signal: opts.signal }) };
        for (let c = 0; c < group.cells.length; c++) {
          const view = group.cells[c];
          const { pool, offset } = view;
          const a = acc[c];
          const cellExact = exact && offset ? shifted(exact, offset) : exact;
          const ranked: RankedQuery[] = [];
          qs.forEach((q, i) => {
            const rel = relevantIn(pool, q, plan.ids);
            if (rel.length === 0) {
              a.skipped++;
              return;
            }
            // Float32 sums from a fast backend (exact set): the scores that decide a rank are recomputed.
            const { relevantRanks, top } = rankScoredRow(scores, i * size + offset, pool.passages.length, i, rel, runDepth, pool.tieKey, cellExact);
            const m = computeQueryMetrics(relevantRanks);
            a.metrics.push(m);
            ranked.push({ queryId: q.id, qid: q.qid, lang: q.lang, relevantRanks, top: top.indices, topScores: top.scores });
            if (keepQueries) {
              a.records.push({
                queryId: q.id,
                qid: q.qid,
                lang: q.lang,
                metrics: m,
                relevantRanks,
                top: Array.from(top.indices.subarray(0, keepTop), (j) => pool.passages[j].id),
              });
            }
            if (view.setting === 'multi') {
              mixLangs.push(q.lang);
              mixTops.push(Array.from(top.indices.subarray(0, mixK), (j) => pool.passages[j].lang));
            }
          });
          await opts.onRanked?.({ setting: view.setting, cellKey: view.key, pool: pool.passages, ranked });
          done += qs.length;
          opts.onProgress?.({ stage: `ranking ${view.key}`, done, total });
        }
        await yieldToEventLoop();
      }
      group.cells.forEach((view, c) => {
        const { metrics, records, skipped } = acc[c];
        if (metrics.length === 0) return; // a language with no scorable question adds no cell
        cells.set(view.key, {
          key: view.key,
          queryLang: view.queryLang,
          passageLang: view.pool.key,
          metrics: meanMetrics(metrics),
          skipped,
          ...(keepQueries ? { queries: records } : {}),
        });
      });
    }
    scorer.dispose?.();
  }

  const reports: Partial<Record<SettingName, SettingReport>> = {};
  for (const setting of settings) {
    const list = (plan.order.get(setting) ?? []).flatMap((key) => cells.get(key) ?? []);
    if (list.length) reports[setting] = { setting, macro: macroAverage(list.map((c) => c.metrics)), cells: list };
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

import type { LangCode } from '../corpus/types';
import { TIE_BREAK, type CellReport, type EvalReport, type QueryRecord, type SettingReport } from '../evaluation/eval-report';
import { macroAverage, meanMetrics } from '../metrics/aggregate';
import { languageMixByQueryLang } from '../metrics/language-mix';
import { tieKeysDescendingById } from '../metrics/rank-relevant';
import type { QueryMetrics, SettingName } from '../metrics/types';
import { runQueryMetrics } from './bounded-metrics';
import type { DocTable } from './doc-table';
import { BOUNDS_NOTE, counted, countOne, type ImportedRun, type RunDiagnostics, type TruncatedQuery } from './import-report';
import { describeDiagnostics } from './describe-diagnostics';
import { orderEntries } from './order-entries';
import type { ParsedRun, QueryRun } from './parsed-run';
import { RunFormatError } from './run-format-error';
import type { Qrels } from './trec-qrels';

export interface ScoreRunOptions {
  /** The corpus name for the report. */
  corpus: string;
  queryLang: (qid: string) => LangCode | undefined;
  /** Force the pool kind; default: "multi" when any query's run holds several languages, else "single". */
  pool?: 'multi' | 'single';
  /** Query languages to score, in report order; default: every language met (the evaluation's order). */
  languages?: readonly LangCode[];
  /** Top documents kept per query record. Default 10. */
  keepTop?: number;
  /** Keep per-query records (for significance tests). Default true. */
  keepQueries?: boolean;
  /** Reused across runs that share a DocTable: tie keys over its ids. */
  tieKey?: Int32Array;
}

const MIX_K = 10;
const UNKNOWN_LANG = '?';

interface CellBuild {
  setting: SettingName;
  key: string;
  queryLang: LangCode;
  passageLang: LangCode | '*';
  metrics: QueryMetrics[];
  records: QueryRecord[];
  skipped: number;
}

/**
 * Scores an imported run against qrels with the evaluation's own metric code, into the same
 * EvalReport the evaluation writes. Cells are the evaluation's: X->Y for single-language pools,
 * X->* for the multilingual pool, in order of first appearance in the run (the evaluation's order
 * for its own run files, so its macro sums come out bit for bit the same).
 */
export function scoreRun(run: ParsedRun, qrels: Qrels, docs: DocTable, opts: ScoreRunOptions): ImportedRun {
  const started = Date.now();
  const tieKey = opts.tieKey ?? tieKeysDescendingById(docs.ids);
  const keepTop = opts.keepTop ?? 10;
  const keepQueries = opts.keepQueries ?? true;
  const wanted = opts.languages ? new Set(opts.languages) : null;
  const diag = emptyDiagnostics(run, qrels);

  const langStamp = new Int32Array(docs.langCodes.length + 1);
  const knownLangs = run.queries.map((q, serial) => langsOf(q, docs, langStamp, serial));
  const detectedMulti = knownLangs.some((s) => s.size > 1);
  const multi = (opts.pool ?? (detectedMulti ? 'multi' : 'single')) === 'multi';
  diag.pool = multi ? 'multi' : 'single';
  diag.poolReason = opts.pool
    ? `pool set to "${opts.pool}"`
    : detectedMulti
      ? 'some query ranks documents of several languages: a multilingual pool'
      : 'every query ranks documents of one language: single-language pools (X->X monolingual, X->Y cross-lingual)';
  const poolLangs: LangCode[] = [];
  if (multi) {
    const seen = new Set<LangCode>();
    for (const s of knownLangs) for (const l of s) seen.add(l);
    poolLangs.push(...(opts.languages ? opts.languages.filter((l) => seen.has(l)) : seen));
    diag.poolLanguages = poolLangs;
  }
  const multiSize = poolLangs.reduce((n, l) => n + (docs.mapCount.get(l) ?? 0), 0);

  const cells = new Map<string, CellBuild>();
  const langOrder: LangCode[] = [];
  const mixLangs: LangCode[] = [];
  const mixTops: LangCode[][] = [];
  const relStamp = new Int32Array(docs.size);
  const inRun = new Set<string>();
  const truncated: TruncatedQuery[] = [];
  const unknownSeen = new Uint8Array(docs.size);

  run.queries.forEach((q, serial) => {
    inRun.add(q.qid);
    diag.depth.min = Math.min(diag.depth.min, q.count);
    diag.depth.max = Math.max(diag.depth.max, q.count);
    for (let i = 0; i < q.count; i++) {
      if (docs.langNumberOf(q.docs[i]) !== 0) continue;
      diag.unknownDocs.entries++;
      if (!unknownSeen[q.docs[i]]) {
        unknownSeen[q.docs[i]] = 1;
        countOne(diag.unknownDocs, docs.ids[q.docs[i]]);
      }
    }
    const lang = opts.queryLang(q.qid);
    if (lang === undefined) return countOne(diag.queriesWithoutLanguage, q.qid);
    if (wanted && !wanted.has(lang)) return countOne(diag.queriesOutsideLanguages, q.qid);
    let poolLang: LangCode | '*';
    if (multi) poolLang = '*';
    else {
      const langs = [...knownLangs[serial]];
      if (langs.length === 0) return countOne(diag.queriesWithoutPool, q.qid);
      if (langs.length > 1) {
        throw new RunFormatError(
          run.file,
          q.firstLine,
          `query ${q.qid} ranks documents in ${langs.join(', ')}; with single-language pools each query's run must hold one language`,
        );
      }
      poolLang = langs[0];
    }
    for (const l of multi ? [lang] : [poolLang as LangCode, lang]) if (!langOrder.includes(l)) langOrder.push(l);
    const setting: SettingName = multi ? 'multi' : poolLang === lang ? 'mono' : 'cross';
    const key = `${lang}->${poolLang}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { setting, key, queryLang: lang, passageLang: poolLang, metrics: [], records: [], skipped: 0 }));

    // The relevant set within the pool, as the evaluation restricts it.
    const judged = qrels.queries.get(q.qid)?.relevant ?? [];
    let relevant = 0;
    for (const doc of judged) {
      const docLang = docs.lang(doc);
      if (docLang === undefined) countOne(diag.unknownRelevant, docs.ids[doc]);
      else if (multi ? !poolLangs.includes(docLang) : docLang !== poolLang) {
        diag.relevantOutsidePool++;
        continue;
      }
      relStamp[doc] = serial + 1;
      relevant++;
    }
    if (relevant === 0) {
      countOne(diag.queriesWithoutRelevant, q.qid);
      cell.skipped++;
      return;
    }

    orderEntries(q, tieKey);
    const ranks: number[] = [];
    for (let i = 0; i < q.count; i++) if (relStamp[q.docs[i]] === serial + 1) ranks.push(i + 1);
    const poolSize = multi ? multiSize : (docs.mapCount.get(poolLang as LangCode) ?? q.count);
    const m = runQueryMetrics(ranks, relevant, q.count, Math.max(poolSize, q.count));
    if (ranks.length < relevant) truncated.push({ qid: q.qid, cell: key, depth: q.count, relevant, absent: relevant - ranks.length });
    cell.metrics.push(m);
    if (keepQueries) {
      const top = Array.from(q.docs.subarray(0, Math.min(keepTop, q.count)), (d) => docs.ids[d]);
      cell.records.push({ queryId: q.qid, qid: q.qid, lang, metrics: m, relevantRanks: ranks, top });
    }
    if (multi) {
      mixLangs.push(lang);
      mixTops.push(Array.from(q.docs.subarray(0, Math.min(MIX_K, q.count)), (d) => docs.lang(d) ?? UNKNOWN_LANG));
    }
  });

  for (const [qid, judged] of qrels.queries) if (!inRun.has(qid) && judged.relevant.length > 0) countOne(diag.qrelsQueriesNotInRun, qid);
  if (truncated.length) diag.truncated = { queries: truncated, absentRelevant: truncated.reduce((n, t) => n + t.absent, 0) };
  if (diag.depth.min === Infinity) diag.depth.min = 0;
  diag.notes = describeDiagnostics(diag, BOUNDS_NOTE);

  const settings: Partial<Record<SettingName, SettingReport>> = {};
  for (const cell of cells.values()) {
    if (cell.metrics.length === 0) continue;
    const report: CellReport = {
      key: cell.key,
      queryLang: cell.queryLang,
      passageLang: cell.passageLang,
      metrics: meanMetrics(cell.metrics),
      skipped: cell.skipped,
      ...(keepQueries ? { queries: cell.records } : {}),
    };
    const s = (settings[cell.setting] ??= { setting: cell.setting, macro: report.metrics, cells: [] });
    s.cells.push(report);
  }
  for (const s of Object.values(settings)) s.macro = macroAverage(s.cells.map((c) => c.metrics));
  const languages = opts.languages ? opts.languages.filter((l) => langOrder.includes(l)) : langOrder;
  const report: EvalReport = {
    corpus: opts.corpus,
    retriever: run.tag ?? run.file,
    languages,
    settings,
    ...(mixTops.length ? { languageMix: languageMixByQueryLang(mixLangs, mixTops, MIX_K) } : {}),
    mixK: MIX_K,
    tieBreak: TIE_BREAK,
    elapsedMs: Date.now() - started,
  };
  return { report, diagnostics: diag };
}

/** The known languages of a query's documents (`stamp`: scratch, one slot per language number). */
function langsOf(q: QueryRun, docs: DocTable, stamp: Int32Array, serial: number): Set<LangCode> {
  const langs = new Set<LangCode>();
  for (let i = 0; i < q.count; i++) {
    const n = docs.langNumberOf(q.docs[i]);
    if (n === 0 || stamp[n] === serial + 1) continue;
    stamp[n] = serial + 1;
    langs.add(docs.langCodes[n - 1]);
  }
  return langs;
}

function emptyDiagnostics(run: ParsedRun, qrels: Qrels): RunDiagnostics {
  return {
    file: run.file,
    qrelsFile: qrels.file,
    format: run.format,
    tag: run.tag,
    entries: run.entries,
    queries: run.queries.length,
    depth: { min: Infinity, max: 0 },
    pool: 'single',
    poolReason: '',
    poolLanguages: [],
    truncated: null,
    unknownDocs: { ...counted(), entries: 0 },
    unknownRelevant: counted(),
    relevantOutsidePool: 0,
    queriesWithoutLanguage: counted(),
    queriesOutsideLanguages: counted(),
    queriesWithoutRelevant: counted(),
    qrelsQueriesNotInRun: counted(),
    queriesWithoutPool: counted(),
    notes: [],
  };
}

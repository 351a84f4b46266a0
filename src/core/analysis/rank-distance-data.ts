import type { LangCode } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';
import { histogram } from '../metrics/rank-distance-histogram';

export interface RankDistanceBin {
  start: number;
  end: number;
  /** "0–99", or "7" for a one-wide bin. */
  label: string;
  /** One count per report, in the order the reports were given. */
  counts: number[];
}

export interface RankDistanceData {
  bins: RankDistanceBin[];
  /** Questions counted per report (0 for a report without per-query records). */
  totals: number[];
  /** Mean maximum rank distance per query language, per report (null where a report lacks the language). */
  byLanguage: { queryLang: LangCode; means: (number | null)[] }[];
}

/** Each multilingual question's maximum rank distance (highest minus lowest rank of its answers), optionally for one query language. */
export function collectMaxRankDistances(report: EvalReport, queryLang?: LangCode): number[] | null {
  const cells = report.settings.multi?.cells ?? [];
  if (!cells.some((c) => c.queries)) return null;
  const out: number[] = [];
  for (const c of cells) {
    if (queryLang !== undefined && c.queryLang !== queryLang) continue;
    for (const q of c.queries ?? []) out.push(q.metrics.maxRankDistance);
  }
  return out;
}

/**
 * Histogram of maximum rank distances for one or more reports over the same bins (so two
 * retrievers can be drawn side by side), plus the per-language means every report has even
 * without per-query records (metrics.json).
 */
export function buildRankDistance(reports: readonly EvalReport[], opts: { binCount?: number; queryLang?: LangCode } = {}): RankDistanceData {
  const values = reports.map((r) => collectMaxRankDistances(r, opts.queryLang) ?? []);
  const max = Math.max(0, ...values.map((v) => v.reduce((a, b) => Math.max(a, b), 0)));
  const perReport = values.map((v) => histogram(v, opts.binCount ?? 20, max));
  const bins: RankDistanceBin[] = (perReport[0] ?? []).map((bin, i) => ({
    start: bin.start,
    end: bin.end,
    label: bin.end - bin.start === 1 ? `${bin.start}` : `${formatEdge(bin.start)}–${formatEdge(bin.end - 1)}`,
    counts: perReport.map((h) => h[i].count),
  }));
  const langs: LangCode[] = [];
  for (const r of reports) for (const c of r.settings.multi?.cells ?? []) if (!langs.includes(c.queryLang)) langs.push(c.queryLang);
  const byLanguage = langs.map((queryLang) => ({
    queryLang,
    means: reports.map((r) => r.settings.multi?.cells.find((c) => c.queryLang === queryLang)?.metrics.maxRankDistance ?? null),
  }));
  return { bins, totals: values.map((v) => v.length), byLanguage };
}

/** Bin edges are whole numbers for integer distances; keep a decimal only when a bin is fractional. */
function formatEdge(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

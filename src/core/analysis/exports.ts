import type { EvalReport } from '../evaluation/eval-report';
import { reportToJson, type EvalReportJson } from '../evaluation/report-json';
import { withoutQueries } from '../evaluation/summarise-report';
import { METRIC_NAMES, METRICS, SETTING_NAMES } from '../metrics/registry';
import type { QueryMetrics } from '../metrics/types';

/**
 * Every setting's macro average and every cell of a report as CSV (RFC 4180 quoting, "\n" line
 * ends, a header row). Per query-language cells in a cell's `queries` column count the scored
 * questions; `skipped` those with no relevant passage in the pool. The macro row's cell is "macro".
 */
export function buildMetricsCsv(report: EvalReport): string {
  const header = ['corpus', 'retriever', 'setting', 'cell', 'query_lang', 'passage_lang', 'queries', 'skipped', ...METRIC_NAMES.map((m) => METRICS[m].column)];
  const lines = [header.join(',')];
  for (const name of SETTING_NAMES) {
    const s = report.settings[name];
    if (!s) continue;
    const skipped = s.cells.reduce((n, c) => n + c.skipped, 0);
    lines.push(csvRow([report.corpus, report.retriever, name, 'macro', '', '', s.macro.queries, skipped, ...METRIC_NAMES.map((m) => s.macro[m])]));
    for (const c of s.cells) {
      lines.push(
        csvRow([
          report.corpus,
          report.retriever,
          name,
          c.key,
          c.queryLang,
          c.passageLang,
          c.metrics.queries,
          c.skipped,
          ...METRIC_NAMES.map((m) => c.metrics[m]),
        ]),
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** One row per scored question per cell (only for reports that kept per-query records); null otherwise. */
export function buildQueriesCsv(report: EvalReport): string | null {
  const header = ['setting', 'cell', 'query_id', 'qid', 'lang', ...METRIC_NAMES.map((m) => METRICS[m].column), 'relevant_ranks', 'top'];
  const lines = [header.join(',')];
  let any = false;
  for (const name of SETTING_NAMES) {
    for (const c of report.settings[name]?.cells ?? []) {
      for (const q of c.queries ?? []) {
        any = true;
        const m: QueryMetrics = q.metrics;
        lines.push(csvRow([name, c.key, q.queryId, q.qid, q.lang, ...METRIC_NAMES.map((k) => m[k]), q.relevantRanks.join(' '), q.top.join(' ')]));
      }
    }
  }
  return any ? lines.join('\n') + '\n' : null;
}

/**
 * The report as JSON without per-query records (the shape the CLI writes to metrics.json),
 * keeping only the EvalReport fields so extras a loader carried along do not leak out.
 */
export function buildMetricsJson(report: EvalReport): string {
  const r = reportToJson(withoutQueries(report));
  const out: EvalReportJson = {
    corpus: r.corpus,
    retriever: r.retriever,
    languages: r.languages,
    settings: r.settings,
    ...(r.languageMix ? { languageMix: r.languageMix } : {}),
    mixK: r.mixK,
    tieBreak: r.tieBreak,
    elapsedMs: r.elapsedMs,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/**
 * A field as CSV writes it: quoted when it holds a comma, a quote or a line break; quotes doubled.
 * Text starting with = + - @ (or a tab or CR) would run as a formula in a spreadsheet (CSV
 * injection: "=HYPERLINK(...)" in a corpus text), so it gets a leading "'" (OWASP's advice);
 * numbers are written as numbers.
 */
export function escapeCsvField(value: string | number | boolean): string {
  const s = typeof value === 'number' ? formatNumber(value) : typeof value === 'boolean' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** "'=1+1" for "=1+1": a spreadsheet shows the text instead of evaluating it. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRow(fields: readonly (string | number)[]): string {
  return fields.map(escapeCsvField).join(',');
}

function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** One embedded text, as the TensorBoard Embedding Projector's metadata describes it. */
export interface ProjectorItem {
  id: string;
  lang: string;
  text: string;
  group?: string;
  kind?: 'query' | 'passage';
}

export interface ProjectorFiles {
  /** vectors.tsv: one row per item, dim tab-separated numbers, no header. */
  vectors: string;
  /** metadata.tsv: a header row (id, lang, group, [kind,] text), then one row per item, same order. */
  metadata: string;
}

/**
 * The two files the Embedding Projector (projector.tensorflow.org, "Load") reads. Numbers are
 * written with the fewest digits that read back as the same float32. Metadata fields cannot hold
 * tabs or line breaks, so backslash, tab, newline and carriage return are written as \\, \t, \n, \r.
 */
export function buildProjectorFiles(vectors: Float32Array, dim: number, items: readonly ProjectorItem[]): ProjectorFiles {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`projector export: dim must be a positive integer, got ${dim}`);
  if (vectors.length !== items.length * dim) {
    throw new RangeError(`projector export: ${vectors.length} numbers for ${items.length} items of ${dim} dimensions; expected ${items.length * dim}`);
  }
  const rows: string[] = [];
  for (let r = 0; r < items.length; r++) {
    const cells: string[] = [];
    for (let j = 0; j < dim; j++) cells.push(formatFloat32(vectors[r * dim + j]));
    rows.push(cells.join('\t'));
  }
  const withKind = items.some((it) => it.kind !== undefined);
  const header = ['id', 'lang', 'group', ...(withKind ? ['kind'] : []), 'text'];
  const meta = [header.join('\t')];
  for (const it of items) {
    meta.push([it.id, it.lang, it.group ?? '', ...(withKind ? [it.kind ?? ''] : []), it.text].map(escapeTsvField).join('\t'));
  }
  return { vectors: rows.join('\n') + (rows.length ? '\n' : ''), metadata: meta.join('\n') + '\n' };
}

export function escapeTsvField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The shortest decimal that reads back (through Math.fround) as the same float32: 0.1f is "0.1", not "0.10000000149011612". */
export function formatFloat32(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`projector export: ${x} is not a finite number`);
  const f = Math.fround(x);
  for (let p = 1; p < 9; p++) {
    const s = Number(f.toPrecision(p));
    if (Math.fround(s) === f) return String(s);
  }
  return String(Number(f.toPrecision(9)));
}

/** A file name part from free text ("XQuAD-R", "bm25 k1=0.9") that every file system accepts. */
export function slugForFile(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'report';
}

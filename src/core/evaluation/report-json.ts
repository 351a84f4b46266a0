/**
 * A report at the JSON boundary (metrics.json, experiment.json, the app's downloads). In memory
 * the language mix is a Map; JSON.stringify would turn it into {} without a word, so it is written
 * as an object keyed by language, and read back into a Map.
 */
import type { LangCode } from '../corpus/types';
import { languageMixFromJson, languageMixToJson } from '../metrics/language-mix';
import type { EvalReport } from './eval-report';

/** An EvalReport as JSON holds it. */
export type EvalReportJson = Omit<EvalReport, 'languageMix'> & { languageMix?: Record<LangCode, Record<LangCode, number>> };

type ReportJsonOf<R extends EvalReport> = Omit<R, 'languageMix'> & Pick<EvalReportJson, 'languageMix'>;

/** The report ready for JSON.stringify, fields in the same order. */
export function reportToJson<R extends EvalReport>(report: R): ReportJsonOf<R> {
  // Replacing the value of an existing key keeps its place, so metrics.json keeps its field order.
  return (report.languageMix ? { ...report, languageMix: languageMixToJson(report.languageMix) } : report) as ReportJsonOf<R>;
}

/**
 * A report read back from metrics.json, experiment.json or a store that kept an older shape.
 * Checks the fields every view reads; `where` names the source in errors (e.g. "run/metrics.json").
 */
export function reportFromJson(value: unknown, where: string): EvalReport {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TypeError(`${where}: expected a report object`);
  const r = value as Record<string, unknown>;
  for (const key of ['corpus', 'retriever', 'tieBreak'] as const) {
    if (typeof r[key] !== 'string') throw new TypeError(`${where}: ${key} is ${describe(r[key])}, expected a string`);
  }
  for (const key of ['mixK', 'elapsedMs'] as const) {
    if (typeof r[key] !== 'number') throw new TypeError(`${where}: ${key} is ${describe(r[key])}, expected a number`);
  }
  if (!Array.isArray(r.languages) || !r.languages.every((l) => typeof l === 'string')) {
    throw new TypeError(`${where}: languages is ${describe(r.languages)}, expected a list of language codes`);
  }
  if (typeof r.settings !== 'object' || r.settings === null || Array.isArray(r.settings)) {
    throw new TypeError(`${where}: settings is ${describe(r.settings)}, expected an object`);
  }
  const report = { ...r } as unknown as EvalReport;
  if (r.languageMix !== undefined) report.languageMix = languageMixFromJson(r.languageMix, `${where}: languageMix`);
  return report;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  return Array.isArray(v) ? 'a list' : (JSON.stringify(v)?.slice(0, 40) ?? typeof v);
}

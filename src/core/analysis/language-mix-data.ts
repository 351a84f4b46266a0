import type { LangCode } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';

export interface LanguageMixRow {
  queryLang: LangCode;
  /** Share of each passage language in the top k, for every language in `langs` (0 when absent); sums to 1. */
  shares: ReadonlyMap<LangCode, number>;
  /** Share of the question's own language: 1 / langs.length when unbiased, 1 when fully biased. */
  ownShare: number;
}

export interface LanguageMixData {
  /** Passage languages in stacking order (the report's order, then any extra the mix names). */
  langs: LangCode[];
  rows: LanguageMixRow[];
  k: number;
  /** Each language's share if the top k ignored language: 1 / langs.length. */
  fairShare: number;
}

/**
 * The stacked-bar data for "which languages fill the top k" per query language, from a report's
 * multilingual language mix. Each row is rescaled to sum to exactly 1 so stacks end flush at 100%.
 * Null when the report has no multilingual setting.
 */
export function buildLanguageMix(report: EvalReport): LanguageMixData | null {
  const mix = report.languageMix;
  if (!mix || mix.size === 0) return null;
  const langs = [...report.languages];
  for (const shares of mix.values()) for (const l of shares.keys()) if (!langs.includes(l)) langs.push(l);
  const queryLangs = [...report.languages.filter((l) => mix.has(l)), ...[...mix.keys()].filter((l) => !report.languages.includes(l))];
  const rows = queryLangs.map((queryLang) => {
    const raw = mix.get(queryLang)!;
    const total = langs.reduce((s, l) => s + (raw.get(l) ?? 0), 0);
    const shares = new Map(langs.map((l) => [l, total > 0 ? (raw.get(l) ?? 0) / total : 0]));
    return { queryLang, shares, ownShare: shares.get(queryLang) ?? 0 };
  });
  return { langs, rows, k: report.mixK, fairShare: 1 / langs.length };
}

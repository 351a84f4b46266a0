import type { LangCode } from '../corpus/types';

/**
 * Share of each passage language, e.g. en -> 0.6, de -> 0.4. A Map, never a plain object: a
 * language code is data, and "__proto__" or "constructor" would clash with Object.prototype.
 */
export type LanguageShares = Map<LangCode, number>;

/** Per query language, the shares of the passage languages in its top k. */
export type LanguageMix = Map<LangCode, LanguageShares>;

/**
 * The average share of each passage language among the top k of each query: per query, count the
 * languages of its first min(k, available) passages and divide by that number (so a query's
 * shares sum to 1), then average over queries. A language-agnostic ranking of a parallel pool
 * gives every language about the same share; a biased one favours the query's own language.
 */
export function languageMix(topLangs: readonly (readonly LangCode[])[], k: number): LanguageShares {
  assertK(k);
  const sums = new Map<LangCode, number>();
  topLangs.forEach((langs, q) => addShares(sums, langs, k, q));
  return divide(sums, topLangs.length);
}

/**
 * languageMix per query language: for each query language X, the average share of each passage
 * language among the top k of X's queries. queryLangs[q] is the language of query q.
 */
export function languageMixByQueryLang(queryLangs: readonly LangCode[], topLangs: readonly (readonly LangCode[])[], k: number): LanguageMix {
  assertK(k);
  if (queryLangs.length !== topLangs.length) {
    throw new RangeError(`languageMixByQueryLang: ${queryLangs.length} query languages for ${topLangs.length} queries; expected one per query`);
  }
  const sumsByLang = new Map<LangCode, { sums: Map<LangCode, number>; queries: number }>();
  topLangs.forEach((langs, q) => {
    let entry = sumsByLang.get(queryLangs[q]);
    if (!entry) sumsByLang.set(queryLangs[q], (entry = { sums: new Map(), queries: 0 }));
    addShares(entry.sums, langs, k, q);
    entry.queries++;
  });
  return new Map([...sumsByLang].map(([lang, { sums, queries }]) => [lang, divide(sums, queries)]));
}

function addShares(sums: Map<LangCode, number>, langs: readonly LangCode[], k: number, q: number): void {
  const taken = Math.min(k, langs.length);
  if (taken === 0) throw new RangeError(`language mix: query ${q} has no top passages; expected at least one`);
  const weight = 1 / taken;
  for (let i = 0; i < taken; i++) sums.set(langs[i], (sums.get(langs[i]) ?? 0) + weight);
}

function divide(sums: Map<LangCode, number>, queries: number): LanguageShares {
  return new Map([...sums].map(([lang, sum]) => [lang, sum / queries]));
}

function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`language mix: k must be a positive integer, got ${k}`);
}

/**
 * The mix as metrics.json holds it: { en: { en: 0.6, de: 0.4 }, ... }. Object.fromEntries defines
 * own properties, so a language "__proto__" stays a key instead of setting the prototype.
 */
export function languageMixToJson(mix: LanguageMix): Record<LangCode, Record<LangCode, number>> {
  return Object.fromEntries([...mix].map(([lang, shares]) => [lang, Object.fromEntries(shares)]));
}

/**
 * A mix read back from metrics.json (or a saved report). JSON.parse makes "__proto__" an own key,
 * and Object.entries lists only own keys, so every language comes back. `where` names the field in
 * errors, e.g. "metrics.json: languageMix".
 */
export function languageMixFromJson(value: unknown, where = 'languageMix'): LanguageMix {
  const mix: LanguageMix = new Map();
  for (const [lang, shares] of ownEntries(value, where)) {
    const row: LanguageShares = new Map();
    for (const [passageLang, share] of ownEntries(shares, `${where}.${lang}`)) {
      if (typeof share !== 'number' || !Number.isFinite(share)) {
        throw new TypeError(`${where}.${lang}.${passageLang}: expected a number, got ${JSON.stringify(share) ?? String(share)}`);
      }
      row.set(passageLang, share);
    }
    mix.set(lang, row);
  }
  return mix;
}

function ownEntries(value: unknown, where: string): [string, unknown][] {
  if (value instanceof Map) return [...value];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where}: expected an object keyed by language, got ${Array.isArray(value) ? 'an array' : (JSON.stringify(value) ?? String(value))}`);
  }
  return Object.entries(value);
}

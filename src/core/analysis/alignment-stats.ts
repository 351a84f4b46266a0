import type { LangCode } from '../corpus/types';
import { createRng } from '../numeric/rng';

export interface AlignmentItem {
  lang: LangCode;
  /** Items that share a group are translations of one another. */
  group?: string;
}

export interface AlignmentStats {
  /** Mean cosine similarity of translation pairs (same group, different languages); null when there are none. */
  translationSimilarity: number | null;
  translationPairs: number;
  /** Mean cosine similarity of random pairs from different groups and languages: the baseline. */
  unrelatedSimilarity: number | null;
  unrelatedPairs: number;
  /** Per language: mean similarity of its items to their translations in the other languages. */
  byLang: { lang: LangCode; items: number; translationSimilarity: number | null }[];
}

/**
 * How well a space aligns languages, measured in the full space rather than on a 2-D picture:
 * translations of the same text should be far more similar to each other than unrelated texts.
 * In a strongly aligned space the first number is near 1 and well above the second; in a weakly
 * aligned one (or with BM25-like lexical vectors) they are close.
 */
export function measureAlignment(
  vectors: Float32Array,
  dim: number,
  items: readonly AlignmentItem[],
  opts: { unrelatedPairs?: number; seed?: number } = {},
): AlignmentStats {
  if (vectors.length !== items.length * dim) {
    throw new RangeError(`measureAlignment: ${vectors.length} numbers for ${items.length} items of ${dim} dimensions`);
  }
  const norms = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += vectors[i * dim + j] ** 2;
    norms[i] = Math.sqrt(s);
  }
  const cosine = (a: number, b: number): number => {
    if (norms[a] === 0 || norms[b] === 0) return 0;
    let s = 0;
    for (let j = 0; j < dim; j++) s += vectors[a * dim + j] * vectors[b * dim + j];
    return s / (norms[a] * norms[b]);
  };

  const groups = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.group === undefined) return;
    const list = groups.get(it.group) ?? [];
    list.push(i);
    groups.set(it.group, list);
  });
  const langSums = new Map<LangCode, { items: number; sum: number; pairs: number }>();
  for (const it of items) {
    const e = langSums.get(it.lang) ?? { items: 0, sum: 0, pairs: 0 };
    e.items++;
    langSums.set(it.lang, e);
  }
  let sum = 0;
  let pairs = 0;
  for (const members of groups.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x];
        const b = members[y];
        if (items[a].lang === items[b].lang) continue;
        const c = cosine(a, b);
        sum += c;
        pairs++;
        for (const i of [a, b]) {
          const e = langSums.get(items[i].lang)!;
          e.sum += c;
          e.pairs++;
        }
      }
    }
  }

  // Unrelated pairs: drawn at random (seeded), rejecting same-group and same-language pairs.
  const rng = createRng(opts.seed ?? 1);
  const wanted = opts.unrelatedPairs ?? 2000;
  let usum = 0;
  let upairs = 0;
  for (let tries = 0; upairs < wanted && tries < wanted * 20 && items.length > 1; tries++) {
    const a = rng.int(items.length);
    const b = rng.int(items.length);
    if (a === b || items[a].lang === items[b].lang) continue;
    if (items[a].group !== undefined && items[a].group === items[b].group) continue;
    usum += cosine(a, b);
    upairs++;
  }
  return {
    translationSimilarity: pairs ? sum / pairs : null,
    translationPairs: pairs,
    unrelatedSimilarity: upairs ? usum / upairs : null,
    unrelatedPairs: upairs,
    byLang: [...langSums].map(([lang, e]) => ({ lang, items: e.items, translationSimilarity: e.pairs ? e.sum / e.pairs : null })),
  };
}

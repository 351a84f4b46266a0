/**
 * One plain sentence per chart of the strategy view, written from the numbers (never canned), so
 * a teacher can read the picture aloud and the words always agree with what is drawn.
 */
import type { SettingName } from '../metrics/types';
import type { SeriesKey, StrategyComparison } from './strategy-comparison';

export interface ComparisonReadings {
  rankDistance: string;
  languageMix: string;
  heatmaps: string;
  map: string;
  paper: string;
  /** Which strategy won on what, in one line. */
  winner: string;
}

const NOUNS: Record<SeriesKey, string> = {
  baseline: 'the untrained encoder',
  monolingual: 'monolingual batches',
  'cross-lingual': 'cross-lingual batches',
  hybrid: 'hybrid batches',
};
const SETTING_WORDS: Record<SettingName, string> = { mono: 'monolingual', cross: 'cross-lingual', multi: 'multilingual' };

/** mAP gaps smaller than this are read as a tie (the table prints three decimals). */
const MAP_TIE = 0.0005;

export function readComparison(c: StrategyComparison): ComparisonReadings {
  return {
    rankDistance: readRankDistance(c),
    languageMix: readLanguageMix(c),
    heatmaps: readHeatmaps(c),
    map: readMap(c),
    paper: readPaper(c),
    winner: readWinner(c),
  };
}

/** "1,910" for large distances, "3.4" for small ones. */
export function formatDistance(x: number): string {
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1);
}

const percent = (x: number): string => `${Math.round(100 * x)}%`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function readRankDistance(c: StrategyComparison): string {
  const { macro, floor } = c.rankDistance;
  const base = macro[0];
  const trained = c.series
    .map((s, i) => ({ key: s.key, value: macro[i] }))
    .slice(1)
    .filter((x): x is { key: SeriesKey; value: number } => x.value !== null);
  if (base === null || trained.length === 0) return 'No multilingual evaluation: the spread between languages was not measured.';
  const best = trained.reduce((a, b) => (b.value < a.value ? b : a));
  const others = trained.filter((t) => t !== best).map((t) => `${NOUNS[t.key]} ${formatDistance(t.value)}`);
  const rest = others.length ? `; ${others.join(', ')}` : '';
  const floorNote = ` (the least possible is ${floor})`;
  // Within half a percent (as the winner line counts a tie): no cut worth the words.
  if (base - best.value >= Math.max(0.05, 0.005 * base)) {
    return `${capital(NOUNS[best.key])} cut the spread between languages from ${formatDistance(base)} to ${formatDistance(best.value)}${rest}${floorNote}.`;
  }
  return `No strategy narrowed the spread between languages: untrained ${formatDistance(base)}, best ${formatDistance(best.value)} with ${NOUNS[best.key]}${floorNote}.`;
}

/** Mean share of a question's own language in its top k, per series (null without a mix). */
export function ownLanguageShares(c: StrategyComparison): (number | null)[] {
  return c.languageMix.map((mix) => (mix && mix.rows.length ? mix.rows.reduce((s, r) => s + r.ownShare, 0) / mix.rows.length : null));
}

function readLanguageMix(c: StrategyComparison): string {
  const shares = ownLanguageShares(c);
  const mix = c.languageMix[0];
  if (!mix || shares[0] === null) return 'No multilingual evaluation: the language mix was not measured.';
  const head = `Untrained, a question's own language fills ${percent(shares[0])} of its top ${mix.k} (a language-blind ranking would give it ${percent(mix.fairShare)})`;
  const trained = c.series.map((s, i) => (i > 0 && shares[i] !== null ? `${NOUNS[s.key]} ${percent(shares[i] as number)}` : null)).filter(Boolean);
  return trained.length ? `${head}; after training with ${trained.join(', ')}.` : `${head}.`;
}

/** Mean of the off-diagonal (cross-lingual) and diagonal cells of each grid. */
export function heatmapMeans(c: StrategyComparison): { cross: number | null; diagonal: number | null }[] {
  return c.heatmaps.map((h) => {
    const mean = (diagonal: boolean) => {
      const values = h.cells.filter((cell) => cell.diagonal === diagonal && cell.value !== null).map((cell) => cell.value as number);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    };
    return { cross: mean(false), diagonal: mean(true) };
  });
}

function readHeatmaps(c: StrategyComparison): string {
  const means = heatmapMeans(c);
  const base = means[0];
  if (!base || base.cross === null) return 'No cross-lingual evaluation: the grids hold only the diagonal.';
  let best = -1;
  means.forEach((m, i) => {
    if (i > 0 && m.cross !== null && (best < 0 || m.cross > (means[best].cross as number))) best = i;
  });
  const diag = (m: { diagonal: number | null }) => (m.diagonal === null ? '–' : m.diagonal.toFixed(3));
  if (best < 0) return `Off the diagonal (question and passage in different languages) mAP averages ${base.cross.toFixed(3)}; on it ${diag(base)}.`;
  const b = means[best];
  return (
    `Off the diagonal (question and passage in different languages) mAP averages ${base.cross.toFixed(3)} untrained ` +
    `and ${(b.cross as number).toFixed(3)} with ${NOUNS[c.series[best].key]}; on the diagonal ${diag(base)} and ${diag(b)}.`
  );
}

/** Per setting (and for language bias), which series did best; null where nothing was measured. */
export function winners(c: StrategyComparison): { what: string; key: SeriesKey | null; tie: boolean }[] {
  const out = c.map.settings.map((setting, j) => {
    const values = c.map.values.map((row) => row[j]);
    return {
      what: `${SETTING_WORDS[setting]} mAP`,
      ...pick(
        c,
        values,
        (a, b) => a - b,
        () => MAP_TIE,
      ),
    };
  });
  // Distances: within half a percent (or 0.05) of the best reads as a tie.
  out.push({
    what: 'language bias',
    ...pick(
      c,
      c.rankDistance.macro,
      (a, b) => b - a,
      (best) => Math.max(0.05, 0.005 * best),
    ),
  });
  return out;
}

function pick(c: StrategyComparison, values: (number | null)[], better: (a: number, b: number) => number, tie: (best: number) => number) {
  let best = -1;
  values.forEach((v, i) => {
    if (v !== null && (best < 0 || better(v, values[best] as number) > 0)) best = i;
  });
  if (best < 0) return { key: null, tie: false };
  const top = values[best] as number;
  const tied = values.some((v, i) => i !== best && v !== null && Math.abs(v - top) < tie(top));
  return { key: c.series[best].key, tie: tied };
}

function readMap(c: StrategyComparison): string {
  const parts = c.map.settings.map((setting, j) => {
    const values = c.map.values.map((row) => row[j]);
    const base = values[0];
    const w = pick(
      c,
      values,
      (a, b) => a - b,
      () => MAP_TIE,
    );
    if (w.key === null || base === null) return null;
    const v = values[c.series.findIndex((s) => s.key === w.key)] as number;
    return `${SETTING_WORDS[setting]} ${base.toFixed(3)} untrained, best ${v.toFixed(3)} (${NOUNS[w.key]}${w.tie ? ', tied' : ''})`;
  });
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length ? `mAP: ${kept.join('; ')}.` : 'No setting was evaluated.';
}

function readWinner(c: StrategyComparison): string {
  const byKey = new Map<SeriesKey, string[]>();
  const ties: string[] = [];
  for (const w of winners(c)) {
    if (w.key === null) continue;
    if (w.tie) {
      ties.push(w.what);
      continue;
    }
    byKey.set(w.key, [...(byKey.get(w.key) ?? []), w.what]);
  }
  const clauses = [...byKey.entries()].map(([key, what]) => `${NOUNS[key]} won on ${joinWords(what)}`);
  if (ties.length) clauses.push(`${joinWords(ties)} ${ties.length === 1 ? 'was' : 'were'} a tie`);
  return clauses.length ? `${capital(clauses.join('; '))}.` : 'Nothing was measured.';
}

function readPaper(c: StrategyComparison): string {
  const { model, strategies } = c.paper;
  if (strategies.length === 0) return '';
  const bias = strategies.map((s) => `${s.paperLabel} ${s.maxRankDistance}`).join(', ');
  const multi = strategies.map((s) => `${s.paperLabel} ${s.multi.toFixed(3)}`).join(', ');
  return `The paper (${model}, full fine-tuning, XQuAD-R): mean maximum rank distance ${bias}; multilingual mAP ${multi}.`;
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

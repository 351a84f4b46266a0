// A 250k-piece Unigram vocabulary synthesised from a text sample, so a random-weight bench model
// tokenizes real multilingual text into about as many tokens as XLM-R's vocabulary would:
// frequent words become whole "▁word" pieces, rarer words split into frequent substrings,
// every character seen is a fallback piece, and the remainder is filler that never matches
// real text (Private Use Area strings). Scores are log relative frequencies, as in a trained
// Unigram model.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UnigramEntry } from './tokenizer-files';
import { SPACE_MARK, SPECIAL_TOKENS } from './fixture-vocab';

export interface BenchVocabOptions {
  size: number;
  /** Index of <mask> (XLM-R: 250001, after the 250000 SentencePiece pieces and <s>/<pad>/</s>/<unk>). */
  maskId: number;
  /** Longest substring piece, in code points. */
  maxPieceLength: number;
  /** Words seen fewer times are not whole pieces (so they split, as rare words do in XLM-R). */
  minWordCount: number;
}

export const BENCH_VOCAB_DEFAULTS: BenchVocabOptions = { size: 250037, maskId: 250001, maxPieceLength: 6, minWordCount: 2 };

const FILLER_SCORE = -30;

/**
 * Reads contexts and questions from every SQuAD-format *.json file in a folder (XQuAD-R),
 * or returns an empty list when the folder is absent.
 */
export function readTextSample(textDir: string): string[] {
  if (!existsSync(textDir)) return [];
  const texts: string[] = [];
  for (const name of readdirSync(textDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const path = join(textDir, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : error})`);
    }
    const data = (parsed as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new Error(`${path}: expected a SQuAD-format object with a "data" array`);
    for (const article of data as { paragraphs?: { context?: string; qas?: { question?: string }[] }[] }[]) {
      for (const paragraph of article.paragraphs ?? []) {
        if (typeof paragraph.context === 'string') texts.push(paragraph.context);
        for (const qa of paragraph.qas ?? []) if (typeof qa.question === 'string') texts.push(qa.question);
      }
    }
  }
  return texts;
}

export function buildBenchVocab(texts: readonly string[], options: BenchVocabOptions = BENCH_VOCAB_DEFAULTS): UnigramEntry[] {
  // Units are space-separated words split at punctuation, as SentencePiece's pieces rarely
  // glue letters to punctuation: "league," -> "▁league" + ","; "(NFL)" -> "▁(" + "NFL" + ")".
  // A unit at the start of a word carries the "▁" mark.
  const wordCounts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.normalize('NFKC').split(/ +/)) {
      const segments = word.split(/(\p{P}+)/u).filter((segment) => segment.length > 0);
      segments.forEach((segment, i) => {
        const unit = i === 0 ? SPACE_MARK + segment : segment;
        wordCounts.set(unit, (wordCounts.get(unit) ?? 0) + 1);
      });
    }
  }

  const pieceCounts = new Map<string, number>();
  const charCounts = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number): void => {
    map.set(key, (map.get(key) ?? 0) + by);
  };
  for (const [unit, count] of wordCounts) {
    const marked = unit.startsWith(SPACE_MARK);
    const chars = [...(marked ? unit.slice(SPACE_MARK.length) : unit)];
    for (const char of chars) bump(charCounts, char, count);
    for (let start = 0; start < chars.length; start++) {
      let piece = start === 0 && marked ? SPACE_MARK : '';
      for (let length = 1; length <= options.maxPieceLength && start + length <= chars.length; length++) {
        piece += chars[start + length - 1];
        const wholeUnit = start === 0 && length === chars.length;
        if (wholeUnit && count < options.minWordCount) continue; // rare words split, as in XLM-R
        if (length > 1 || (start === 0 && marked)) bump(pieceCounts, piece, count);
      }
    }
    if (count >= options.minWordCount && chars.length > options.maxPieceLength) bump(pieceCounts, unit, count);
  }

  const specials = new Set<string>(Object.values(SPECIAL_TOKENS));
  const budget = options.size - specials.size - 1; // minus "▁" itself
  const chars = [...charCounts.entries()].filter(([c]) => !specials.has(c)).sort(byCountThenText);
  const pieces = [...pieceCounts.entries()].filter(([p]) => p !== SPACE_MARK && !specials.has(p) && !charCounts.has(p)).sort(byCountThenText);
  const chosen = [...chars, ...pieces].slice(0, budget);
  const total = chosen.reduce((sum, [, count]) => sum + count, 0) || 1;

  const real: UnigramEntry[] = chosen.map(([piece, count]) => ({ piece, score: roundScore(Math.log(count / total)) }));
  // A lone "▁" is only for words whose first character has no "▁x" piece: scored below every
  // real piece, or "▁" + an inflated inner substring would beat whole "▁word" pieces.
  const lowest = real.reduce((min, entry) => Math.min(min, entry.score), 0);
  real.unshift({ piece: SPACE_MARK, score: roundScore(lowest - 1) });

  const vocab: UnigramEntry[] = [
    { piece: SPECIAL_TOKENS.bos, score: 0 },
    { piece: SPECIAL_TOKENS.pad, score: 0 },
    { piece: SPECIAL_TOKENS.eos, score: 0 },
    { piece: SPECIAL_TOKENS.unk, score: 0 },
  ];
  let next = 0;
  let filler = 0;
  while (vocab.length < options.size) {
    if (vocab.length === options.maskId) vocab.push({ piece: SPECIAL_TOKENS.mask, score: 0 });
    else if (next < real.length) vocab.push(real[next++]);
    else vocab.push({ piece: makeFillerPiece(filler++), score: FILLER_SCORE });
  }
  return vocab;
}

function byCountThenText(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** Scores rounded to 4 decimals keep tokenizer.json small and stable. */
function roundScore(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}

/** Unique strings of Private Use Area characters: they occupy vocabulary rows but never match text. */
function makeFillerPiece(index: number): string {
  let text = '';
  let n = index;
  do {
    text += String.fromCharCode(0xe000 + (n % 4096));
    n = Math.floor(n / 4096);
  } while (n > 0);
  return SPACE_MARK + text;
}

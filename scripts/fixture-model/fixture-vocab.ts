// The fixture's Unigram vocabulary: XLM-R's special tokens, every lexicon word as a whole
// piece ("▁word", plus the bare "word" for languages written without spaces, so a word in the
// middle of a Thai/Chinese/Japanese sentence is found too), and every character of the lexicon
// as a low-scoring fallback so unseen words split into characters instead of <unk>.

import type { LexiconLanguage } from './lexicon';
import { LEXICON, UNSPACED_LANGUAGES } from './lexicon';

export const SPACE_MARK = '\u2581'; // "▁", SentencePiece's word-boundary mark

export const SPECIAL_TOKENS = { bos: '<s>', pad: '<pad>', eos: '</s>', unk: '<unk>', mask: '<mask>' } as const;

/** What a piece's embedding is built from. */
export type PieceMeaning =
  | { kind: 'special' }
  | { kind: 'padding' }
  /** Carries no meaning: "▁", punctuation, the e5 prefixes "query:" / "passage:". */
  | { kind: 'neutral' }
  /** A lexicon word (or one syllable of a multi-word entry) and every language that uses it. */
  | { kind: 'word'; concept: string; languages: LexiconLanguage[] }
  /** A single-character fallback. */
  | { kind: 'char' };

export interface VocabPiece {
  piece: string;
  /** Unigram log-probability: higher wins in the Viterbi segmentation. */
  score: number;
  meaning: PieceMeaning;
}

// Scores: a whole word (-6) always beats splitting it into characters (-12 each), and one
// word beats two, so the segmentation recovers lexicon words in unspaced text.
const SCORE_SPECIAL = 0;
const SCORE_SPACE = -3;
const SCORE_NEUTRAL = -4;
const SCORE_WORD = -6;
const SCORE_CHAR = -12;

const NEUTRAL_PIECES = [
  '.',
  ',',
  '?',
  '!',
  ':',
  ';',
  '-',
  '"',
  "'",
  '(',
  ')',
  '。',
  '、',
  '？',
  '！',
  '।',
  '؟',
  '،',
  `${SPACE_MARK}query`,
  `${SPACE_MARK}passage`,
];

/** The pieces a lexicon word contributes: "▁part" for each space-separated part, plus bare parts in unspaced languages. */
export function splitWordPieces(word: string, lang: LexiconLanguage): string[] {
  const parts = word
    .normalize('NFKC')
    .split(' ')
    .filter((p) => p.length > 0);
  const pieces = parts.map((part) => SPACE_MARK + part);
  if (UNSPACED_LANGUAGES.has(lang)) pieces.push(...parts);
  return pieces;
}

export function buildFixtureVocab(): VocabPiece[] {
  const pieces: VocabPiece[] = [];
  const index = new Map<string, number>();
  const add = (piece: string, score: number, meaning: PieceMeaning): void => {
    if (index.has(piece)) throw new Error(`fixture vocabulary: piece "${piece}" added twice`);
    index.set(piece, pieces.length);
    pieces.push({ piece, score, meaning });
  };

  add(SPECIAL_TOKENS.bos, SCORE_SPECIAL, { kind: 'special' });
  add(SPECIAL_TOKENS.pad, SCORE_SPECIAL, { kind: 'padding' });
  add(SPECIAL_TOKENS.eos, SCORE_SPECIAL, { kind: 'special' });
  add(SPECIAL_TOKENS.unk, SCORE_SPECIAL, { kind: 'special' });
  add(SPACE_MARK, SCORE_SPACE, { kind: 'neutral' });
  // Full-width marks ("？") become ASCII under NFKC, hence the de-duplication.
  for (const piece of new Set(NEUTRAL_PIECES.map((p) => p.normalize('NFKC')))) add(piece, SCORE_NEUTRAL, { kind: 'neutral' });

  for (const concept of LEXICON) {
    for (const [lang, word] of Object.entries(concept.words) as [LexiconLanguage, string][]) {
      for (const piece of splitWordPieces(word, lang)) {
        const existing = index.get(piece);
        if (existing === undefined) {
          add(piece, SCORE_WORD, { kind: 'word', concept: concept.id, languages: [lang] });
          continue;
        }
        const meaning = pieces[existing].meaning;
        if (meaning.kind !== 'word' || meaning.concept !== concept.id) {
          const other = meaning.kind === 'word' ? `concept "${meaning.concept}"` : `a ${meaning.kind} piece`;
          throw new Error(`lexicon.ts: piece "${piece}" of concept "${concept.id}" (${lang}) is already used by ${other}`);
        }
        if (!meaning.languages.includes(lang)) meaning.languages.push(lang);
      }
    }
  }

  const chars = new Set<string>();
  for (let code = 0x21; code < 0x7f; code++) chars.add(String.fromCharCode(code));
  for (const concept of LEXICON) {
    for (const word of Object.values(concept.words)) for (const char of word.normalize('NFKC')) if (char !== ' ') chars.add(char);
  }
  for (const char of [...chars].sort(compareCodePoints)) {
    if (!index.has(char)) add(char, SCORE_CHAR, { kind: 'char' });
  }

  add(SPECIAL_TOKENS.mask, SCORE_SPECIAL, { kind: 'special' });
  return pieces;
}

function compareCodePoints(a: string, b: string): number {
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}

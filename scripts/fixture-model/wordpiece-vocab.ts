// A cased WordPiece vocabulary over the lexicon, laid out as mBERT's vocab.txt is: [PAD]=0,
// [unused1..99], [UNK]=100, [CLS]=101, [SEP]=102, [MASK]=103, then the pieces. BERT's
// pre-tokenizer splits at spaces and punctuation and isolates CJK ideographs, so each lexicon
// word is a whole piece, plus "##word" for languages written without spaces (WordPiece matches
// greedily inside an unspaced run), and every character as "c" and "##c" so nothing is [UNK].

import type { LexiconLanguage } from './lexicon';
import { LEXICON, UNSPACED_LANGUAGES } from './lexicon';
import type { PieceMeaning, VocabPiece } from './fixture-vocab';

export const WORDPIECE_SPECIALS = { pad: '[PAD]', unk: '[UNK]', cls: '[CLS]', sep: '[SEP]', mask: '[MASK]' } as const;
export const CONTINUATION = '##';

const PUNCTUATION = ['.', ',', '?', '!', ':', ';', '-', '"', "'", '(', ')', '。', '、', '？', '！', '।', '؟', '،'];

/** CJK ideographs, which BERT's normaliser (handle_chinese_chars) splits into single characters. */
export function isCjkIdeograph(char: string): boolean {
  const c = char.codePointAt(0) ?? 0;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f);
}

export function buildWordPieceVocab(): VocabPiece[] {
  const pieces: VocabPiece[] = [];
  const index = new Map<string, number>();
  const add = (piece: string, meaning: PieceMeaning): void => {
    const at = index.get(piece);
    if (at === undefined) {
      index.set(piece, pieces.length);
      pieces.push({ piece, score: 0, meaning });
      return;
    }
    const old = pieces[at].meaning;
    if (meaning.kind !== 'word' || old.kind !== 'word') return; // first meaning wins for non-words
    if (old.concept !== meaning.concept) throw new Error(`wordpiece vocabulary: "${piece}" would mean both ${old.concept} and ${meaning.concept}`);
    for (const lang of meaning.languages) if (!old.languages.includes(lang)) old.languages.push(lang);
  };

  add(WORDPIECE_SPECIALS.pad, { kind: 'padding' });
  for (let i = 1; i < 100; i++) add(`[unused${i}]`, { kind: 'special' });
  add(WORDPIECE_SPECIALS.unk, { kind: 'special' });
  add(WORDPIECE_SPECIALS.cls, { kind: 'special' });
  add(WORDPIECE_SPECIALS.sep, { kind: 'special' });
  add(WORDPIECE_SPECIALS.mask, { kind: 'special' });
  for (const p of PUNCTUATION) add(p, { kind: 'neutral' });
  add('query', { kind: 'neutral' });
  add('passage', { kind: 'neutral' });

  const chars = new Set<string>();
  for (let code = 0x21; code < 0x7f; code++) chars.add(String.fromCharCode(code));
  for (const concept of LEXICON) {
    for (const [lang, word] of Object.entries(concept.words) as [LexiconLanguage, string][]) {
      for (const char of word) if (char !== ' ') chars.add(char);
      // A word made only of CJK ideographs reaches WordPiece one character at a time.
      if ([...word].every(isCjkIdeograph) && [...word].length > 1) continue;
      for (const part of word.split(' ').filter(Boolean)) {
        const meaning = { kind: 'word' as const, concept: concept.id, languages: [lang] };
        add(part, meaning);
        if (UNSPACED_LANGUAGES.has(lang)) add(CONTINUATION + part, { ...meaning, languages: [lang] });
      }
    }
  }
  for (const char of [...chars].sort()) {
    add(char, { kind: 'char' });
    add(CONTINUATION + char, { kind: 'char' });
  }
  return pieces;
}

// A parallel test corpus written only with lexicon words: sentence groups (one passage per
// language) and questions that share most of their concepts with one group. The fixture model
// embeds a sentence as roughly the mean of its concepts, so each question's answer is known.

import type { LexiconLanguage } from './lexicon';
import { LEXICON_LANGUAGES, UNSPACED_LANGUAGES, findConcept } from './lexicon';

export interface SentenceSpec {
  id: string;
  concepts: readonly string[];
}

export interface QuestionSpec extends SentenceSpec {
  answerGroups: readonly string[];
}

export const SENTENCE_GROUPS: readonly SentenceSpec[] = [
  { id: 's01', concepts: ['big', 'red', 'river', 'mountain', 'city'] },
  { id: 's02', concepts: ['small', 'cat', 'drink', 'milk', 'house'] },
  { id: 's03', concepts: ['child', 'read', 'new', 'book', 'school'] },
  { id: 's04', concepts: ['king', 'gold', 'horse', 'bridge'] },
  { id: 's05', concepts: ['bird', 'sing', 'tree', 'forest', 'sun'] },
  { id: 's06', concepts: ['boat', 'sea', 'island', 'fish', 'night'] },
  { id: 's07', concepts: ['cold', 'snow', 'wind', 'village', 'moon'] },
  { id: 's08', concepts: ['doctor', 'eat', 'bread', 'egg', 'salt'] },
  { id: 's09', concepts: ['teacher', 'learn', 'music', 'happy', 'friend'] },
  { id: 's10', concepts: ['dog', 'run', 'road', 'car', 'black'] },
  { id: 's11', concepts: ['white', 'flower', 'rain', 'apple', 'star'] },
  { id: 's12', concepts: ['walk', 'stone', 'fire', 'write', 'tea'] },
];

/** Three concepts from the answer group plus one that is not in it. */
export const QUESTIONS: readonly QuestionSpec[] = [
  { id: 'q01', concepts: ['red', 'river', 'mountain', 'see'], answerGroups: ['s01'] },
  { id: 'q02', concepts: ['cat', 'drink', 'milk', 'love'], answerGroups: ['s02'] },
  { id: 'q03', concepts: ['child', 'read', 'book', 'good'], answerGroups: ['s03'] },
  { id: 'q04', concepts: ['king', 'gold', 'horse', 'buy'], answerGroups: ['s04'] },
  { id: 'q05', concepts: ['bird', 'sing', 'forest', 'blue'], answerGroups: ['s05'] },
  { id: 'q06', concepts: ['boat', 'island', 'fish', 'water'], answerGroups: ['s06'] },
  { id: 'q07', concepts: ['cold', 'snow', 'moon', 'love'], answerGroups: ['s07'] },
  { id: 'q08', concepts: ['doctor', 'bread', 'egg', 'table'], answerGroups: ['s08'] },
  { id: 'q09', concepts: ['teacher', 'music', 'friend', 'rice'], answerGroups: ['s09'] },
  { id: 'q10', concepts: ['dog', 'run', 'car', 'water'], answerGroups: ['s10'] },
  { id: 'q11', concepts: ['white', 'flower', 'apple', 'buy'], answerGroups: ['s11'] },
  { id: 'q12', concepts: ['stone', 'fire', 'tea', 'table'], answerGroups: ['s12'] },
];

const SENTENCE_END: Partial<Record<LexiconLanguage, string>> = { zh: '。', ja: '。', th: '', hi: '।', ne: '।' };
// Greek writes its question mark as ";" (U+037E, which NFKC maps to ";").
const QUESTION_END: Partial<Record<LexiconLanguage, string>> = { zh: '？', ja: '？', th: '', ar: '؟', el: '\u037e' };

/** Words joined as the language writes them: no spaces in zh/ja/th, then the sentence's end mark. */
export function renderSentence(concepts: readonly string[], lang: LexiconLanguage, kind: 'passage' | 'question'): string {
  const words = concepts.map((id) => findConcept(id).words[lang]);
  const body = words.join(UNSPACED_LANGUAGES.has(lang) ? '' : ' ');
  const end = kind === 'passage' ? (SENTENCE_END[lang] ?? '.') : (QUESTION_END[lang] ?? '?');
  return body + end;
}

export interface PassageRecord {
  kind: 'passage';
  id: string;
  group: string;
  lang: LexiconLanguage;
  text: string;
}

export interface QuestionRecord {
  kind: 'question';
  id: string;
  qid: string;
  lang: LexiconLanguage;
  text: string;
  answer_groups: string[];
}

export function buildLexiconCorpus(): (PassageRecord | QuestionRecord)[] {
  const records: (PassageRecord | QuestionRecord)[] = [];
  for (const group of SENTENCE_GROUPS) {
    for (const lang of LEXICON_LANGUAGES) {
      records.push({ kind: 'passage', id: `${group.id}.${lang}`, group: group.id, lang, text: renderSentence(group.concepts, lang, 'passage') });
    }
  }
  for (const question of QUESTIONS) {
    for (const lang of LEXICON_LANGUAGES) {
      records.push({
        kind: 'question',
        id: `${question.id}.${lang}`,
        qid: question.id,
        lang,
        text: renderSentence(question.concepts, lang, 'question'),
        answer_groups: [...question.answerGroups],
      });
    }
  }
  return records;
}

export function formatJsonl(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

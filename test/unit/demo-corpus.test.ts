// The demo corpus is the first thing people see, so this checks it as plain data (JSON.parse per
// line), independent of the project's loaders: every fact and question exists in every language,
// every question points at a real answer, and each language is really written in its own script.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FILE = fileURLToPath(new URL('../../public/data/demo/corpus.jsonl', import.meta.url));
const LANGUAGES = ['en', 'de', 'es', 'ar', 'zh', 'ru', 'hi', 'th', 'tr', 'el', 'vi', 'ja', 'id', 'sw', 'ne'];

interface Meta {
  kind: 'meta';
  name: string;
  languages: string[];
  description: string;
}
interface PassageLine {
  kind: 'passage';
  id: string;
  group: string;
  lang: string;
  text: string;
}
interface QuestionLine {
  kind: 'question';
  id: string;
  qid: string;
  lang: string;
  text: string;
  answer_groups: string[];
}
type Line = Meta | PassageLine | QuestionLine;

const raw = readFileSync(FILE, 'utf8');
const lines: Line[] = raw
  .trimEnd()
  .split('\n')
  .map((text, i) => {
    try {
      return JSON.parse(text) as Line;
    } catch (error) {
      throw new Error(`${FILE} line ${i + 1}: not JSON (${String(error)})`);
    }
  });
const meta = lines[0] as Meta;
const passages = lines.filter((l): l is PassageLine => l.kind === 'passage');
const questions = lines.filter((l): l is QuestionLine => l.kind === 'question');
const groups = [...new Set(passages.map((p) => p.group))];
const qids = [...new Set(questions.map((q) => q.qid))];

/** Letters (not digits or punctuation) of a text that belong to a Unicode script. */
function shareOfScript(text: string, script: RegExp): number {
  const letters = [...text].filter((c) => /\p{L}/u.test(c));
  return letters.filter((c) => script.test(c)).length / letters.length;
}

describe('demo corpus file', () => {
  it('is UTF-8 JSONL without a BOM, under 600 KB, with one record per line', () => {
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    expect(raw.endsWith('\n')).toBe(true);
    expect(statSync(FILE).size).toBeLessThan(600 * 1024);
    expect(lines.length).toBe(1 + passages.length + questions.length);
  });

  it('opens with a meta record naming the 15 languages and the true counts', () => {
    expect(meta.kind).toBe('meta');
    expect(meta.languages).toEqual(LANGUAGES);
    expect(meta.description.length).toBeGreaterThan(40);
    expect(meta.name).toBe(`Demo: ${groups.length} facts in ${LANGUAGES.length} languages`);
  });

  it('lists all passages group by group, then all questions qid by qid', () => {
    const kinds = lines.slice(1).map((l) => l.kind);
    expect(kinds.indexOf('question')).toBe(passages.length);
    const groupRuns = passages.map((p) => p.group).filter((g, i, all) => g !== all[i - 1]);
    expect(groupRuns).toEqual(groups);
    const qidRuns = questions.map((q) => q.qid).filter((g, i, all) => g !== all[i - 1]);
    expect(qidRuns).toEqual(qids);
  });
});

describe('demo passages', () => {
  it('hold at least 40 facts, each in every language exactly once', () => {
    expect(groups.length).toBeGreaterThanOrEqual(40);
    for (const group of groups) {
      const langs = passages.filter((p) => p.group === group).map((p) => p.lang);
      expect(langs, group).toEqual(LANGUAGES);
    }
  });

  it('have unique ids of the form <group>.<lang> and non-empty trimmed text', () => {
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
    for (const p of passages) {
      expect(p.id).toBe(`${p.group}.${p.lang}`);
      expect(p.text.trim(), p.id).toBe(p.text);
      expect(p.text.length, p.id).toBeGreaterThan(20);
    }
  });

  it('keep English passages to one or two sentences of 15 to 40 words', () => {
    for (const p of passages.filter((x) => x.lang === 'en')) {
      const words = p.text.split(/\s+/).length;
      expect(words, p.id).toBeGreaterThanOrEqual(15);
      expect(words, p.id).toBeLessThanOrEqual(40);
    }
  });

  it('are real translations: no text repeats across languages or across facts', () => {
    const texts = passages.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('demo questions', () => {
  it('cover every fact, each question in every language exactly once', () => {
    expect(qids.length).toBeGreaterThanOrEqual(groups.length);
    for (const qid of qids) {
      const langs = questions.filter((q) => q.qid === qid).map((q) => q.lang);
      expect(langs, qid).toEqual(LANGUAGES);
    }
    const answered = new Set(questions.flatMap((q) => q.answer_groups));
    expect(groups.filter((g) => !answered.has(g))).toEqual([]);
  });

  it('have unique ids, non-empty text, and answers that exist and agree across translations', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const known = new Set(groups);
    for (const q of questions) {
      expect(q.id).toBe(`${q.qid}.${q.lang}`);
      expect(q.text.trim().length, q.id).toBeGreaterThan(3);
      expect(q.answer_groups.length, q.id).toBeGreaterThan(0);
      for (const g of q.answer_groups) expect(known.has(g), `${q.id} -> ${g}`).toBe(true);
      const english = questions.find((x) => x.qid === q.qid && x.lang === 'en');
      expect(q.answer_groups, q.id).toEqual(english?.answer_groups);
    }
  });

  it('never copy a passage verbatim', () => {
    const passageTexts = new Set(passages.map((p) => p.text));
    expect(questions.filter((q) => passageTexts.has(q.text)).map((q) => q.id)).toEqual([]);
  });
});

describe('demo scripts', () => {
  const scripts: Record<string, RegExp> = {
    ar: /\p{Script=Arabic}/u,
    zh: /\p{Script=Han}/u,
    ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
    ru: /\p{Script=Cyrillic}/u,
    el: /\p{Script=Greek}/u,
    th: /\p{Script=Thai}/u,
    hi: /\p{Script=Devanagari}/u,
    ne: /\p{Script=Devanagari}/u,
  };

  it('write each non-Latin language mostly in its own script', () => {
    for (const item of [...passages, ...questions]) {
      const script = scripts[item.lang];
      if (script) expect(shareOfScript(item.text, script), item.id).toBeGreaterThan(0.6);
    }
  });

  it('use kana in Japanese, so Japanese is not Chinese', () => {
    for (const p of passages.filter((x) => x.lang === 'ja')) expect(p.text, p.id).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  it('keep Hindi and Nepali distinct: Nepali uses Devanagari digits and its own grammar', () => {
    for (const group of groups) {
      const hi = passages.find((p) => p.group === group && p.lang === 'hi')?.text ?? '';
      const ne = passages.find((p) => p.group === group && p.lang === 'ne')?.text ?? '';
      expect(ne, group).not.toBe(hi);
      expect(ne, group).not.toMatch(/[0-9]/);
      expect(ne, group).not.toMatch(/ है[।,; ]| हैं[।,; ]/);
    }
  });
});

/** What is asked and against what: the query text or benchmark question, setting, languages, top-k. */
import type { LangCode, Question } from '../../../core/corpus/types';
import type { SettingName } from '../../../core/metrics/types';
import { MAX_TOP_K } from '../../../core/view-state/view-state';
import { findPreset } from '../setup/corpus-presets';
import { describeLanguage } from '../../shared/lang-names';
import type { SliceCreator } from '../../app-store';

export interface QuerySlice {
  query: string;
  /** The benchmark question being asked, or null for free text. */
  questionId: string | null;
  setting: SettingName;
  /** Candidate language for cross-lingual, and for monolingual free text. */
  target: LangCode | null;
  /** Languages in play (the multilingual pool, the evaluation); null = every language of the corpus. */
  languages: LangCode[] | null;
  topK: number;
  /** A sentence about the last query choice that could not be honoured (e.g. a language with no questions). */
  queryNote: string | null;
  setQueryText(text: string): void;
  pickQuestion(id: string | null): void;
  /** Switches to the same question in another language, or says why there is none. */
  pickQuestionLanguage(lang: LangCode): void;
  setSetting(setting: SettingName): void;
  setTarget(lang: LangCode): void;
  setLanguages(langs: LangCode[] | null): void;
  toggleLanguage(lang: LangCode): void;
  setTopK(k: number): void;
  /**
   * After a corpus loads: keep what still applies, fill in sensible defaults for the rest. With
   * `fromLink`, say what a shared link asked for that this corpus lacks.
   */
  reconcileQueryWithCorpus(fromLink?: boolean): void;
}

/** The question a view is asking, if any. */
export function currentQuestion(s: { questionId: string | null; active: { questionById: Map<string, Question> } | null }): Question | null {
  return (s.questionId && s.active?.questionById.get(s.questionId)) || null;
}

/** Languages in play: the chosen ones that the corpus has, else all of its languages. */
export function languagesInPlay(s: { languages: LangCode[] | null; active: { corpus: { languages: LangCode[] } } | null }): LangCode[] {
  const all = s.active?.corpus.languages ?? [];
  return s.languages ? all.filter((l) => s.languages!.includes(l)) : all;
}

export const createQuerySlice: SliceCreator<QuerySlice> = (set, get) => {
  const changed = (patch: Partial<QuerySlice>) => {
    set({ ...patch, queryNote: patch.queryNote ?? null });
    get().scheduleRanking();
  };
  return {
    query: '',
    questionId: null,
    setting: 'multi',
    target: null,
    languages: null,
    topK: 10,
    queryNote: null,

    setQueryText(text) {
      // Editing the text makes it free text: the question's known answers no longer apply.
      changed({ query: text, questionId: null });
    },

    pickQuestion(id) {
      const q = id ? get().active?.questionById.get(id) : undefined;
      if (!q) {
        changed({ questionId: null });
        return;
      }
      const patch: Partial<QuerySlice> = { questionId: q.id, query: q.text };
      if (get().setting === 'cross' && get().target === q.lang) patch.target = otherLanguage(get().active!.corpus.languages, q.lang);
      changed(patch);
    },

    pickQuestionLanguage(lang) {
      const active = get().active;
      if (!active) return;
      const current = currentQuestion(get());
      const translation = current ? active.questionsByQid.get(current.qid)?.find((q) => q.lang === lang) : undefined;
      const fallback = active.questionsByLang.get(lang)?.[0];
      const next = translation ?? fallback;
      if (!next) {
        set({
          queryNote: `${describeLanguage(lang)} has no questions in ${active.corpus.name}; its passages can still be ranked: type a query, or pick a question in another language.`,
        });
        return;
      }
      get().pickQuestion(next.id);
      if (current && !translation)
        set({ queryNote: `This question has no ${describeLanguage(lang)} version; showing the first ${describeLanguage(lang)} question instead.` });
    },

    setSetting(setting) {
      const s = get();
      const patch: Partial<QuerySlice> = { setting };
      const queryLang = currentQuestion(s)?.lang ?? null;
      if (setting === 'cross' && (!s.target || s.target === queryLang) && s.active) patch.target = otherLanguage(languagesInPlay(s), queryLang);
      changed(patch);
    },

    setTarget(lang) {
      changed({ target: lang });
    },

    setLanguages(langs) {
      changed({ languages: langs });
    },

    toggleLanguage(lang) {
      const s = get();
      const inPlay = languagesInPlay(s);
      const next = inPlay.includes(lang) ? inPlay.filter((l) => l !== lang) : [...inPlay, lang];
      const all = s.active?.corpus.languages ?? [];
      if (next.length === 0) {
        set({ queryNote: 'At least one language must stay selected.' });
        return;
      }
      changed({ languages: next.length === all.length ? null : all.filter((l) => next.includes(l)) });
    },

    setTopK(k) {
      if (!Number.isInteger(k)) return;
      changed({ topK: Math.min(MAX_TOP_K, Math.max(1, k)) });
    },

    reconcileQueryWithCorpus(fromLink = false) {
      const s = get();
      const active = s.active;
      if (!active) return;
      const { corpus } = active;
      const notes: string[] = [];
      const patch: Partial<QuerySlice> = {};

      if (s.languages) {
        const kept = s.languages.filter((l) => corpus.languages.includes(l));
        const dropped = s.languages.filter((l) => !corpus.languages.includes(l));
        if (dropped.length) notes.push(`${corpus.name} has no ${dropped.map(describeLanguage).join(', ')}; left out of the languages`);
        patch.languages = kept.length === 0 || kept.length === corpus.languages.length ? null : kept;
      }

      let question = s.questionId ? active.questionById.get(s.questionId) : undefined;
      const freeText = s.questionId ? '' : s.query; // a missing question's text goes with it; free text applies to any corpus
      if (s.questionId && !question) {
        notes.push(`${corpus.name} has no question "${s.questionId}"; showing one of its own`);
        patch.questionId = null;
        patch.query = '';
      }
      if (!question && !freeText) {
        const preset = active.ref.kind === 'preset' ? findPreset(active.ref.id) : undefined;
        question = (preset?.defaultQuestion && active.questionById.get(preset.defaultQuestion)) || firstQuestion(active.questionsByLang, corpus.languages);
      }
      if (question) {
        patch.questionId = question.id;
        patch.query = question.text;
      }

      const inPlay = languagesInPlay({ languages: patch.languages !== undefined ? patch.languages : s.languages, active });
      const queryLang = question?.lang ?? null;
      if (!s.target || !corpus.languages.includes(s.target)) {
        if (s.target) notes.push(`${corpus.name} has no ${describeLanguage(s.target)} passages to rank against`);
        patch.target = otherLanguage(inPlay, queryLang);
      }
      set({ ...patch, queryNote: fromLink && notes.length ? `From the link: ${notes.join('. ')}.` : null });
    },
  };
};

/** The first question in English when there is one (what most audiences read), else in the first language that has any. */
function firstQuestion(byLang: Map<LangCode, Question[]>, languages: LangCode[]): Question | undefined {
  for (const l of ['en', ...languages]) {
    const q = byLang.get(l)?.[0];
    if (q) return q;
  }
  return undefined;
}

/** A sensible cross-lingual target: the first language in play other than the query's. */
function otherLanguage(languages: readonly LangCode[], queryLang: LangCode | null): LangCode | null {
  return languages.find((l) => l !== queryLang) ?? languages[0] ?? null;
}

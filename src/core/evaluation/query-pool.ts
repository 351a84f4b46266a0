import type { LangCode, Passage } from '../corpus/types';
import type { SettingName } from '../metrics/types';

export interface PoolChoice {
  setting: SettingName;
  /** The query's language when known (a benchmark question's); null for free text. */
  queryLang: LangCode | null;
  /** The candidate language for cross-lingual (and for monolingual free text). */
  target: LangCode | null;
  /** Languages in play: the multilingual pool. */
  languages: readonly LangCode[];
}

export type PoolPlan = { langs: LangCode[]; key: string } | { problem: string };

/**
 * Which passage languages a single query is ranked against, as the evaluation does per setting:
 * monolingual X -> X, cross-lingual X -> Y, multilingual X -> every language in play.
 * Free text has no known language, so monolingual then uses the chosen target language.
 */
export function planQueryPool(choice: PoolChoice): PoolPlan {
  const { setting, queryLang, target, languages } = choice;
  if (setting === 'multi') {
    if (languages.length === 0) return { problem: 'no language is selected for the multilingual pool' };
    return { langs: [...languages], key: languages.join(',') };
  }
  const lang = setting === 'mono' ? (queryLang ?? target) : target;
  if (!lang) return { problem: setting === 'mono' ? 'choose the language of the passages' : 'choose the target language' };
  return { langs: [lang], key: lang };
}

/** The passages of the given languages, in corpus order (the order the evaluation pools use). */
export function selectPoolPassages<P extends Pick<Passage, 'lang'>>(passages: readonly P[], langs: readonly LangCode[]): P[] {
  const wanted = new Set(langs);
  return passages.filter((p) => wanted.has(p.lang));
}

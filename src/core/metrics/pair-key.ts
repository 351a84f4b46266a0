import type { LangCode } from '../corpus/types';

/** The key of a language-pair cell: questions in `queryLang` against candidates in `passageLang` ("de->en"). */
export function pairKey(queryLang: LangCode, passageLang: LangCode): string {
  return `${queryLang}->${passageLang}`;
}

/** Inverse of pairKey; throws on a key without exactly one "->". */
export function parsePairKey(key: string): { queryLang: LangCode; passageLang: LangCode } {
  const parts = key.split('->');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new RangeError(`parsePairKey: "${key}" is not a pair key; expected "X->Y"`);
  }
  return { queryLang: parts[0], passageLang: parts[1] };
}

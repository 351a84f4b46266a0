/**
 * One language-code rule for every loader and for the URL state, so a code that loads can also
 * travel in a link. The shape of a BCP 47 tag: a 2-3 letter primary subtag ("en", "yue") and
 * optional "-" subtags ("zh-Hans", "pt-BR", "sr-Latn-RS"). Longer primary subtags are legal in
 * BCP 47 but unused in practice; leaving them out keeps words like "constructor" or "toString"
 * from ever being read as a language.
 */
export const LANG_CODE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export function isLangCode(value: string): boolean {
  return LANG_CODE_PATTERN.test(value);
}

/**
 * The code as the data gives it, or the same code with "_" read as "-" (POSIX locales write
 * "pt_BR"); `mapped` says the spelling was changed, so the caller can warn. null when neither fits.
 */
export function normalizeLangCode(raw: string): { code: string; mapped: boolean } | null {
  if (isLangCode(raw)) return { code: raw, mapped: false };
  const dashed = raw.replace(/_/g, '-');
  return dashed !== raw && isLangCode(dashed) ? { code: dashed, mapped: true } : null;
}

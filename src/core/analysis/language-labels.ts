import type { LangCode } from '../corpus/types';

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesFor(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = null; // an engine without Intl.DisplayNames or an unknown locale: fall back to codes
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale)!;
}

/** The language's name in `locale` ("German" for "de"), or the code itself when there is none. */
export function languageName(code: LangCode, locale = 'en'): string {
  try {
    return namesFor(locale)?.of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag
  }
}

/** Name and code together ("German (de)"), so a reader who knows either can follow a chart. */
export function languageLabel(code: LangCode, locale = 'en'): string {
  const name = languageName(code, locale);
  return name === code ? code : `${name} (${code})`;
}

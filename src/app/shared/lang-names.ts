/** Language names for badges and menus, from the browser's own CLDR data (Intl.DisplayNames). */
import type { LangCode } from '../../core/corpus/types';

const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const cache = new Map<LangCode, { name: string; native: string }>();

function namesOf(code: LangCode): { name: string; native: string } {
  let names = cache.get(code);
  if (!names) {
    let name = code;
    let native = code;
    try {
      name = english.of(code) ?? code;
      native = new Intl.DisplayNames([code], { type: 'language', fallback: 'code' }).of(code) ?? name;
    } catch {
      // Not a well-formed language tag: show the code as given.
    }
    names = { name, native };
    cache.set(code, names);
  }
  return names;
}

/** "German". */
export function languageName(code: LangCode): string {
  return namesOf(code).name;
}

/** "German (Deutsch)", or just "English" when the two agree. */
export function describeLanguage(code: LangCode): string {
  const { name, native } = namesOf(code);
  return native && native.toLowerCase() !== name.toLowerCase() ? `${name} (${native})` : name;
}

/** Scripts written right to left, for the dir attribute of text whose language is known. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

export function directionOf(code: LangCode): 'rtl' | 'ltr' {
  return RTL.has(code.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

/** A stable hue per language position, spread so neighbours differ. */
export function languageHue(index: number): number {
  return (index * 137.508) % 360;
}

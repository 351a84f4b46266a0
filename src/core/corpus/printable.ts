/**
 * Strings from corpora and links end up in terminals and notices. Control and format characters
 * (ANSI escapes, tabs, newlines, bidi overrides) are shown as \u{..} escapes so they cannot move
 * the cursor or reorder text, and long values are cut so one field cannot flood a message.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function escapeControl(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** At most `max` characters (counted in code points) of `text`, with "…" when cut. */
export function shorten(text: string, max = 80): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A value quoted for a message: shortened, escaped, in double quotes. */
export function quoteValue(text: string, max = 80): string {
  return `"${escapeControl(shorten(text, max))}"`;
}

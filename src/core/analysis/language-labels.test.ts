import { describe, expect, it } from 'vitest';
import { languageLabel, languageName } from './language-labels';

describe('language labels', () => {
  it('names a language and keeps its code beside the name', () => {
    expect(languageName('de')).toBe('German');
    expect(languageLabel('zh')).toBe('Chinese (zh)');
    expect(languageLabel('sw')).toBe('Swahili (sw)');
    expect(languageLabel('de', 'de')).toBe('Deutsch (de)');
  });

  it('shows the bare code for a code with no name or an ill-formed tag', () => {
    expect(languageLabel('qaa')).toBe('qaa');
    expect(languageLabel('*')).toBe('*');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

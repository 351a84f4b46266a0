import { describe, expect, it } from 'vitest';
import { planQueryPool, selectPoolPassages } from './query-pool';

const languages = ['en', 'de', 'zh'];

describe('planQueryPool', () => {
  it('ranks a question against its own language when monolingual', () => {
    expect(planQueryPool({ setting: 'mono', queryLang: 'de', target: 'zh', languages })).toEqual({ langs: ['de'], key: 'de' });
  });

  it('uses the chosen language for free text, which has none of its own', () => {
    expect(planQueryPool({ setting: 'mono', queryLang: null, target: 'zh', languages })).toEqual({ langs: ['zh'], key: 'zh' });
    expect(planQueryPool({ setting: 'mono', queryLang: null, target: null, languages })).toEqual({ problem: 'choose the language of the passages' });
  });

  it('ranks against the target language when cross-lingual, and every language when multilingual', () => {
    expect(planQueryPool({ setting: 'cross', queryLang: 'en', target: 'zh', languages })).toEqual({ langs: ['zh'], key: 'zh' });
    expect(planQueryPool({ setting: 'cross', queryLang: 'en', target: null, languages })).toEqual({ problem: 'choose the target language' });
    expect(planQueryPool({ setting: 'multi', queryLang: 'en', target: 'zh', languages })).toEqual({ langs: languages, key: 'en,de,zh' });
    expect(planQueryPool({ setting: 'multi', queryLang: 'en', target: null, languages: [] })).toHaveProperty('problem');
  });

  it('selects pool passages in corpus order', () => {
    const passages = [
      { id: 'a', lang: 'zh' },
      { id: 'b', lang: 'en' },
      { id: 'c', lang: 'sw' },
      { id: 'd', lang: 'zh' },
    ];
    expect(selectPoolPassages(passages, ['en', 'zh']).map((p) => p.id)).toEqual(['a', 'b', 'd']);
  });
});

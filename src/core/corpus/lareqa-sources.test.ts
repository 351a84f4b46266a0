import { describe, expect, it } from 'vitest';
import { LAREQA_SOURCES, lareqaBaseUrl } from './lareqa-sources';

describe('LAReQA sources', () => {
  it('pins MLQA-R to the commit that still has it, under mlqa-r/, with exactly these SHA-256 sums', () => {
    const mlqa = LAREQA_SOURCES['mlqa-r'];
    expect(lareqaBaseUrl(mlqa)).toBe('https://raw.githubusercontent.com/google-research-datasets/lareqa/354d67d1cd066854cdfbf5ad0e6105528976141d/mlqa-r/');
    expect(mlqa.files).toEqual({
      'ar.json': '2132fbc03208535c0fe01f2e2c5121d06f9c2aa799af93b0a719dbc105bdf137',
      'de.json': 'ce9454dc5aa6f2d85c23cd6e49cb367fbb7c4c6e62d7f71e355c6b5dae4d0886',
      'en.json': 'fedd9a5cc0848dda80caf84aa36f482adaae230526a3f6e9e86926a93ef3b1e4',
      'es.json': '70ecba276b8c96a692b120693a595d076ce94ad21d4b28311538a9fcbfe0f9d7',
      'hi.json': '4dd0fb3c06f737a5481d705bc1dcac7876712a5815c9265908fbb3a0696cb654',
      'vi.json': '9d3baff6ba03e6793b25594217265ea59a136b9733833dca8a9582a84a78ff85',
      'zh.json': '57f01d2fff50cf3392805635b01445339f225ad5bf28ba8443b12f8dbd1e69dc',
    });
    expect(mlqa.licence).toBe('CC BY-NC 4.0');
    expect(mlqa.licenceNote).toMatch(/non-commercial/);
  });

  it('keeps XQuAD-R on master with its 11 pinned files', () => {
    expect(lareqaBaseUrl(LAREQA_SOURCES['xquad-r'], 'http://127.0.0.1:1/')).toBe('http://127.0.0.1:1/google-research-datasets/lareqa/master/xquad-r/');
    expect(Object.keys(LAREQA_SOURCES['xquad-r'].files)).toHaveLength(11);
  });
});

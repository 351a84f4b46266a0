/**
 * Where LAReQA's benchmarks live (github.com/google-research-datasets/lareqa), with the SHA-256 of
 * every file: read by `npm run data:fetch` (scripts/data-fetch.ts) and the app's corpus presets,
 * so both fetch the same bytes. MLQA-R was removed from LAReQA's master; it is pinned to the last
 * commit that has it, under mlqa-r/ (not mlqa-dev-r/), whose LICENSE is CC BY-NC 4.0.
 */

export const LAREQA_REPO = 'google-research-datasets/lareqa';
export const RAW_GITHUB_HOST = 'https://raw.githubusercontent.com';
/** The LAReQA commit whose mlqa-r/ folder holds MLQA-R. */
export const MLQA_R_COMMIT = '354d67d1cd066854cdfbf5ad0e6105528976141d';

export interface LareqaSource {
  name: string;
  /** Branch or commit. */
  ref: string;
  folder: string;
  /** "<lang>.json" -> SHA-256 (hex). */
  files: Readonly<Record<string, string>>;
  licence: string;
  /** Said wherever the data is offered, e.g. that it is for non-commercial use only. */
  licenceNote: string;
}

export const LAREQA_SOURCES: Readonly<Record<'xquad-r' | 'mlqa-r', LareqaSource>> = {
  'xquad-r': {
    name: 'XQuAD-R',
    ref: 'master',
    folder: 'xquad-r',
    licence: 'CC BY-SA 4.0',
    licenceNote: 'CC BY-SA 4.0: share alike, with attribution',
    files: {
      'ar.json': 'c52922d3b8ac1ae03ed5ac38647ad59870dca3dda2beefe18ecdc30729acb69d',
      'de.json': '16fb0f4bf4916154b585a20c24c66074591c9718a1affe764ff4697572328949',
      'el.json': '163fd43ee785a30eb534ae2061e9eaa766a7ee4e8ffce5e4b422480c150f64b6',
      'en.json': '7b0954f39297c27a31fef610f0883337dd2907fa8699151dc922afdd0fa12ffe',
      'es.json': 'f8e836b2d91009c4363e04315f7ede363eedbbb49c67dda60de6c4aa782f58de',
      'hi.json': 'ea45ba8ae4513d1533b222bebdc02a90bc319c055d3aeea68584a053d2e92872',
      'ru.json': '7f4dff853538b9a5fcc28c070b8bb983a5c5d190ac747b8e005a1ada9cab18f1',
      'th.json': 'c3a041864c3a9fb0b4dd91cfdf99cf36b411b3e704c58a303c97bc6dc786cfe4',
      'tr.json': 'f3e8c13002bbce154a4578f535f7533cb70f3da08840e6b62735935baec7bd94',
      'vi.json': 'e35926bf5cc6fc6ecbdfca49467aabeb454f08d152d7818143a906bd31dde995',
      'zh.json': '80c2cde7b9c2fb134c303cbb52f2ba396ead9eb0014aec43993543d2ba9e93ed',
    },
  },
  'mlqa-r': {
    name: 'MLQA-R',
    ref: MLQA_R_COMMIT,
    folder: 'mlqa-r',
    licence: 'CC BY-NC 4.0',
    licenceNote: 'CC BY-NC 4.0: non-commercial use only',
    files: {
      'ar.json': '2132fbc03208535c0fe01f2e2c5121d06f9c2aa799af93b0a719dbc105bdf137',
      'de.json': 'ce9454dc5aa6f2d85c23cd6e49cb367fbb7c4c6e62d7f71e355c6b5dae4d0886',
      'en.json': 'fedd9a5cc0848dda80caf84aa36f482adaae230526a3f6e9e86926a93ef3b1e4',
      'es.json': '70ecba276b8c96a692b120693a595d076ce94ad21d4b28311538a9fcbfe0f9d7',
      'hi.json': '4dd0fb3c06f737a5481d705bc1dcac7876712a5815c9265908fbb3a0696cb654',
      'vi.json': '9d3baff6ba03e6793b25594217265ea59a136b9733833dca8a9582a84a78ff85',
      'zh.json': '57f01d2fff50cf3392805635b01445339f225ad5bf28ba8443b12f8dbd1e69dc',
    },
  },
};

/** "<host>/google-research-datasets/lareqa/<ref>/<folder>/" */
export function lareqaBaseUrl(source: LareqaSource, host: string = RAW_GITHUB_HOST): string {
  return `${host.replace(/\/+$/, '')}/${LAREQA_REPO}/${source.ref}/${source.folder}/`;
}

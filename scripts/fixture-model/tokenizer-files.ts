// tokenizer.json / tokenizer_config.json / special_tokens_map.json in the form Hugging Face
// writes them for XLM-R (XLMRobertaTokenizerFast): Unigram model, Metaspace "▁" pre-tokenizer,
// "<s> $A </s>" post-processor. XLM-R's Precompiled (SentencePiece nmt_nfkc) normaliser is
// replaced by NFKC, which is what that charsmap mostly does.

import { SPACE_MARK, SPECIAL_TOKENS } from './fixture-vocab';

const VOCAB_PLACEHOLDER = '__VOCAB_ENTRIES__';

export interface UnigramEntry {
  piece: string;
  score: number;
}

export interface TokenizerFiles {
  'tokenizer.json': string;
  'tokenizer_config.json': string;
  'special_tokens_map.json': string;
}

export function buildTokenizerFiles(vocab: readonly UnigramEntry[], modelMaxLength: number): TokenizerFiles {
  const idOf = (piece: string): number => {
    const id = vocab.findIndex((entry) => entry.piece === piece);
    if (id < 0) throw new Error(`tokenizer vocabulary lacks the special token ${piece}`);
    return id;
  };
  const ids = {
    bos: idOf(SPECIAL_TOKENS.bos),
    pad: idOf(SPECIAL_TOKENS.pad),
    eos: idOf(SPECIAL_TOKENS.eos),
    unk: idOf(SPECIAL_TOKENS.unk),
    mask: idOf(SPECIAL_TOKENS.mask),
  };
  const addedToken = (id: number, content: string, lstrip = false) => ({
    id,
    content,
    single_word: false,
    lstrip,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const metaspace = { type: 'Metaspace', replacement: SPACE_MARK, prepend_scheme: 'always', split: true };
  const special = (id: string) => ({ SpecialToken: { id, type_id: 0 } });
  const sequence = (id: 'A' | 'B') => ({ Sequence: { id, type_id: 0 } });

  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      addedToken(ids.bos, SPECIAL_TOKENS.bos),
      addedToken(ids.pad, SPECIAL_TOKENS.pad),
      addedToken(ids.eos, SPECIAL_TOKENS.eos),
      addedToken(ids.unk, SPECIAL_TOKENS.unk),
      addedToken(ids.mask, SPECIAL_TOKENS.mask, true),
    ],
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'NFKC' }, { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }],
    },
    pre_tokenizer: metaspace,
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(SPECIAL_TOKENS.bos), sequence('A'), special(SPECIAL_TOKENS.eos)],
      pair: [special(SPECIAL_TOKENS.bos), sequence('A'), special(SPECIAL_TOKENS.eos), special(SPECIAL_TOKENS.eos), sequence('B'), special(SPECIAL_TOKENS.eos)],
      special_tokens: {
        [SPECIAL_TOKENS.bos]: { id: SPECIAL_TOKENS.bos, ids: [ids.bos], tokens: [SPECIAL_TOKENS.bos] },
        [SPECIAL_TOKENS.eos]: { id: SPECIAL_TOKENS.eos, ids: [ids.eos], tokens: [SPECIAL_TOKENS.eos] },
      },
    },
    decoder: metaspace,
    model: { type: 'Unigram', unk_id: ids.unk, vocab: VOCAB_PLACEHOLDER, byte_fallback: false },
  };

  const config = {
    added_tokens_decoder: Object.fromEntries(tokenizer.added_tokens.map(({ id, ...rest }) => [String(id), rest])),
    bos_token: SPECIAL_TOKENS.bos,
    clean_up_tokenization_spaces: true,
    cls_token: SPECIAL_TOKENS.bos,
    eos_token: SPECIAL_TOKENS.eos,
    mask_token: SPECIAL_TOKENS.mask,
    model_max_length: modelMaxLength,
    pad_token: SPECIAL_TOKENS.pad,
    sep_token: SPECIAL_TOKENS.eos,
    tokenizer_class: 'XLMRobertaTokenizer',
    unk_token: SPECIAL_TOKENS.unk,
  };
  const specialTokensMap = {
    bos_token: SPECIAL_TOKENS.bos,
    cls_token: SPECIAL_TOKENS.bos,
    eos_token: SPECIAL_TOKENS.eos,
    mask_token: SPECIAL_TOKENS.mask,
    pad_token: SPECIAL_TOKENS.pad,
    sep_token: SPECIAL_TOKENS.eos,
    unk_token: SPECIAL_TOKENS.unk,
  };

  // One vocabulary entry per line keeps the file readable and its diffs small.
  const vocabText = vocab.map((entry) => `      ${JSON.stringify([entry.piece, entry.score])}`).join(',\n');
  const tokenizerText = JSON.stringify(tokenizer, null, 2).replace(JSON.stringify(VOCAB_PLACEHOLDER), () => `[\n${vocabText}\n    ]`);
  return {
    'tokenizer.json': `${tokenizerText}\n`,
    'tokenizer_config.json': `${JSON.stringify(config, null, 2)}\n`,
    'special_tokens_map.json': `${JSON.stringify(specialTokensMap, null, 2)}\n`,
  };
}

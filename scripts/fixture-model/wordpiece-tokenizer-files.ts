// tokenizer.json / tokenizer_config.json / special_tokens_map.json as Hugging Face writes them for
// a cased multilingual BERT (BertTokenizerFast): BertNormalizer without lower-casing or accent
// stripping, BertPreTokenizer, WordPiece with "##" continuations, "[CLS] $A [SEP]".

import type { TokenizerFiles, UnigramEntry } from './tokenizer-files';
import { CONTINUATION, WORDPIECE_SPECIALS } from './wordpiece-vocab';

const VOCAB_PLACEHOLDER = '__VOCAB_ENTRIES__';

export function buildWordPieceTokenizerFiles(vocab: readonly UnigramEntry[], modelMaxLength: number): TokenizerFiles {
  const idOf = (piece: string): number => {
    const id = vocab.findIndex((entry) => entry.piece === piece);
    if (id < 0) throw new Error(`tokenizer vocabulary lacks the special token ${piece}`);
    return id;
  };
  const S = WORDPIECE_SPECIALS;
  const addedToken = (content: string) => ({ id: idOf(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const special = (id: string, typeId: number) => ({ SpecialToken: { id, type_id: typeId } });
  const sequence = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [S.pad, S.unk, S.cls, S.sep, S.mask].map(addedToken),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special(S.cls, 0), sequence('A', 0), special(S.sep, 0)],
      pair: [special(S.cls, 0), sequence('A', 0), special(S.sep, 0), sequence('B', 1), special(S.sep, 1)],
      special_tokens: {
        [S.cls]: { id: S.cls, ids: [idOf(S.cls)], tokens: [S.cls] },
        [S.sep]: { id: S.sep, ids: [idOf(S.sep)], tokens: [S.sep] },
      },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION, cleanup: true },
    model: { type: 'WordPiece', unk_token: S.unk, continuing_subword_prefix: CONTINUATION, max_input_chars_per_word: 100, vocab: VOCAB_PLACEHOLDER },
  };
  const config = {
    added_tokens_decoder: Object.fromEntries(tokenizer.added_tokens.map(({ id, ...rest }) => [String(id), rest])),
    clean_up_tokenization_spaces: true,
    cls_token: S.cls,
    do_lower_case: false,
    mask_token: S.mask,
    model_max_length: modelMaxLength,
    pad_token: S.pad,
    sep_token: S.sep,
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: S.unk,
  };
  const specialTokensMap = { cls_token: S.cls, mask_token: S.mask, pad_token: S.pad, sep_token: S.sep, unk_token: S.unk };
  // One "piece": id entry per line keeps the file readable and its diffs small.
  const vocabText = vocab.map((entry, id) => `      ${JSON.stringify(entry.piece)}: ${id}`).join(',\n');
  const tokenizerText = JSON.stringify(tokenizer, null, 2).replace(JSON.stringify(VOCAB_PLACEHOLDER), () => `{\n${vocabText}\n    }`);
  return {
    'tokenizer.json': `${tokenizerText}\n`,
    'tokenizer_config.json': `${JSON.stringify(config, null, 2)}\n`,
    'special_tokens_map.json': `${JSON.stringify(specialTokensMap, null, 2)}\n`,
  };
}

import { describe, expect, it } from 'vitest';
import { checkModelOutputs, ModelOutputError } from './validate-model-output';

const e5 = { label: 'multilingual-e5-base', dimensions: 768, vocab: 250002, pooling: 'mean' as const };
const labse = { label: 'LaBSE', dimensions: 768, vocab: 501153, pooling: 'pooler' as const };

describe('checkModelOutputs', () => {
  it('accepts hidden states of the registry size and says which output to embed from', () => {
    expect(checkModelOutputs(e5, [{ name: 'last_hidden_state', dims: [1, 9, 768] }], 9)).toEqual({ output: 'last_hidden_state', dims: [1, 9, 768] });
    const both = [
      { name: 'last_hidden_state', dims: [1, 9, 768] },
      { name: 'pooler_output', dims: [1, 768] },
    ];
    expect(checkModelOutputs(labse, both, 9).output).toBe('pooler_output');
    expect(checkModelOutputs({ ...labse, pooling: 'cls' }, both, 9).output).toBe('last_hidden_state');
  });

  it('refuses a fill-mask export, naming the output, its shape and what was expected', () => {
    const run = () => checkModelOutputs(e5, [{ name: 'logits', dims: [1, 9, 250002] }], 9);
    expect(run).toThrow(ModelOutputError);
    expect(run).toThrow(
      "multilingual-e5-base: the model's output is logits [1, 9, 250002]: one score per vocabulary entry (250002), a masked-LM head, not hidden states; expected last_hidden_state [1, 9, 768].",
    );
    expect(run).toThrow(/fill-mask export/);
  });

  it('refuses hidden states of another size, or of the vocabulary size', () => {
    expect(() => checkModelOutputs(e5, [{ name: 'last_hidden_state', dims: [1, 9, 384] }], 9)).toThrow(
      'multilingual-e5-base: output last_hidden_state has shape [1, 9, 384], 384-dimensional; the registry says 768 dimensions (expected [1, 9, 768])',
    );
    expect(() => checkModelOutputs(e5, [{ name: 'last_hidden_state', dims: [1, 9, 250002] }], 9)).toThrow(/250002 is the vocabulary size/);
    expect(() => checkModelOutputs(e5, [{ name: 'last_hidden_state', dims: [1, 768] }], 9)).toThrow(
      'output last_hidden_state has shape [1, 768] for one probe text of 9 tokens; expected [1, 9, 768]',
    );
  });

  it('refuses a LaBSE export without pooler_output rather than giving plain CLS', () => {
    expect(() => checkModelOutputs(labse, [{ name: 'last_hidden_state', dims: [1, 9, 768] }], 9)).toThrow(
      /LaBSE: the model has no pooler_output \(its outputs: last_hidden_state \[1, 9, 768\]\); expected pooler_output \[1, 768\]\. .*plain CLS/,
    );
    expect(() =>
      checkModelOutputs(
        labse,
        [
          { name: 'last_hidden_state', dims: [1, 9, 768] },
          { name: 'pooler_output', dims: [1, 512] },
        ],
        9,
      ),
    ).toThrow(/pooler_output has shape \[1, 512\]/);
  });

  it('names the outputs when none is usable', () => {
    expect(() => checkModelOutputs(e5, [{ name: 'sentence_embedding', dims: [1, 768] }], 9)).toThrow(
      'multilingual-e5-base: the model has no last_hidden_state output (its outputs: sentence_embedding [1, 768]); expected last_hidden_state [1, 9, 768]',
    );
  });
});

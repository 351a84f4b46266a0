import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../../core/corpus/corpus-error';
import { receiveError } from './corpus-load-client';
import { CorpusTooLarge, describeCorpusProblem } from './open-corpus';

describe('errors from the corpus worker', () => {
  it('keep the file, place and expectation of a CorpusError, so the page still names them', () => {
    const sent = new CorpusError('queries.jsonl', 'line 17', 'a non-empty "text"');
    const back = receiveError(structuredClone({ name: sent.name, message: sent.message, file: sent.file, where: sent.where, expected: sent.expected }));
    expect(back).toBeInstanceOf(CorpusError);
    expect(describeCorpusProblem(back, 'my-corpus')).toEqual({
      source: 'my-corpus',
      message: 'queries.jsonl line 17: expected a non-empty "text"',
      file: 'queries.jsonl',
      where: 'line 17',
      expected: 'a non-empty "text"',
    });
  });

  it('keep a too-large corpus and other errors as what they were', () => {
    expect(receiveError({ name: 'CorpusTooLarge', message: 'big: 400,001 passages' })).toBeInstanceOf(CorpusTooLarge);
    const other = receiveError({ name: 'UnreachableError', message: 'cannot reach http://x/ (ECONNREFUSED)' });
    expect([other.name, other.message]).toEqual(['UnreachableError', 'cannot reach http://x/ (ECONNREFUSED)']);
  });
});

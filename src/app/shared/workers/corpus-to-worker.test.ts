import { describe, expect, it } from 'vitest';
import { splitCorpus, type LoadedWithParts } from '../../../core/corpus/corpus-parts';
import type { LoadedCorpus } from '../../../core/corpus/loaded-corpus';
import { postCorpusInParts, receiveCorpusParts } from './corpus-to-worker';
import type { CorpusPartMessage } from './worker-messages';

function corpusOf(name: string, passages: number): LoadedCorpus {
  return {
    format: 'jsonl',
    warnings: [],
    corpus: {
      name,
      languages: ['en'],
      passages: Array.from({ length: passages }, (_, i) => ({ id: `p${i}`, lang: 'en', text: `Passage ${i}.`, context: 'A paragraph.' })),
      questions: [{ id: 'q1', qid: 'q1', lang: 'en', text: 'Which?', relevant: ['p0'] }],
    },
  };
}

async function sent(loaded: LoadedWithParts, corpusId: number, signal?: AbortSignal): Promise<CorpusPartMessage[]> {
  const messages: CorpusPartMessage[] = [];
  await postCorpusInParts(loaded, corpusId, (m) => messages.push(structuredClone(m)), { signal });
  return messages;
}

describe('a corpus sent to a worker in parts', () => {
  it('arrives whole, without paragraph contexts, only with its last part', async () => {
    const messages = await sent(corpusOf('big', 2500), 1);
    expect(messages.length).toBe(5); // three parts of passages, one of questions, the end
    const worker = receiveCorpusParts();
    const arrived = messages.map((m) => worker.add(m));
    expect(arrived.slice(0, -1).every((c) => c === null)).toBe(true);
    const corpus = arrived.at(-1)!;
    expect(corpus.name).toBe('big');
    expect(corpus.passages.length).toBe(2500);
    expect(corpus.passages[2499]).toEqual({ id: 'p2499', lang: 'en', text: 'Passage 2499.' });
    expect(corpus.questions).toEqual(corpusOf('big', 0).corpus.questions);
  });

  it('passes on the parts a corpus arrived in, without their contexts', async () => {
    const loaded = corpusOf('arrived', 1200);
    const parts = [...splitCorpus(loaded, 500)];
    const messages = await sent({ ...loaded, parts }, 3);
    expect(messages.length).toBe(parts.length); // the parts it came in (500 passages each), not new ones of 1,000
    const worker = receiveCorpusParts();
    const corpus = messages.map((m) => worker.add(m)).at(-1)!;
    expect(corpus.passages.length).toBe(1200);
    expect(corpus.passages.every((p) => p.context === undefined)).toBe(true);
  });

  it('starts over when another corpus begins, and forgets a dropped one', async () => {
    const first = await sent(corpusOf('first', 1500), 1);
    const second = await sent(corpusOf('second', 10), 2);
    const worker = receiveCorpusParts();
    worker.add(first[0]); // the first load was replaced after one part
    const arrived = second.map((m) => worker.add(m)).at(-1);
    expect(arrived?.name).toBe('second');
    worker.add(first[0]);
    worker.drop(1);
    expect(worker.add(first.at(-1)!)?.passages).toEqual([]); // the part before the drop is gone
  });

  it('stops sending when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the person'));
    await expect(sent(corpusOf('big', 10), 1, controller.signal)).rejects.toThrow('cancelled by the person');
  });
});

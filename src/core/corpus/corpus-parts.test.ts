import { describe, expect, it } from 'vitest';
import { joinCorpus, packStrings, splitCorpus, unpackStrings, withoutContexts, type CorpusPart } from './corpus-parts';
import type { LoadedCorpus } from './loaded-corpus';

const para = 'Alpha one. Beta two.';
const loaded: LoadedCorpus = {
  format: 'squad',
  warnings: ['en.json: data[0]: used the breaks'],
  corpus: {
    name: 'tiny',
    languages: ['en', 'de'],
    passages: [
      { id: 'en/p/s0', lang: 'en', text: 'Alpha one.', group: 'p/s0', context: para },
      { id: 'en/p/s1', lang: 'en', text: 'Beta two.', group: 'p/s1', context: para },
      { id: 'de/p/s0', lang: 'de', text: 'Alpha eins.', group: 'p/s0', context: 'Alpha eins. Beta zwei.' },
      { id: 'de/x', lang: 'de', text: 'Ohne Absatz.' },
    ],
    questions: [
      { id: 'q1/en', qid: 'q1', lang: 'en', text: 'Which one?', relevant: ['en/p/s0', 'de/p/s0'] },
      { id: 'q1/de', qid: 'q1', lang: 'de', text: 'Welche?', relevant: ['en/p/s0', 'de/p/s0'] },
      { id: 'q2/en', qid: 'q2', lang: 'en', text: 'Beta?', relevant: ['en/p/s1'] },
    ],
  },
};

function roundTrip(batch: number): { parts: CorpusPart[]; back: LoadedCorpus } {
  const parts = [...splitCorpus(loaded, batch)].map((p) => structuredClone(p));
  const join = joinCorpus();
  for (const p of parts) join.add(p);
  return { parts, back: join.finish() };
}

describe('splitCorpus / joinCorpus', () => {
  it('gives back the same corpus, in order, whatever the batch size', () => {
    for (const batch of [1, 2, 3, 100]) expect(roundTrip(batch).back).toEqual(loaded);
  });

  it('sends each paragraph context once, however many sentences share it', () => {
    const { parts } = roundTrip(1);
    const sent = parts.flatMap((p) => (p.kind === 'passages' ? unpackStrings(p.contexts) : []));
    expect(sent).toEqual([para, 'Alpha eins. Beta zwei.']);
    expect(parts.map((p) => p.kind)).toEqual(['passages', 'passages', 'passages', 'passages', 'questions', 'questions', 'questions', 'end']);
  });

  it('leaves the paragraph contexts out when asked, and keeps everything else', () => {
    const parts = [...splitCorpus(loaded, 2, { contexts: false })].map((p) => structuredClone(p));
    expect(parts.flatMap((p) => (p.kind === 'passages' ? unpackStrings(p.contexts) : []))).toEqual([]);
    const join = joinCorpus();
    for (const p of parts) join.add(p);
    const back = join.finish();
    expect(back.corpus.passages).toEqual(loaded.corpus.passages.map(({ context: _c, ...p }) => p));
    expect(back.corpus.questions).toEqual(loaded.corpus.questions);
  });

  it('takes the contexts out of parts already made, as splitting without them would', () => {
    const stripped = [...splitCorpus(loaded, 2)].map(withoutContexts);
    expect(stripped).toEqual([...splitCorpus(loaded, 2, { contexts: false })]);
  });

  it('cuts parts at the batch size', () => {
    const { parts } = roundTrip(3);
    expect(parts.map((p) => (p.kind === 'passages' ? p.ids.ends.length : p.kind === 'questions' ? p.questions.length : 0))).toEqual([3, 1, 3, 0]);
  });

  it('refuses a corpus without its end, a part after the end, and a context that never arrived', () => {
    const parts = [...splitCorpus(loaded, 2)];
    const join = joinCorpus();
    join.add(parts[0]);
    expect(() => join.finish()).toThrow('ended before its last part');
    const late = joinCorpus();
    late.add(parts.at(-1)!);
    expect(() => late.add(parts[0])).toThrow('after the end');
    const orphan = joinCorpus();
    expect(() => orphan.add(parts[1])).toThrow('passage de/p/s0 names context 1, but only 1 arrived');
    expect(() => splitCorpus(loaded, 0).next()).toThrow('batch must be at least 1');
    const first = parts[0] as Extract<CorpusPart, { kind: 'passages' }>;
    expect(() => joinCorpus().add({ ...first, langAt: new Uint16Array([0, 5]) })).toThrow('passage en/p/s1 names language 5, but the part lists 1');
    expect(() => joinCorpus().add({ ...first, contextAt: new Int32Array([0]) })).toThrow('a part of 2 passages arrived with columns of other lengths');
  });

  it('packs texts into one string per part and gives each back whole, empty and non-Latin ones too', () => {
    const texts = ['Alpha one.', '', 'Ünïcödé 😀 текст', 'x'];
    const packed = structuredClone(packStrings(texts));
    expect(packed.joined).toBe(texts.join(''));
    expect(unpackStrings(packed)).toEqual(texts);
    expect(unpackStrings(packStrings([]))).toEqual([]);
    expect(() => unpackStrings({ joined: 'abc', ends: new Uint32Array([2]) })).toThrow('packed strings end at 2, but 3 characters arrived');
  });
});

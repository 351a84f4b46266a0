/**
 * A loaded corpus cut into parts for postMessage, and put back together. One message holding a
 * whole 200 MB corpus is read on the page in one task that freezes it; parts are read one task
 * each. A paragraph's context is sent once (sentences of one paragraph share it by index), since
 * a structured clone would copy the same string once per sentence.
 *
 * Texts and contexts travel packed, one string per part (PackedStrings): a string of a few hundred
 * kB is one object the garbage collector never copies, and each text is a slice of it. Sent as
 * separate strings, the receiver's young generation fills with 200 MB of survivors that each
 * collection copies (scavenges of 200-450 ms measured on the page at 200 MB).
 */
import type { CorpusFormat, LoadedCorpus } from './loaded-corpus';
import type { Passage, Question } from './types';

/** Strings joined into one; string i is joined.slice(ends[i - 1] ?? 0, ends[i]). */
export interface PackedStrings {
  joined: string;
  ends: Uint32Array;
}

/** A passage without its text (in the part's texts) and with its context as an index into the contexts sent so far. */
export type PartPassage = Omit<Passage, 'context' | 'text'> & { contextAt?: number };

export type CorpusPart =
  | { kind: 'passages'; contexts: PackedStrings; texts: PackedStrings; passages: PartPassage[] }
  | { kind: 'questions'; questions: Question[] }
  | { kind: 'end'; name: string; languages: string[]; format: CorpusFormat; warnings: string[] };

export function packStrings(strings: readonly string[]): PackedStrings {
  const ends = new Uint32Array(strings.length);
  let at = 0;
  strings.forEach((s, i) => (ends[i] = at += s.length));
  return { joined: strings.join(''), ends };
}

export function unpackStrings({ joined, ends }: PackedStrings): string[] {
  if ((ends.at(-1) ?? 0) !== joined.length) throw new Error(`packed strings end at ${ends.at(-1) ?? 0}, but ${joined.length} characters arrived`);
  const out: string[] = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) out[i] = joined.slice(start, (start = ends[i]));
  return out;
}

/**
 * The parts of a loaded corpus, at most `batch` passages or questions each, 'end' last. With
 * `contexts: false` passages go without their paragraph context (the ranking and evaluation
 * workers never read it).
 */
export function* splitCorpus(loaded: LoadedCorpus, batch: number, opts: { contexts?: boolean } = {}): Generator<CorpusPart> {
  if (!(batch >= 1)) throw new RangeError(`batch must be at least 1, got ${batch}`);
  const { corpus } = loaded;
  const withContexts = opts.contexts ?? true;
  const contextIndex = new Map<string, number>();
  for (let i = 0; i < corpus.passages.length; i += batch) {
    const contexts: string[] = [];
    const texts: string[] = [];
    const passages = corpus.passages.slice(i, i + batch).map(({ context, text, ...p }): PartPassage => {
      texts.push(text);
      if (context === undefined || !withContexts) return p;
      let at = contextIndex.get(context);
      if (at === undefined) {
        at = contextIndex.size;
        contextIndex.set(context, at);
        contexts.push(context);
      }
      return { ...p, contextAt: at };
    });
    yield { kind: 'passages', contexts: packStrings(contexts), texts: packStrings(texts), passages };
  }
  for (let i = 0; i < corpus.questions.length; i += batch) yield { kind: 'questions', questions: corpus.questions.slice(i, i + batch) };
  yield { kind: 'end', name: corpus.name, languages: corpus.languages, format: loaded.format, warnings: loaded.warnings };
}

/** Collects parts in the order splitCorpus made them; finish() gives the corpus after 'end'. */
export function joinCorpus() {
  const contexts: string[] = [];
  const passages: Passage[] = [];
  const questions: Question[] = [];
  let end: Extract<CorpusPart, { kind: 'end' }> | null = null;
  return {
    add(part: CorpusPart): void {
      if (end) throw new Error('a corpus part arrived after the end');
      if (part.kind === 'passages') {
        for (const c of unpackStrings(part.contexts)) contexts.push(c);
        const texts = unpackStrings(part.texts);
        if (texts.length !== part.passages.length) throw new Error(`${part.passages.length} passages arrived with ${texts.length} texts`);
        part.passages.forEach(({ contextAt, ...p }, i) => {
          if (contextAt === undefined) passages.push({ ...p, text: texts[i] });
          else if (contextAt < contexts.length) passages.push({ ...p, text: texts[i], context: contexts[contextAt] });
          else throw new Error(`passage ${p.id} names context ${contextAt}, but only ${contexts.length} arrived`);
        });
      } else if (part.kind === 'questions') for (const q of part.questions) questions.push(q);
      else end = part;
    },
    finish(): LoadedCorpus {
      if (!end) throw new Error('the corpus ended before its last part arrived');
      return { corpus: { name: end.name, languages: end.languages, passages, questions }, format: end.format, warnings: end.warnings };
    },
  };
}

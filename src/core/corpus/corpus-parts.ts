/**
 * A loaded corpus cut into parts for postMessage, and put back together. One message holding a
 * whole 200 MB corpus is read on the page in one task that freezes it; parts are read one task
 * each. A paragraph's context is sent once (sentences of one paragraph share it by index), since
 * a structured clone would copy the same string once per sentence.
 */
import type { CorpusFormat, LoadedCorpus } from './loaded-corpus';
import type { Passage, Question } from './types';

/** A passage whose context is an index into the contexts sent so far. */
export type PartPassage = Omit<Passage, 'context'> & { contextAt?: number };

export type CorpusPart =
  | { kind: 'passages'; contexts: string[]; passages: PartPassage[] }
  | { kind: 'questions'; questions: Question[] }
  | { kind: 'end'; name: string; languages: string[]; format: CorpusFormat; warnings: string[] };

/** The parts of a loaded corpus, at most `batch` passages or questions each, 'end' last. */
export function* splitCorpus(loaded: LoadedCorpus, batch: number): Generator<CorpusPart> {
  if (!(batch >= 1)) throw new RangeError(`batch must be at least 1, got ${batch}`);
  const { corpus } = loaded;
  const contextIndex = new Map<string, number>();
  for (let i = 0; i < corpus.passages.length; i += batch) {
    const contexts: string[] = [];
    const passages = corpus.passages.slice(i, i + batch).map(({ context, ...p }): PartPassage => {
      if (context === undefined) return p;
      let at = contextIndex.get(context);
      if (at === undefined) {
        at = contextIndex.size;
        contextIndex.set(context, at);
        contexts.push(context);
      }
      return { ...p, contextAt: at };
    });
    yield { kind: 'passages', contexts, passages };
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
        for (const c of part.contexts) contexts.push(c);
        for (const { contextAt, ...p } of part.passages) {
          if (contextAt === undefined) passages.push(p);
          else if (contextAt < contexts.length) passages.push({ ...p, context: contexts[contextAt] });
          else throw new Error(`passage ${p.id} names context ${contextAt}, but only ${contexts.length} arrived`);
        }
      } else if (part.kind === 'questions') for (const q of part.questions) questions.push(q);
      else end = part;
    },
    finish(): LoadedCorpus {
      if (!end) throw new Error('the corpus ended before its last part arrived');
      return { corpus: { name: end.name, languages: end.languages, passages, questions }, format: end.format, warnings: end.warnings };
    },
  };
}

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

/**
 * Passages by column: strings packed, languages and contexts by index. The receiver then reads a
 * few large objects per part instead of thousands of small ones, and builds each passage once.
 */
export interface PartPassages {
  kind: 'passages';
  ids: PackedStrings;
  texts: PackedStrings;
  /** Each passage's language as an index into `languages`. */
  languages: string[];
  langAt: Uint16Array;
  /** Groups of the passages that have one (grouped[i] = 1), in order. */
  groups: PackedStrings;
  grouped: Uint8Array;
  /** Contexts new in this part; contextAt indexes every context sent so far, -1 for none. */
  contexts: PackedStrings;
  contextAt: Int32Array;
}

export type CorpusPart =
  PartPassages | { kind: 'questions'; questions: Question[] } | { kind: 'end'; name: string; languages: string[]; format: CorpusFormat; warnings: string[] };

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

/** One part of passages; `contextIndex` numbers the contexts across parts (null: leave them out). */
function passagePart(passages: readonly Passage[], contextIndex: Map<string, number> | null): PartPassages {
  const languages: string[] = [];
  const langAt = new Uint16Array(passages.length);
  const grouped = new Uint8Array(passages.length);
  const contextAt = new Int32Array(passages.length).fill(-1);
  const groups: string[] = [];
  const contexts: string[] = [];
  passages.forEach((p, i) => {
    let l = languages.indexOf(p.lang);
    if (l < 0) l = languages.push(p.lang) - 1;
    langAt[i] = l;
    if (p.group !== undefined) {
      grouped[i] = 1;
      groups.push(p.group);
    }
    if (p.context === undefined || !contextIndex) return;
    let at = contextIndex.get(p.context);
    if (at === undefined) {
      at = contextIndex.size;
      contextIndex.set(p.context, at);
      contexts.push(p.context);
    }
    contextAt[i] = at;
  });
  const ids = packStrings(passages.map((p) => p.id));
  const texts = packStrings(passages.map((p) => p.text));
  return { kind: 'passages', ids, texts, languages, langAt, groups: packStrings(groups), grouped, contexts: packStrings(contexts), contextAt };
}

/**
 * The parts of a loaded corpus, at most `batch` passages or questions each, 'end' last. With
 * `contexts: false` passages go without their paragraph context (the ranking and evaluation
 * workers never read it).
 */
export function* splitCorpus(loaded: LoadedCorpus, batch: number, opts: { contexts?: boolean } = {}): Generator<CorpusPart> {
  if (!(batch >= 1)) throw new RangeError(`batch must be at least 1, got ${batch}`);
  const { corpus } = loaded;
  const contextIndex = (opts.contexts ?? true) ? new Map<string, number>() : null;
  for (let i = 0; i < corpus.passages.length; i += batch) yield passagePart(corpus.passages.slice(i, i + batch), contextIndex);
  for (let i = 0; i < corpus.questions.length; i += batch) yield { kind: 'questions', questions: corpus.questions.slice(i, i + batch) };
  yield { kind: 'end', name: corpus.name, languages: corpus.languages, format: loaded.format, warnings: loaded.warnings };
}

/** The passages of one part, their contexts looked up in (and new ones added to) `contexts`. */
function readPassages(part: PartPassages, contexts: string[]): Passage[] {
  for (const c of unpackStrings(part.contexts)) contexts.push(c);
  const ids = unpackStrings(part.ids);
  const texts = unpackStrings(part.texts);
  const groups = unpackStrings(part.groups);
  const n = ids.length;
  if ([texts.length, part.langAt.length, part.grouped.length, part.contextAt.length].some((m) => m !== n))
    throw new Error(`a part of ${n} passages arrived with columns of other lengths`);
  const out: Passage[] = new Array(n);
  let g = 0;
  for (let i = 0; i < n; i++) {
    const lang = part.languages[part.langAt[i]];
    if (lang === undefined) throw new Error(`passage ${ids[i]} names language ${part.langAt[i]}, but the part lists ${part.languages.length}`);
    const p: Passage = { id: ids[i], lang, text: texts[i] };
    if (part.grouped[i]) p.group = groups[g++];
    const at = part.contextAt[i];
    if (at >= contexts.length) throw new Error(`passage ${ids[i]} names context ${at}, but only ${contexts.length} arrived`);
    if (at >= 0) p.context = contexts[at];
    out[i] = p;
  }
  return out;
}

/**
 * A loaded corpus with the parts it arrived in, if it came in parts: they can go on to another
 * worker as they are, so the page builds no new strings to send it (texts are slices of the
 * parts' packed strings, which stay in memory with the corpus anyway).
 */
export type LoadedWithParts = LoadedCorpus & { parts?: readonly CorpusPart[] };

/** A part as the ranking and evaluation workers get it: passages without their paragraph context. */
export function withoutContexts(part: CorpusPart): CorpusPart {
  if (part.kind !== 'passages') return part;
  return { ...part, contexts: packStrings([]), contextAt: new Int32Array(part.contextAt.length).fill(-1) };
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
      if (part.kind === 'passages') for (const p of readPassages(part, contexts)) passages.push(p);
      else if (part.kind === 'questions') for (const q of part.questions) questions.push(q);
      else end = part;
    },
    finish(): LoadedCorpus {
      if (!end) throw new Error('the corpus ended before its last part arrived');
      return { corpus: { name: end.name, languages: end.languages, passages, questions }, format: end.format, warnings: end.warnings };
    },
  };
}

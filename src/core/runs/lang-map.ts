import type { LangCode, Passage, Question } from '../corpus/types';
import type { DocTable } from './doc-table';
import { detach, LineFeed, splitFields } from './line-feed';
import { RunFormatError } from './run-format-error';
import type { StreamParser } from './trec-run';

const HEADER = /^(doc|document|query|q)?[-_ ]?id$/i;

/**
 * Streams an `id<TAB>lang` file (a header line "docid lang" is allowed and skipped). Each entry
 * goes to `onEntry`, which may throw to refuse it; its message is tied to the file and line.
 */
export function createLangMapParser(file: string, onEntry: (id: string, lang: LangCode) => string | null): StreamParser<{ entries: number }> {
  let entries = 0;
  const feed = new LineFeed((text, start, end, lineNo) => {
    const line = text.slice(start, end);
    const f = line.includes('\t') ? line.split('\t').map((s) => s.trim()) : splitFields(line);
    if (f.length === 1 && f[0] === '') return;
    if (f.length !== 2 || !f[0] || !f[1]) throw new RunFormatError(file, lineNo, `expected 2 fields "id<TAB>lang", got ${JSON.stringify(line.slice(0, 80))}`);
    if (lineNo === 1 && HEADER.test(f[0]) && /^lang(uage)?$/i.test(f[1])) return;
    const problem = onEntry(f[0], f[1]);
    if (problem) throw new RunFormatError(file, lineNo, problem);
    entries++;
  });
  return {
    push: (chunk) => feed.push(chunk),
    end: () => {
      feed.end();
      if (entries === 0) throw new RunFormatError(file, 0, 'no entries; expected "id<TAB>lang" per line');
      return { entries };
    },
    get lines() {
      return feed.lines;
    },
  };
}

/** The onEntry for a document map: records the language, refusing a document given two. */
export function docMapEntry(docs: DocTable): (id: string, lang: LangCode) => string | null {
  return (id, lang) => {
    const before = docs.addMapEntry(id, lang);
    return before === null ? null : `document ${id} is given language ${lang} here but ${before} earlier`;
  };
}

/** The onEntry for a query map. */
export function queryMapEntry(map: Map<string, LangCode>): (id: string, lang: LangCode) => string | null {
  return (id, lang) => {
    const before = map.get(id);
    if (before !== undefined && before !== lang) return `query ${id} is given language ${lang} here but ${before} earlier`;
    map.set(detach(id), detach(lang));
    return null;
  };
}

/** What an import reads of a corpus: passage languages, question languages and judgments (no texts). */
export interface CorpusJudgments {
  name: string;
  passages: readonly Pick<Passage, 'id' | 'lang'>[];
  questions: readonly Pick<Question, 'id' | 'lang' | 'relevant'>[];
}

/** Document and query languages from a loaded corpus (any format the lab reads, BEIR with a "lang" field included). */
export function languagesFromCorpus(corpus: CorpusJudgments, docs: DocTable): Map<string, LangCode> {
  for (const p of corpus.passages) docs.addMapEntry(p.id, p.lang);
  return new Map(corpus.questions.map((q) => [q.id, q.lang]));
}

/**
 * The language of a run's query id. A cross-lingual run of this lab names its queries
 * "<question id>-><pool language>" (one question ranked against several pools), so when the id
 * itself is not in the map, the part before the last "->" is looked up.
 */
export function queryLanguageLookup(map: ReadonlyMap<string, LangCode>): (qid: string) => LangCode | undefined {
  return (qid) => {
    const lang = map.get(qid);
    if (lang !== undefined) return lang;
    const cut = qid.lastIndexOf('->');
    return cut > 0 ? map.get(qid.slice(0, cut)) : undefined;
  };
}

/** A language code as the data gives it (BCP-47 primary subtag, e.g. "en", "zh", "ne"). */
export type LangCode = string;

/** One retrieval candidate: a sentence (XQuAD-R, MLQA-R) or a document (BEIR, JSONL) in one language. */
export interface Passage {
  /** Unique across the whole corpus, all languages (e.g. "en/5725b33f6a3fe71400b8952d/s3"). */
  id: string;
  lang: LangCode;
  text: string;
  /** Translations of the same passage share a group (paragraph id + sentence index, or a JSONL group). */
  group?: string;
  /** The paragraph a sentence comes from, when the source has one. */
  context?: string;
}

/** One question in one language. Translations of a question share `qid`. */
export interface Question {
  /** Unique across the corpus (e.g. "56beb4343aeaaa14008c925b/en"). */
  id: string;
  /** Language-independent question id, shared by all translations of this question. */
  qid: string;
  lang: LangCode;
  text: string;
  /** Ids of every relevant passage, in every language (11 per question in XQuAD-R). */
  relevant: string[];
}

export interface Corpus {
  /** What the user would call it: "XQuAD-R", "demo", a folder name. */
  name: string;
  /** Languages in the order the source lists them. */
  languages: LangCode[];
  passages: Passage[];
  questions: Question[];
}

/**
 * Where a corpus's files come from: a folder on disk (Node), a base URL, or files the user picked.
 * Loaders only read text through this, so they stay pure and testable.
 */
export interface FileSource {
  /** A label for messages: a folder path, a URL, "picked files". */
  label: string;
  /** Relative paths of the files available ("en.json", "qrels/test.tsv"); may be unknown for URLs. */
  list(): Promise<string[] | null>;
  /** The text of one file, by relative path. Rejects with a message naming the file when missing. */
  readText(path: string): Promise<string>;
}

/** A named text file held in memory: picked in a browser, or produced by an exporter (toBeirFiles). */
export interface TextFile {
  /** Relative path with "/" separators ("qrels/test.tsv"). */
  name: string;
  text: string;
}

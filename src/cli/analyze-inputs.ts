import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../core/corpus/load-corpus';
import type { Corpus, LangCode } from '../core/corpus/types';
import type { DocTable } from '../core/runs/doc-table';
import { createLangMapParser, docMapEntry, languagesFromCorpus, queryMapEntry } from '../core/runs/lang-map';
import { groupRunParts, runPartName } from '../core/runs/run-groups';
import { CliError } from './cli-error';
import { resolveDataSource } from './resolve-data';
import { assertFile, streamFile } from './run-files';

/** One run file to score, with its qrels and, for the evaluation's own files, its pool kind. */
export interface RunPart {
  run: string;
  qrels: string;
  pool?: 'multi' | 'single';
}

/** One system: a run file, or a folder the evaluation wrote (run.<setting>.trec + qrels.<setting>.txt). */
export interface RunSystem {
  name: string;
  parts: RunPart[];
}

const EVAL_FILE = /^run\.(mono|cross|multi)\.trec$/;

/**
 * Each --run as a system. A folder is read as `npm run eval` output: each run.<setting>.trec with
 * the qrels.<setting>.txt beside it (mono and multi share query ids but not relevant sets, so each
 * needs its own qrels). Files take the --qrels given once for all, or once per --run in order.
 */
export async function expandRuns(runs: readonly string[], qrels: readonly string[]): Promise<RunSystem[]> {
  const files = [];
  for (const run of runs) {
    const info = await stat(run).catch(() => null);
    if (!info) throw new CliError(`--run ${run}: no such file or folder`);
    files.push({ run, folder: info.isDirectory() });
  }
  const fileCount = files.filter((f) => !f.folder).length;
  if (fileCount > 0 && qrels.length !== 1 && qrels.length !== fileCount) {
    throw new CliError(`--qrels: give one qrels file for all run files, or one per run file in the same order (${fileCount} run files, ${qrels.length} qrels)`);
  }
  const systems: RunSystem[] = [];
  const names = new Set<string>();
  const nameOf = (base: string) => {
    let name = base.replace(/[^\w.-]+/g, '_') || 'run';
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    return name;
  };
  let fileIndex = 0;
  for (const { run, folder } of files) {
    if (!folder) {
      const q = qrels.length === 1 ? qrels[0] : qrels[fileIndex];
      fileIndex++;
      systems.push({ name: nameOf(path.basename(run).replace(/\.(trec|txt|run|json)$/i, '')), parts: [{ run, qrels: q }] });
      continue;
    }
    const entries = (await readdir(run)).filter((f) => EVAL_FILE.test(f));
    if (entries.length === 0) throw new CliError(`--run ${run}: a folder must hold npm run eval's run.<setting>.trec files; found none`);
    // The same rule as the app's Open results: the files are the parts of one system, in setting order.
    const ordered = groupRunParts(entries).flatMap((g) => (g.kind === 'parts' ? g.parts.map((p) => p.index) : [g.index]));
    const parts = ordered.map((i) => {
      const { setting } = runPartName(entries[i])!;
      return {
        run: path.join(run, entries[i]),
        qrels: path.join(run, `qrels.${setting}.txt`),
        pool: setting === 'multi' ? ('multi' as const) : ('single' as const),
      };
    });
    systems.push({ name: nameOf(path.basename(path.resolve(run))), parts });
  }
  return systems;
}

export interface LanguageSources {
  corpus?: string;
  docLangs?: string;
  queryLangs?: string;
}

/**
 * Fills the DocTable's languages (and pool sizes) and returns the query -> language map, from a
 * corpus folder (any format the lab loads, BEIR with a "lang" field included) or id<TAB>lang files.
 * Call after every run and qrels file is read: only documents they name are kept.
 */
export async function loadLanguages(
  src: LanguageSources,
  docs: DocTable,
  log: (m: string) => void,
): Promise<{ queries: Map<string, LangCode>; name: string; corpus?: Corpus }> {
  if (src.corpus && src.docLangs) throw new CliError('give --corpus or --doc-langs, not both');
  let queries: Map<string, LangCode> | null = null;
  let name = '';
  let corpus: Corpus | undefined;
  if (src.corpus) {
    const loaded = await loadCorpus(await resolveDataSource(src.corpus));
    for (const w of loaded.warnings) log(`warning: ${w}`);
    corpus = loaded.corpus;
    queries = languagesFromCorpus(loaded.corpus, docs);
    name = loaded.corpus.name;
    log(`${name}: languages of ${loaded.corpus.passages.length} passages and ${loaded.corpus.questions.length} questions`);
  } else if (src.docLangs) {
    await assertFile('--doc-langs', src.docLangs);
    const { entries } = await streamFile(src.docLangs, createLangMapParser(src.docLangs, docMapEntry(docs)));
    name = path.basename(src.docLangs);
    log(`${src.docLangs}: languages of ${entries.toLocaleString('en-US')} documents`);
  } else {
    throw new CliError('the document languages are needed: give --corpus <folder> or --doc-langs <docid<TAB>lang file>');
  }
  if (src.queryLangs) {
    await assertFile('--query-langs', src.queryLangs);
    queries = new Map();
    const { entries } = await streamFile(src.queryLangs, createLangMapParser(src.queryLangs, queryMapEntry(queries)));
    log(`${src.queryLangs}: languages of ${entries.toLocaleString('en-US')} queries`);
  }
  if (!queries) throw new CliError('the query languages are needed: give --query-langs <qid<TAB>lang file> (or --corpus)');
  return { queries, name, corpus };
}

import path from 'node:path';
import { parseArgs } from 'node:util';
import { compareReports } from '../core/comparison/compare-reports';
import { formatComparison } from '../core/comparison/format-comparison';
import type { EvalReport } from '../core/evaluation/eval-report';
import { pairMatrixOf, withoutQueries } from '../core/evaluation/summarise-report';
import { reportToJson } from '../core/evaluation/report-json';
import { tieKeysDescendingById } from '../core/metrics/rank-relevant';
import { DocTable } from '../core/runs/doc-table';
import type { RunDiagnostics } from '../core/runs/import-report';
import { queryLanguageLookup } from '../core/runs/lang-map';
import { withCorpusSkipped } from '../core/runs/corpus-skipped';
import { mergeReports } from '../core/runs/merge-reports';
import type { ParsedRun } from '../core/runs/parsed-run';
import { scoreRun } from '../core/runs/score-run';
import type { Qrels } from '../core/runs/trec-qrels';
import { expandRuns, loadLanguages } from './analyze-inputs';
import { CliError } from './cli-error';
import { openOutputDir, type OutputDir } from './output-dir';
import { createProgressReporter } from './progress-reporter';
import { readQrelsFile, readRunFile } from './run-files';

export const ANALYZE_USAGE = `npm run analyze -- --run <file|eval folder> [--run ...] --qrels <file> [--qrels ...]
       (--corpus <folder> | --doc-langs <docid<TAB>lang> --query-langs <qid<TAB>lang>)
       [--langs en,de,...] [--pool multi|single] --out <dir> [--force]

Scores runs from any engine (TREC "qid Q0 docid rank score tag" or ranx JSON {qid: {docid: score}})
against TREC or ranx qrels with the evaluation's own metric code, and writes <dir>/<run>/metrics.json,
the same file npm run eval writes. A folder written by npm run eval is read whole (run.<setting>.trec
with qrels.<setting>.txt). Truncated runs give bounds, said so, with the missing relevant documents
counted per query. With several runs, each is compared with the first (B minus A): caveats,
common cells, p-values of the paired randomization test and t-test, effects, and the cells
where a difference holds after Holm-Bonferroni correction, in <dir>/comparison.json. As with eval,
the files appear only when the run succeeds, and a folder that is not empty needs --force.`;

export interface AnalyzedSystem {
  name: string;
  report: EvalReport;
  diagnostics: RunDiagnostics[];
}

export async function runAnalyze(argv: string[]): Promise<AnalyzedSystem[]> {
  const { values } = parseArgs({
    args: argv,
    options: {
      run: { type: 'string', multiple: true },
      qrels: { type: 'string', multiple: true },
      corpus: { type: 'string' },
      'doc-langs': { type: 'string' },
      'query-langs': { type: 'string' },
      langs: { type: 'string' },
      pool: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${ANALYZE_USAGE}\n`);
    return [];
  }
  if (!values.run?.length) throw new CliError(`--run is required\n\n${ANALYZE_USAGE}`);
  if (!values.out) throw new CliError(`--out is required\n\n${ANALYZE_USAGE}`);
  if (values.pool !== undefined && values.pool !== 'multi' && values.pool !== 'single') throw new CliError(`--pool ${values.pool}: expected multi or single`);
  const langs = values.langs
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (langs && langs.length === 0) throw new CliError('--langs: empty list');

  const systems = await expandRuns(values.run, values.qrels ?? []);
  // Checked before the runs are read; files go through a temporary folder and appear at commit.
  const out = await openOutputDir(values.out, { force: values.force });
  try {
    return await analyzeInto(out, values.out, systems, { ...values, langs });
  } catch (e) {
    await out.abort();
    throw e;
  }
}

interface AnalyzeValues {
  qrels?: string[];
  corpus?: string;
  'doc-langs'?: string;
  'query-langs'?: string;
  pool?: string;
  langs?: string[];
}

async function analyzeInto(out: OutputDir, outDir: string, systems: Awaited<ReturnType<typeof expandRuns>>, values: AnalyzeValues): Promise<AnalyzedSystem[]> {
  const { langs } = values;
  const progress = createProgressReporter();
  if (systems.some((s) => s.parts.some((p) => !p.qrels))) throw new CliError(`--qrels is required for run files\n\n${ANALYZE_USAGE}`);
  const docs = new DocTable();
  const qrelsByFile = new Map<string, Qrels>();
  const runs = new Map<string, ParsedRun>();
  for (const system of systems) {
    for (const part of system.parts) {
      if (!qrelsByFile.has(part.qrels)) qrelsByFile.set(part.qrels, await readQrelsFile(part.qrels, docs));
      const started = Date.now();
      const run = await readRunFile(part.run, docs, (bytes) => progress.update({ stage: `reading ${part.run}`, done: bytes, total: 0 }));
      runs.set(part.run, run);
      progress.log(
        `${part.run}: ${run.entries.toLocaleString('en-US')} entries, ${run.queries.length.toLocaleString('en-US')} queries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  }
  const languages = await loadLanguages({ corpus: values.corpus, docLangs: values['doc-langs'], queryLangs: values['query-langs'] }, docs, (m) =>
    progress.log(m),
  );
  const queryLang = queryLanguageLookup(languages.queries);
  const tieKey = tieKeysDescendingById(docs.ids);

  const analyzed: AnalyzedSystem[] = [];
  for (const system of systems) {
    const reports: EvalReport[] = [];
    const diagnostics: RunDiagnostics[] = [];
    for (const part of system.parts) {
      const { report, diagnostics: d } = scoreRun(runs.get(part.run)!, qrelsByFile.get(part.qrels)!, docs, {
        corpus: languages.name,
        queryLang,
        pool: part.pool ?? (values.pool as 'multi' | 'single' | undefined),
        languages: langs,
        tieKey,
      });
      runs.delete(part.run); // the scored run's arrays can go
      reports.push(report);
      diagnostics.push(d);
      for (const note of d.notes) progress.log(note);
    }
    const merged = mergeReports(reports);
    // The corpus knows the questions the evaluation skipped (no answer in the pool); a run cannot.
    const report = languages.corpus ? withCorpusSkipped(merged, languages.corpus) : merged;
    analyzed.push({ name: system.name, report, diagnostics });
    await writeMetrics(out, system, report, diagnostics);
    logMacro(system.name, report, (m) => progress.log(m));
  }
  if (analyzed.length > 1) await writeComparisons(out, analyzed, (m) => progress.log(m));
  await out.commit();
  progress.log(
    `wrote ${analyzed.map((s) => path.join(outDir, s.name, 'metrics.json')).join(', ')}${analyzed.length > 1 ? ` and ${path.join(outDir, 'comparison.json')}` : ''}`,
  );
  return analyzed;
}

async function writeMetrics(
  out: OutputDir,
  system: { name: string; parts: { run: string; qrels: string }[] },
  report: EvalReport,
  diagnostics: RunDiagnostics[],
): Promise<void> {
  const hasPairs = Boolean(report.settings.mono || report.settings.cross);
  const summary = {
    ...reportToJson(withoutQueries(report)),
    pairMatrix: hasPairs ? pairMatrixOf(report) : undefined,
    runFiles: system.parts.map((p) => p.run),
    qrelsFiles: system.parts.map((p) => p.qrels),
    bounds: diagnostics.some((d) => d.truncated) ? 'some figures are bounds: see import[].notes' : 'exact: every relevant document is in the runs',
    import: diagnostics,
  };
  await out.write(`${system.name}/metrics.json`, `${JSON.stringify(summary, null, 2)}\n`);
}

/** Every later run against the first (B minus A), as comparison.json and printed lines. */
async function writeComparisons(out: OutputDir, systems: AnalyzedSystem[], log: (m: string) => void): Promise<void> {
  const [first, ...rest] = systems;
  const comparisons = rest.map((s) => compareReports(first.name, first.report, s.name, s.report));
  for (const c of comparisons) for (const line of formatComparison(c)) log(line);
  await out.write('comparison.json', `${JSON.stringify(comparisons, null, 2)}\n`);
}

function logMacro(name: string, report: EvalReport, log: (m: string) => void): void {
  for (const [s, setting] of Object.entries(report.settings)) {
    const m = setting.macro;
    log(
      `${name} ${s.padEnd(5)} mAP ${m.ap.toFixed(4)}  R@1 ${m.recallAt1.toFixed(4)}  R@10 ${m.recallAt10.toFixed(4)}  MRR ${m.rr.toFixed(4)}  nDCG@10 ${m.ndcgAt10.toFixed(4)}${s === 'multi' ? `  mean max rank distance ${m.maxRankDistance.toFixed(1)}` : ''}`,
    );
  }
}

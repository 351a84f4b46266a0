import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../test/fixtures/corpus/sources';
import { runAnalyze } from './analyze-command';
import { runEval } from './eval-command';

const SQUAD = path.join(FIXTURES_DIR, 'squad');
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

async function readJson(file: string) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** What `eval` and `analyze` must agree on; the rest (timings, file names) differs by nature. */
function figures(m: Record<string, unknown>) {
  const { settings, languages, languageMix, mixK, tieBreak, pairMatrix, corpus, retriever } = m;
  return { settings, languages, languageMix, mixK, tieBreak, pairMatrix, corpus, retriever };
}

describe('npm run analyze', () => {
  it("reproduces eval's metrics.json exactly from eval's own complete run files", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyze-'));
    const evalOut = path.join(dir, 'eval');
    await runEval(['--data', SQUAD, '--depth', '5000', '--out', evalOut]);
    const expected = await readJson(path.join(evalOut, 'metrics.json'));
    expect(Object.keys(expected.settings)).toEqual(['mono', 'cross', 'multi']);

    await runAnalyze(['--run', evalOut, '--corpus', SQUAD, '--out', path.join(dir, 'analyzed')]);
    const got = await readJson(path.join(dir, 'analyzed', 'eval', 'metrics.json'));
    expect(figures(got)).toEqual(figures(expected));
    expect(JSON.stringify(got.settings)).toBe(JSON.stringify(expected.settings)); // bit for bit, key order too
    expect(got.bounds).toBe('exact: every relevant document is in the runs');
    // Like eval: a folder that is not empty is refused (nothing read, nothing touched) unless --force.
    await expect(runAnalyze(['--run', evalOut, '--corpus', SQUAD, '--out', path.join(dir, 'analyzed')])).rejects.toThrow(
      'the folder is not empty (eval); give a new or empty folder, or add --force',
    );
    await runAnalyze(['--run', evalOut, '--corpus', SQUAD, '--out', path.join(dir, 'analyzed'), '--force']);
    expect(await readdir(path.join(dir, 'analyzed'))).toEqual(['eval']); // no temporary folder left behind

    // The same run as a plain file with its qrels and id<TAB>lang maps instead of the corpus.
    const qrels = await readFile(path.join(evalOut, 'qrels.multi.txt'), 'utf8');
    const runText = await readFile(path.join(evalOut, 'run.multi.trec'), 'utf8');
    const docLangs = [
      ...new Set(
        runText
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[2]),
      ),
    ].map((id) => `${id}\t${id.split('/')[0]}`);
    const queryLangs = [
      ...new Set(
        qrels
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[0]),
      ),
    ].map((id) => `${id}\t${id.split('/').at(-1)}`);
    await writeFile(path.join(dir, 'docs.tsv'), `docid\tlang\n${docLangs.join('\n')}\n`);
    await writeFile(path.join(dir, 'queries.tsv'), `${queryLangs.join('\n')}\n`);
    const [system] = await runAnalyze([
      '--run',
      path.join(evalOut, 'run.multi.trec'),
      '--qrels',
      path.join(evalOut, 'qrels.multi.txt'),
      '--doc-langs',
      path.join(dir, 'docs.tsv'),
      '--query-langs',
      path.join(dir, 'queries.tsv'),
      '--out',
      path.join(dir, 'maps'),
    ]);
    expect(system.report.settings.multi!.macro).toEqual(expected.settings.multi.macro);
  }, 120_000);

  it('on a truncated run states bounds and counts, per query, the relevant documents missing from it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyze-'));
    const evalOut = path.join(dir, 'eval');
    await runEval(['--data', SQUAD, '--settings', 'multi', '--depth', '2', '--out', evalOut]);
    const exact = await readJson(path.join(evalOut, 'metrics.json'));
    await runAnalyze(['--run', evalOut, '--corpus', SQUAD, '--out', path.join(dir, 'analyzed')]);
    const got = await readJson(path.join(dir, 'analyzed', 'eval', 'metrics.json'));
    expect(got.bounds).toBe('some figures are bounds: see import[].notes');
    const [imported] = got.import;
    expect(imported.truncated.queries.length).toBeGreaterThan(0);
    for (const q of imported.truncated.queries) expect(q).toMatchObject({ cell: expect.stringMatching(/->\*$/), depth: 2, absent: expect.any(Number) });
    expect(imported.notes.join('\n')).toContain('mAP, R@1, R@10, MRR and nDCG@10 are lower bounds and the maximum rank distance an upper bound');
    // The bounds hold against the exact figures eval computed over the full ranking.
    expect(got.settings.multi.macro.ap).toBeLessThanOrEqual(exact.settings.multi.macro.ap);
    expect(got.settings.multi.macro.maxRankDistance).toBeGreaterThanOrEqual(exact.settings.multi.macro.maxRankDistance);
  }, 120_000);

  it('compares runs B minus A with caveats, p-values, effects and the cells that hold after Holm', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyze-'));
    const evalOut = path.join(dir, 'eval');
    await runEval(['--data', SQUAD, '--settings', 'mono', '--depth', '5000', '--out', evalOut]);
    const lines = (await readFile(path.join(evalOut, 'run.mono.trec'), 'utf8')).trim().split('\n');
    // B: the same run with every score negated, so each ranking is turned upside down.
    await writeFile(path.join(dir, 'bm25.trec'), `${lines.join('\n')}\n`);
    await writeFile(
      path.join(dir, 'upside-down.trec'),
      `${lines.map((l) => l.replace(/ (\S+) (\S+)$/, (_, score, tag) => ` ${-Number(score)} ${tag}`)).join('\n')}\n`,
    );
    const out = path.join(dir, 'out');
    await runAnalyze([
      '--run',
      path.join(dir, 'bm25.trec'),
      '--run',
      path.join(dir, 'upside-down.trec'),
      '--qrels',
      path.join(evalOut, 'qrels.mono.txt'),
      '--corpus',
      SQUAD,
      '--out',
      out,
    ]);
    const [c] = await readJson(path.join(out, 'comparison.json'));
    expect(c.heading).toBe('bm25 → upside-down');
    expect(c.caveats).toEqual([]);
    const [mono] = c.settings;
    expect(mono.figures[0]).toMatchObject({ metric: 'ap', direction: 'down', arrow: '▼', verdict: 'worse' });
    const [test] = mono.tests;
    expect(test.overall.effect).toBeCloseTo(mono.figures[0].delta, 12);
    expect(test.overall.p).toBeLessThan(0.05);
    expect(test.cells.map((x: { key: string }) => x.key)).toEqual(['de->de', 'en->en', 'es->es']);
    for (const x of test.cells)
      expect(x).toMatchObject({ p: expect.any(Number), tP: expect.any(Number), holmP: expect.any(Number), holds: expect.any(Boolean) });
  }, 120_000);

  it('exits with code 2 naming the file and line of a malformed run line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyze-'));
    await writeFile(path.join(dir, 'a.trec'), 'q1 Q0 d1 1 0.5 t\nq1 Q0 d2 2 0.4\n');
    await writeFile(path.join(dir, 'q.txt'), 'q1 0 d1 1\n');
    const cli = ['tsx', path.join(ROOT, 'src/cli/main.ts'), 'analyze'];
    const failed = await run(
      'npx',
      [...cli, '--run', path.join(dir, 'a.trec'), '--qrels', path.join(dir, 'q.txt'), '--corpus', SQUAD, '--out', path.join(dir, 'out')],
      {
        cwd: ROOT,
      },
    ).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${path.join(dir, 'a.trec')}:2: expected 6 fields "qid Q0 docid rank score tag", got 5 fields`);
  }, 60_000);
});

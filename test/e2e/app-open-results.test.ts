// "Open results" in set-up (issue 10, deliverable 1, the app's part): the run files our own CLI
// `eval` writes for the lexicon fixture corpus are opened beside that corpus; Evaluation shows
// them as ONE report with the figures of the metrics.json `analyze` writes for that folder, Ranking lists the run's own order with the passages' text, a
// malformed line is named by file:line and loses nothing, and a large generated run (100 MB;
// RESULTS_WORKER_MB to change it) is read in a worker with progress and Cancel, the page's
// longest task staying under 200 ms. Files are generated at test time into a temporary folder.
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command';
import { runEval } from '../../src/cli/eval-command';
import { METRIC_NAMES, METRICS } from '../../src/core/metrics/registry';
import { PROJECT_ROOT, saveScreenshot, SCREENSHOT_DIR } from './browser-harness';
import { useAppSession } from './app-browser';
import { openLexiconCorpus } from './app-steps';
import { watchLongTasks } from './long-tasks';

const session = useAppSession();
const BIG_BYTES = Number(process.env.RESULTS_WORKER_MB ?? 100) * 1024 * 1024;
const LEXICON = path.join(PROJECT_ROOT, 'test/fixtures/lexicon-corpus.jsonl');
const SETTINGS = ['mono', 'cross', 'multi'] as const;
const MERGED = 'run (imported runs: mono, cross, multi) · lexicon-corpus';

let dir = '';
let evalOut = '';
type Metrics = { settings: Record<string, { macro: Record<string, number> }> };
/** eval's own metrics.json, and the one analyze writes for eval's folder (the parts merged, as the app must). */
let metrics: Metrics;
let analyzed: Metrics;
let passages: Map<string, string>;
let questions: { id: string; text: string }[];

/** The run's own order for one query: its lines are written best first. */
async function runOrder(file: string, qid: string): Promise<string[]> {
  const lines = (await readFile(path.join(evalOut, file), 'utf8')).split('\n');
  return lines.filter((l) => l.startsWith(`${qid} `)).map((l) => l.split(' ')[2]);
}

async function openResults(page: Page, runs: string[]): Promise<void> {
  await page.setInputFiles('[data-testid="results-pick-runs"]', runs);
  await page.click('[data-testid="results-open"]');
}

/** The set-up panel is sticky and scrolls on its own: the Open results section is scrolled into it and the window captured. */
async function shootSection(page: Page, name: string): Promise<void> {
  await page.getByTestId('open-results').evaluate((e) => e.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const importedCount = (page: Page) => page.locator('[data-testid="imported-run"]').count();

/** A TREC run of at least `bytes`: every question ranks every passage, then made-up queries until the size is reached. */
async function writeBigRun(file: string, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  const ids = [...passages.keys()];
  let written = 0;
  for (let q = 0; written < bytes; q++) {
    const qid = q < questions.length ? questions[q].id : `made-up-${q}`;
    let block = '';
    ids.forEach((id, r) => (block += `${qid} Q0 ${id} ${r + 1} ${(ids.length - r + ((q * 7) % 13) / 17).toFixed(6)} big\n`));
    written += block.length;
    await write(block);
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return (await stat(file)).size;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'open-results-'));
  const corpusDir = path.join(dir, 'lexicon');
  await mkdir(corpusDir);
  await copyFile(LEXICON, path.join(corpusDir, 'lexicon-corpus.jsonl'));
  evalOut = path.join(dir, 'eval');
  await runEval(['--data', corpusDir, '--depth', '5000', '--out', evalOut]);
  metrics = JSON.parse(await readFile(path.join(evalOut, 'metrics.json'), 'utf8'));
  await runAnalyze(['--run', evalOut, '--corpus', corpusDir, '--out', path.join(dir, 'analyzed')]);
  analyzed = JSON.parse(await readFile(path.join(dir, 'analyzed/eval/metrics.json'), 'utf8'));
  const rows = (await readFile(LEXICON, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string; id: string; text: string });
  passages = new Map(rows.filter((r) => r.kind === 'passage').map((r) => [r.id, r.text]));
  questions = rows.filter((r) => r.kind === 'question');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true }); // the generated 100 MB run goes with it
});

describe('Open results', () => {
  it("shows the CLI's figures in Evaluation and the run's own list in Ranking; a malformed line is named and loses nothing", async () => {
    const { page } = await session.open();
    await openLexiconCorpus(page);
    await openResults(
      page,
      SETTINGS.map((s) => path.join(evalOut, `run.${s}.trec`)),
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="imported-run"]').length === 3, undefined, { timeout: 60_000 });
    expect(await page.textContent('[data-testid="results-chosen-qrels"]')).toContain('judgments (lexicon-corpus)');
    await shootSection(page, 'app-open-results-setup');

    // Evaluation: the three files are ONE report, as analyze reads eval's folder; its figures equal analyze's metrics.json to the last digit.
    await page.click('[data-testid="tab-evaluation"]');
    const reportOptions = await page.$$eval('[data-testid="report-select"] option', (os) => os.map((o) => o.textContent));
    expect(reportOptions.filter((o) => o?.includes('(imported'))).toEqual([MERGED]);
    await page.selectOption('[data-testid="report-select"]', { label: MERGED });
    for (const setting of SETTINGS) {
      for (const metric of METRIC_NAMES) {
        if (!METRICS[metric].settings.includes(setting)) continue;
        const value = Number(await page.getByTestId(`macro-${setting}-${metric}`).getAttribute('data-value'));
        expect(value, `${setting} ${metric}`).toBe(analyzed.settings[setting].macro[metric]);
        expect(value, `${setting} ${metric} (eval)`).toBe(metrics.settings[setting].macro[metric]);
      }
    }
    // Each part's notes, naming its file.
    expect(await page.$$eval('[data-testid="imported-run-bounds"]', (ps) => ps.map((p) => p.textContent))).toEqual(
      SETTINGS.map((s) => `Exact figures: every relevant item of every scored query is in run.${s}.trec.`),
    );
    await page.waitForSelector('[data-testid="analysis-slot"] svg');
    await saveScreenshot(page, 'app-open-results-evaluation');

    // Ranking: each part stays a source of its own (the lists are per run); the run's list for the question on screen, in the run's order, with the corpus's text.
    await page.click('[data-testid="tab-ranking"]');
    expect(await page.$$eval('[data-testid="ranking-source"] option', (os) => os.slice(1).map((o) => o.textContent))).toEqual(
      SETTINGS.map((s) => `imported run run.${s}.trec`),
    );
    await page.selectOption('[data-testid="ranking-source"]', { label: 'imported run run.multi.trec' });
    await page.click('[data-testid="setting-multi"]');
    // The picker shows the question's text; the run names it by id.
    const pickedText = await page.inputValue('[data-testid="question-select"]');
    const question = questions.find((q) => q.text === pickedText)!.id;
    const expectMatchingList = async (file: string, qid: string) => {
      const expected = (await runOrder(file, qid)).slice(0, 10);
      await page.waitForFunction(
        (first) => document.querySelector('[data-testid="ranking-list"] [data-testid="result"]')?.getAttribute('data-id') === first,
        expected[0],
      );
      const shown = await page.$$eval('[data-testid="ranking-list"] [data-testid="result"]', (rows) =>
        rows.map((r) => ({
          id: r.getAttribute('data-id'),
          rank: r.querySelector('.result-rank')?.textContent,
          text: r.querySelector('.result-text')?.textContent,
        })),
      );
      expect(shown.map((r) => r.id)).toEqual(expected);
      expect(shown.map((r) => r.rank)).toEqual(expected.map((_, i) => String(i + 1)));
      expect(shown.map((r) => r.text)).toEqual(expected.map((id) => passages.get(id)));
    };
    await expectMatchingList('run.multi.trec', question);
    expect(await page.textContent('[data-testid="run-source-note"]')).toContain('ranks and scores as run.multi.trec gives them');
    await saveScreenshot(page, 'app-open-results-ranking');
    // The cross-lingual run names its queries "<question>-><language>".
    await page.selectOption('[data-testid="ranking-source"]', { label: 'imported run run.cross.trec' });
    await page.click('[data-testid="setting-cross"]');
    await page.selectOption('[data-testid="target-lang"]', 'de');
    await expectMatchingList('run.cross.trec', `${question}->de`);

    // A malformed line: file:line in the message; the runs opened before stay.
    const multiLines = (await readFile(path.join(evalOut, 'run.multi.trec'), 'utf8')).split('\n');
    const bad = path.join(dir, 'bad.trec');
    await writeFile(bad, `${multiLines.slice(0, 5).join('\n')}\n${question} Q0 s01.en 6 0.5\n`);
    await openResults(page, [bad]);
    const problem = page.getByTestId('results-problem');
    await problem.waitFor();
    expect(await problem.locator('.problem-message').textContent()).toBe('bad.trec:6: expected 6 fields "qid Q0 docid rank score tag", got 5 fields');
    expect(await problem.textContent()).toContain('The 3 runs opened before stay.');
    expect(await importedCount(page)).toBe(3);
    await shootSection(page, 'app-open-results-problem');
    expect(await page.$$eval('[data-testid="ranking-list"] [data-testid="result"]', (rows) => rows.length)).toBe(10);

    // The same run cut at depth 10: its figures are bounds, said so with the relevant items it misses (counted here from the files).
    const lines = multiLines.filter(Boolean).map((l) => l.split(' '));
    const cut = path.join(dir, 'run.multi.depth10.trec');
    await writeFile(
      cut,
      `${lines
        .filter((f) => Number(f[3]) <= 10)
        .map((f) => f.join(' '))
        .join('\n')}\n`,
    );
    const kept = new Set(lines.filter((f) => Number(f[3]) <= 10).map((f) => `${f[0]} ${f[2]}`));
    const judged = (await readFile(path.join(evalOut, 'qrels.multi.txt'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' '));
    const absent = judged.filter((f) => !kept.has(`${f[0]} ${f[2]}`));
    const missingQueries = new Set(absent.map((f) => f[0])).size;
    await openResults(page, [cut]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="imported-run"]').length === 4);
    await page.click('[data-testid="tab-evaluation"]');
    await page.selectOption('[data-testid="report-select"]', { label: 'run.multi.depth10 (imported run) · lexicon-corpus' });
    expect(await page.textContent('[data-testid="imported-run-bounds"]')).toBe(
      `Truncated run: the figures are lower bounds on AP, R@1, R@10, MRR and nDCG@10, and the maximum rank distance an upper bound; ${absent.length.toLocaleString('en-US')} relevant items absent from the run (${missingQueries} queries).`,
    );
    const shown = async (metric: string) => Number(await page.getByTestId(`macro-multi-${metric}`).getAttribute('data-value'));
    expect(await shown('recallAt10')).toBe(metrics.settings.multi.macro.recallAt10); // the top 10 is all the cut run holds, and all R@10 reads
    expect(await shown('ap')).toBeLessThan(metrics.settings.multi.macro.ap);
    await saveScreenshot(page, 'app-open-results-truncated');

    // Compared with the complete run (A), with significance: cutting the run lowers AP in a way the randomization test sees.
    await page.selectOption('[data-testid="compare-select"]', { label: MERGED });
    await page.waitForSelector('section.cmp[data-status="done"]', { timeout: 120_000 });
    const apRow = page.locator('section.cmp tr[data-setting="multi"][data-metric="ap"]');
    expect(Number(await apRow.locator('[data-column="p"]').getAttribute('data-value'))).toBeLessThan(0.01);

    // The same file opened again: a second report and source, told apart in the menus.
    await openResults(page, [cut]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="imported-run"]').length === 5);
    await page.click('[data-testid="tab-evaluation"]');
    const again = await page.$$eval('[data-testid="report-select"] option', (os) => os.map((o) => o.textContent).filter((t) => t?.includes('depth10')));
    expect(again.sort()).toEqual(['run.multi.depth10 (imported run) · lexicon-corpus', 'run.multi.depth10 (imported run) · lexicon-corpus (2)']);
    await page.click('[data-testid="tab-ranking"]');
    const sources = await page.$$eval('[data-testid="ranking-source"] option', (os) => os.map((o) => o.textContent).filter((t) => t?.includes('depth10')));
    expect(sources.sort()).toEqual(['imported run run.multi.depth10.trec', 'imported run run.multi.depth10.trec (2)']);
  }, 180_000);

  it('reads a large run in a worker with progress and Cancel; the page never blocks for 200 ms', async () => {
    const big = path.join(dir, 'big.trec');
    const started = Date.now();
    const size = await writeBigRun(big, BIG_BYTES);
    console.log(`generated ${(size / 1024 / 1024).toFixed(0)} MB in ${Date.now() - started} ms`);
    const { page } = await session.open();
    await openLexiconCorpus(page);
    await openResults(page, [path.join(evalOut, 'run.multi.trec')]);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="imported-run"]').length === 1);

    // Cancel while it reads: the run opened before stays, and nothing arrives later.
    await openResults(page, [big]);
    await page.waitForFunction(() =>
      /Reading big\.trec… [1-9]\d* MB of \d+/.test(document.querySelector('[data-testid="results-loading"]')?.textContent ?? ''),
    );
    await shootSection(page, 'app-open-results-progress');
    await page.getByTestId('results-loading').getByRole('button', { name: 'Cancel' }).click();
    const notice = page.getByTestId('results-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('Opening big.trec was cancelled; the 1 run opened before stay.');
    await page.waitForTimeout(500);
    expect(await importedCount(page)).toBe(1);

    // The whole file: progress in MB, and no long task on the page.
    const longTasks = await watchLongTasks(page);
    const loadStart = Date.now();
    await page.click('[data-testid="results-open"]');
    const stages = new Set<string>();
    while ((await importedCount(page)) < 2) {
      const text = await page
        .locator('[data-testid="results-loading"] .progress-text span')
        .first()
        .textContent()
        .catch(() => null);
      if (text) stages.add(text.replace(/\d+(\.\d)?/g, 'N'));
      expect(await page.getByTestId('results-problem').count()).toBe(0);
      await page.waitForTimeout(100);
    }
    const loadMs = Date.now() - loadStart;
    await page.waitForTimeout(1000); // tasks right after the run arrived (set-up, Evaluation's menus)
    const tasks = await longTasks();
    console.log(
      `read ${(size / 1024 / 1024).toFixed(0)} MB in ${loadMs} ms; stages ${[...stages].join(' | ')}; long tasks (ms): ${tasks.map(Math.round).join(', ')}`,
    );
    expect(stages).toContain('Reading big.trec… N MB of N MB');
    expect(Math.max(0, ...tasks)).toBeLessThan(200);
    // Made-up queries are counted, never dropped silently.
    const first = page.getByTestId('imported-run').first();
    expect(await first.textContent()).toContain('big.trec');
    await first.locator('summary').click();
    expect(await first.textContent()).toMatch(/[\d,]+ queries have no language in the query map \(e\.g\. made-up-180, .*\): not scored/);
    await shootSection(page, 'app-open-results-big');
  }, 300_000);
});

// Comparisons in the Evaluation tab, as a new user makes them on the demo corpus: a 4-language run
// against a 15-language run says so and compares the common cells only; a dense run against BM25
// shows significance figures equal to core's compareReports on the same per-question records
// (the app's own per-question CSV exports, read back here).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/core/comparison/compare-reports';
import type { CellReport, EvalReport, QueryRecord } from '../../src/core/evaluation/eval-report';
import { meanMetrics } from '../../src/core/metrics/aggregate';
import { METRIC_NAMES, METRICS } from '../../src/core/metrics/registry';
import type { QueryMetrics, SettingName } from '../../src/core/metrics/types';
import { saveScreenshot, SCREENSHOT_DIR } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel } from './app-steps';

const app = useAppSession();
const FOUR = ['en', 'de', 'es', 'zh'];

/** Fields of one CSV line (quotes as RFC 4180 writes them). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** A report rebuilt from the app's per-question CSV: what compareReports reads (cells, their means, each question's metrics). */
function reportFromQuestionsCsv(text: string, languages: string[]): EvalReport {
  const [head, ...lines] = text.trim().split('\n');
  const col = new Map(csvFields(head).map((h, i) => [h, i]));
  const cells = new Map<string, { setting: SettingName; key: string; queries: QueryRecord[] }>();
  for (const line of lines) {
    const f = csvFields(line);
    const setting = f[col.get('setting')!] as SettingName;
    const key = f[col.get('cell')!];
    const metrics = Object.fromEntries(METRIC_NAMES.map((m) => [m, Number(f[col.get(METRICS[m].column)!])])) as unknown as QueryMetrics;
    const id = `${setting}|${key}`;
    if (!cells.has(id)) cells.set(id, { setting, key, queries: [] });
    cells.get(id)!.queries.push({ queryId: f[col.get('query_id')!], qid: f[col.get('qid')!], lang: f[col.get('lang')!], metrics, relevantRanks: [], top: [] });
  }
  const settings: EvalReport['settings'] = {};
  for (const { setting, key, queries } of cells.values()) {
    const [queryLang, passageLang] = key.split('->');
    const cell: CellReport = { key, queryLang, passageLang, skipped: 0, metrics: meanMetrics(queries.map((q) => q.metrics)), queries };
    (settings[setting] ??= { setting, macro: cell.metrics, cells: [] }).cells.push(cell);
  }
  return { corpus: 'demo', retriever: '', languages, settings, mixK: 10, tieBreak: '', elapsedMs: 0 };
}

async function runEvaluation(page: Page, reports: number): Promise<void> {
  await page.click('[data-testid="run-evaluation"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="report-select"] option').length === n, reports, { timeout: 120_000 });
}

/** The report on screen, exported with its per-question CSV button, rebuilt. */
async function exportShown(page: Page, languages: string[]): Promise<EvalReport> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Per-question CSV")')]);
  return reportFromQuestionsCsv(await readFile((await download.path())!, 'utf8'), languages);
}

async function compareWith(page: Page, shown: string, compare: string): Promise<void> {
  await page.selectOption('[data-testid="report-select"]', shown);
  await page.selectOption('[data-testid="compare-select"]', compare);
  await page.waitForSelector('[data-testid="comparison"]', { timeout: 30_000 });
}

/** The figures table: "setting/metric" -> column -> value (full precision, from data-value). */
function readFigures(page: Page): Promise<Record<string, Record<string, number | null>>> {
  return page.$$eval('[data-testid="comparison-figures"] tbody tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        `${(tr as HTMLElement).dataset.setting}/${(tr as HTMLElement).dataset.metric}`,
        Object.fromEntries(
          Array.from(tr.querySelectorAll<HTMLElement>('[data-column]'), (td) => [
            td.dataset.column!,
            td.dataset.value === '' ? null : Number(td.dataset.value),
          ]),
        ),
      ]),
    ),
  );
}

describe('comparisons in the Evaluation tab', () => {
  it('a 4-language run against a 15-language run: caveats, common cells only; a dense run against BM25: significance equal to core', async () => {
    const tab = await app.open(`?tab=evaluation&langs=${FOUR.join(',')}`);
    const { page } = tab;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('Demo'), undefined, { timeout: 60_000 });

    // BM25 over 4 languages (r1, as the link asks), the fixture model over the same 4 (r2), then BM25 over all 15 (r3).
    await runEvaluation(page, 1);
    const four = await exportShown(page, FOUR);
    await loadFixtureModel(page);
    await runEvaluation(page, 2);
    const dense = await exportShown(page, FOUR);
    await page.selectOption('[data-testid="retriever-select"]', 'bm25');
    await page.click('section[aria-labelledby="langs-title"] button:has-text("all")');
    await runEvaluation(page, 3);
    const all = await page.$$eval('[data-testid^="lang-toggle-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.replace('lang-toggle-', '')));
    expect(all).toHaveLength(15);
    const fifteen = await exportShown(page, all);

    // r3 (15 languages) is A, the report on screen r1 (4 languages) is B.
    await compareWith(page, 'r1', 'r3');
    const caveats = page.getByTestId('eval-caveats');
    expect(await caveats.textContent()).toMatch(/The runs cover different languages \(.*: 15, .*: 4\); figures are compared over the 4 languages both hold/);
    expect(await caveats.locator('[data-kind="pools"]').textContent()).toContain('Multilingual figures are not compared');
    // The same caveats in the analysis, and the cells each setting was compared over.
    expect(await page.getByTestId('comparison').getByTestId('comparison-caveats').textContent()).toContain('different languages');
    expect(await page.getAttribute('[data-testid="comparison-notes"] [data-setting="mono"]', 'data-common')).toBe('4');
    expect(await page.textContent('[data-testid="comparison-notes"] [data-setting="mono"]')).toContain('over the 4 cells both runs hold (of 15 and 4)');
    expect(await page.textContent('[data-testid="comparison-notes"] [data-setting="multi"]')).toContain('not compared: the multilingual pools differ');
    await page.waitForSelector('[data-testid="comparison"][data-status="done"]', { timeout: 120_000 });
    const restricted = compareReports('r3', fifteen, 'r1', four);
    const figures = await readFigures(page);
    const monoAp = restricted.settings.find((s) => s.setting === 'mono')!.figures.find((f) => f.metric === 'ap')!;
    // The same BM25 on the same four monolingual pools: over the common cells, no change at all (the whole runs' macro mAP differ).
    expect(figures['mono/ap']).toMatchObject({ a: monoAp.a, b: monoAp.b, change: 0 });
    expect(four.settings.mono!.cells.length).toBe(4);
    expect(Object.keys(figures).some((k) => k.startsWith('multi/'))).toBe(false);
    await page.locator('section[aria-labelledby="results-title"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-comparison-languages-summary.png') });
    await page.locator('.an-cards').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-comparison-languages-cards.png') });
    await page.getByTestId('comparison').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-comparison-languages.png') });

    // The fixture model (r2) against BM25 (r1), both over the same 4 languages: real differences, tested.
    await compareWith(page, 'r2', 'r1');
    expect(await page.locator('[data-testid="eval-caveats"]').count()).toBe(0);
    await page.waitForSelector('[data-testid="comparison"][data-status="done"]', { timeout: 120_000 });
    const expected = compareReports('r1', four, 'r2', dense);
    const shown = await readFigures(page);
    let tested = 0;
    for (const s of expected.settings) {
      for (const t of s.tests) {
        const row = shown[`${s.setting}/${t.metric}`];
        expect(row.effect, `${s.setting} ${t.metric} effect`).toBeCloseTo(t.overall.effect, 12);
        expect(row.p, `${s.setting} ${t.metric} randomization p`).toBe(t.overall.p);
        expect(row.tp, `${s.setting} ${t.metric} t-test p`).toBeCloseTo(t.overall.tP, 12);
        expect(row.holds).toBe(t.cells.filter((c) => c.holds).length);
        const cells = await page.$$eval(`[data-testid="comparison-cells"] table[data-setting="${s.setting}"][data-metric="${t.metric}"] tbody tr`, (trs) =>
          trs.map((tr) => ({
            key: tr.getAttribute('data-cell'),
            p: Number(tr.getAttribute('data-p')),
            holm: Number(tr.getAttribute('data-holm')),
            holds: tr.getAttribute('data-holds') === 'true',
          })),
        );
        expect(cells).toEqual(t.cells.map((c) => ({ key: c.key, p: c.p, holm: c.holmP, holds: c.holds })));
        tested++;
      }
    }
    expect(tested).toBe(4); // mono, cross and multi mAP, multilingual rank distance
    expect(expected.settings.some((s) => s.tests.some((t) => t.cells.some((c) => c.holds)))).toBe(true);

    await page.locator('[data-testid="comparison-cells"] > summary').click();
    await page.getByTestId('comparison').scrollIntoViewIfNeeded();
    await page.getByTestId('comparison').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-comparison-significance.png') });
    await saveScreenshot(page, 'app-comparison-dense-bm25');
    expect(tab.offsiteRequests()).toEqual([]);
  });
});

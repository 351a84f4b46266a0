// Training inside the app, as a student would use it, in headless Chromium against the production
// build: the lexicon fixture corpus picked from disk, the fixture model, the Training tab (the BM25
// explanation first), three strategies trained for a few epochs, then the ranking view's strategy
// switch and side-by-side mode for one query, and the strategies' reports compared in Evaluation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { saveScreenshot, SCREENSHOT_DIR, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { openLexiconCorpus, readResultsTable, waitForRanking } from './app-steps';

const app = useAppSession();
let tab: OpenPage | null = null;

/** The main list as "passage id@score" (the score as shown, 3 decimals). */
function readList(page: Page, scope = '[data-testid="ranking-tab"]'): Promise<string[]> {
  return page.$$eval(`${scope} [data-testid="result"]`, (rows) =>
    rows.map(
      (r) =>
        `${r.getAttribute('data-lang')}:${r.querySelector('.result-score')?.getAttribute('title')?.replace('score ', '')}:${r.getAttribute('data-relevant')}:${r.querySelector('.result-text')?.textContent}`,
    ),
  );
}

function readRungs(page: Page, scope: string): Promise<{ lang: string; rank: number; shift: string | null }[]> {
  return page.$$eval(`${scope} [data-testid="rung"]`, (els) =>
    els.map((e) => ({ lang: e.getAttribute('data-lang')!, rank: Number(e.getAttribute('data-rank')), shift: e.getAttribute('data-shift') })),
  );
}

describe('training in the app', () => {
  it('trains adapters on the fixture model, re-ranks one query per strategy and side by side, and compares the strategies in Evaluation', async () => {
    tab = await app.open();
    const { page, offsiteRequests, consoleLines } = tab;
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForRanking(page);

    await openLexiconCorpus(page);
    await waitForRanking(page);

    // With BM25 the tab says why a model is needed and offers the two ways on.
    await page.click('[data-testid="tab-training"]');
    const needs = page.getByTestId('training-needs-model');
    expect(await needs.textContent()).toContain('Training adapts a dense model’s embeddings, and BM25 has none');
    expect(await page.getByTestId('training-load-fixture').isVisible()).toBe(true);
    await page.getByTestId('training-use-synthetic').click();
    expect(await page.getByTestId('training-source-synthetic').isChecked()).toBe(true);
    expect(page.url()).toContain('tab=training');
    // The honest statement and the paper's full fine-tuning figures are on the page before any run.
    expect(await page.getByTestId('training-honesty').textContent()).toContain('adapter training over a frozen encoder');
    const paper = page.getByTestId('training-paper');
    expect(await paper.isVisible()).toBe(true);
    expect(await paper.textContent()).toContain('full fine-tuning');
    expect(await paper.textContent()).toContain('0.792'); // XLM-R, X-X-mono, XQuAD-R mono mAP (Table 1)
    await saveScreenshot(page, 'app-training-bm25');

    await page.selectOption('[data-testid="retriever-select"]', 'fixture/xlmr-tiny');
    await page.waitForFunction(() => /WASM|WebGPU/.test(document.querySelector('[data-testid="device-badge"]')?.textContent ?? ''), undefined, {
      timeout: 60_000,
    });
    await page.getByTestId('training-needs-model').waitFor({ state: 'detached' });

    // Few epochs: the corpus is 12 facts in 15 languages.
    await page.getByTestId('training-source-corpus').check();
    expect(await page.textContent('[data-testid="training-panel"] .tr-form')).toContain('lexicon-corpus embedded by xlmr-tiny (test fixture) (q8, WASM)');
    await page.getByTestId('training-epochs').fill('20');
    await page.getByTestId('training-batch-size').fill('6');
    await page.locator('details.tr-advanced summary').click();
    await page.getByTestId('training-lr').fill('0.01');
    await page.getByTestId('training-test-fraction').fill('0.25');
    await page.getByTestId('training-start').click();
    await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status'), consoleLines.join('\n')).toBe('done');

    // One loss curve per strategy, and the results table: the untrained model and each strategy.
    expect(await page.locator('[data-testid="training-loss-chart"] .recharts-line').count()).toBe(3);
    const table = await readResultsTable(page);
    expect(Object.keys(table)).toEqual(['baseline', 'monolingual', 'cross-lingual', 'hybrid']);
    for (const row of Object.values(table)) expect(row.multiMap).toBeGreaterThan(0);
    expect(await page.getByTestId('training-next').textContent()).toContain('Adapters trained on xlmr-tiny (test fixture)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-training-results');
    // Each strategy against the untrained model, through the one comparison model: the results table's figures, then their significance.
    const hybridComparison = page.getByTestId('comparison-hybrid');
    await page.waitForSelector('[data-testid="comparison-hybrid"][data-status="done"]', { timeout: 60_000 });
    expect(await hybridComparison.locator('.cmp-heading').textContent()).toBe('Untrained (frozen encoder) → Hybrid batches');
    const multiAp = hybridComparison.locator('tr[data-setting="multi"][data-metric="ap"]');
    expect(Number(await multiAp.locator('[data-column="a"]').getAttribute('data-value'))).toBe(table.baseline.multiMap);
    expect(Number(await multiAp.locator('[data-column="b"]').getAttribute('data-value'))).toBe(table.hybrid.multiMap);
    expect(Number(await multiAp.locator('[data-column="p"]').getAttribute('data-value'))).toBeGreaterThan(0);
    await hybridComparison.screenshot({ path: path.join(SCREENSHOT_DIR, 'app-training-comparison.png') });

    // Ranking: the same query, untrained and then with the hybrid adapter.
    await page.click('[data-testid="tab-ranking"]');
    await page.waitForSelector('[data-testid="strategy-bar"][data-trained="true"]');
    await waitForRanking(page);
    const query = await page.inputValue('#query-input');
    const untrained = await readList(page);
    expect(await page.getAttribute('[data-testid="strategy-untrained"]', 'aria-checked')).toBe('true');
    // Whether the adapters were fitted on this question is said beside the switch.
    const split = await page.getAttribute('[data-testid="question-split"]', 'data-split');
    expect(await page.textContent('[data-testid="question-split"]')).toMatch(split === 'test' ? /test split: never trained on/ : /was trained on/);

    await page.click('[data-testid="strategy-hybrid"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-strategy"]')?.textContent?.includes('hybrid adapter'));
    await waitForRanking(page);
    expect(await page.textContent('[data-testid="summary-strategy"]')).toBe('hybrid adapter (α=0.5) over xlmr-tiny (test fixture)');
    expect(await page.inputValue('#query-input')).toBe(query);
    const hybrid = await readList(page);
    // The adapter maps both the question and the passages: the cosines (the score bars) change.
    expect(hybrid).toHaveLength(untrained.length);
    expect(hybrid).not.toEqual(untrained);
    expect(page.url()).toContain('strategy=hybrid');
    await saveScreenshot(page, 'app-training-ranking-hybrid');

    // Back to untrained: exactly the first ranking again (rows embedded once, adapters applied per strategy).
    await page.click('[data-testid="strategy-untrained"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="summary-strategy"]'));
    await waitForRanking(page);
    expect(await readList(page)).toEqual(untrained);

    // Side by side: untrained on the left, hybrid on the right, each with its answer ladder.
    await page.click('[data-testid="side-by-side-toggle"]');
    await page.waitForSelector('[data-testid="side-right"][data-strategy="hybrid"]');
    await waitForRanking(page);
    expect(await page.getAttribute('[data-testid="side-left"]', 'data-strategy')).toBe('untrained');
    expect(await page.inputValue('[data-testid="compare-strategy"]')).toBe('hybrid');
    expect(await readList(page, '[data-testid="side-left"]')).toEqual(untrained);
    expect(await readList(page, '[data-testid="side-right"]')).toEqual(hybrid);
    const leftRungs = await readRungs(page, '[data-testid="side-left"]');
    const rightRungs = await readRungs(page, '[data-testid="side-right"]');
    expect(leftRungs).toHaveLength(15);
    expect(rightRungs).toHaveLength(15);
    // Each right rung says how far its language's answer moved from the left ladder.
    const leftRank = new Map(leftRungs.map((r) => [r.lang, r.rank]));
    for (const r of rightRungs) expect(Number(r.shift)).toBe(leftRank.get(r.lang)! - r.rank);
    const climbed = rightRungs.filter((r) => Number(r.shift) > 0).length;
    expect(Number(await page.getAttribute('[data-testid="side-right"] [data-testid="ladder-climbed"]', 'data-value'))).toBe(climbed);
    expect(page.url()).toContain('vs=hybrid');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-training-side-by-side');

    // The link keeps the choice, but adapters stay in the browser that trained them: a new visit elsewhere says so and ranks untrained.
    const linked = await app.open(page.url());
    try {
      await linked.page.waitForSelector('[data-testid="strategy-bar"][data-trained="false"]', { timeout: 60_000 });
      expect(await linked.page.textContent('[data-testid="strategy-bar"]')).toContain(
        'This view asks for the hybrid adapter; adapters are kept only in the browser that trained them, for the same corpus and model.',
      );
      expect(await linked.page.locator('[data-testid="side-by-side"]').count()).toBe(0);
      expect(linked.offsiteRequests()).toEqual([]);
    } finally {
      await linked.close();
    }

    // Evaluation: the hybrid adapter's report against the untrained model's, on the test split.
    await page.click('[data-testid="tab-evaluation"]');
    await page.getByTestId('experiment-reports-hint').waitFor();
    await page.selectOption('[data-testid="report-select"]', 'experiment:hybrid');
    await page.selectOption('[data-testid="compare-select"]', 'experiment:untrained');
    await page.waitForSelector('[data-testid="summary-table"]');
    // The same numbers as the training results table: one report, two views of it.
    expect(Number(await page.getAttribute('[data-testid="macro-multi-ap"]', 'data-value'))).toBe(table.hybrid.multiMap);
    expect(Number(await page.getAttribute('[data-testid="macro-mono-ap"]', 'data-value'))).toBe(table.hybrid.monoMap);
    expect(await page.textContent('[data-testid="summary-table"] caption')).toContain('Δ = this report minus untrained');
    const analysis = page.getByTestId('analysis-slot');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="analysis-slot"]')?.textContent?.includes('untrained xlmr-tiny (test fixture)'),
      undefined,
      { timeout: 30_000 },
    );
    expect(await analysis.textContent()).toContain('hybrid adapter (α=0.5) over xlmr-tiny (test fixture)');
    // The same test split on both sides: nothing to warn about.
    expect(await page.locator('[data-testid="eval-caveats"]').count()).toBe(0);
    expect(page.url()).toContain('tab=evaluation');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-training-evaluation');

    expect(offsiteRequests()).toEqual([]);
  });
});

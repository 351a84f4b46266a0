// Trained adapters kept in this browser: train on the lexicon fixture corpus with the fixture model,
// reload the page with the same URL, open the same corpus again, and the Training tab shows the
// last results (restored, with the date) while the ranking view's Strategy switch works at once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, readResultsTable, waitForRanking } from './app-steps';

const app = useAppSession();
let tab: OpenPage | null = null;

function readScores(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="ranking-tab"] [data-testid="result"]', (rows) =>
    rows.map((r) => `${r.getAttribute('data-lang')}:${r.querySelector('.result-score')?.getAttribute('title')}`),
  );
}

describe('trained adapters cached in the browser', () => {
  it('restores the last results and the Strategy switch after a reload with the same corpus and model, and forgets them on request', async () => {
    tab = await app.open();
    const { page, consoleLines, offsiteRequests } = tab;
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForRanking(page);
    await openLexiconCorpus(page);
    await loadFixtureModel(page);

    await page.click('[data-testid="tab-training"]');
    await page.getByTestId('training-source-corpus').check();
    await page.getByTestId('training-epochs').fill('5');
    await page.getByTestId('training-batch-size').fill('6');
    await page.getByTestId('training-start').click();
    await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status'), consoleLines.join('\n')).toBe('done');
    const trained = await readResultsTable(page);
    expect(Object.keys(trained)).toEqual(['baseline', 'monolingual', 'cross-lingual', 'hybrid']);
    expect(await page.locator('[data-testid="training-restored"]').count()).toBe(0);
    expect(await page.locator('[data-testid="training-cache-notice"]').count()).toBe(0);

    // Same URL, fresh page: the file has to be picked again; the model comes back from the URL.
    await page.reload();
    await page.waitForSelector('[data-testid="pick-files"]', { state: 'attached' });
    await openLexiconCorpus(page);
    await loadFixtureModel(page);
    await page.click('[data-testid="tab-training"]');
    await page.waitForSelector('[data-testid="training-restored"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="training-restored"]')).toMatch(/^Restored from this browser’s cache, trained \d/);
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status')).toBe('done');
    expect(await readResultsTable(page)).toEqual(trained);
    expect(await page.locator('[data-testid="training-loss-chart"] .recharts-line').count()).toBe(3);
    expect(await page.getByTestId('training-epochs').inputValue()).toBe('5');
    expect(await page.getByTestId('training-next').textContent()).toContain('Adapters trained on xlmr-tiny (test fixture)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-training-cache-restored');

    // The Strategy switch re-ranks with the restored hybrid adapter, no retraining.
    await page.click('[data-testid="tab-ranking"]');
    await page.waitForSelector('[data-testid="strategy-bar"][data-trained="true"]');
    await waitForRanking(page);
    const untrained = await readScores(page);
    await page.click('[data-testid="strategy-hybrid"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-strategy"]')?.textContent?.includes('hybrid adapter'));
    await waitForRanking(page);
    const hybrid = await readScores(page);
    expect(hybrid).toHaveLength(untrained.length);
    expect(hybrid).not.toEqual(untrained);
    await saveScreenshot(page, 'app-training-cache-ranking-hybrid');

    // Forget: the next visit has nothing to restore.
    await page.click('[data-testid="tab-training"]');
    await page.getByTestId('training-forget-cache').click();
    await page.waitForSelector('[data-testid="training-cache-notice"]');
    expect(await page.textContent('[data-testid="training-cache-notice"]')).toMatch(/^Forgotten/);
    await page.reload();
    await page.waitForSelector('[data-testid="pick-files"]', { state: 'attached' });
    await openLexiconCorpus(page);
    await loadFixtureModel(page);
    await page.click('[data-testid="tab-training"]');
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-testid="training-restored"]').count()).toBe(0);
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status')).toBe('idle');

    expect(offsiteRequests()).toEqual([]);
  });
});

// The first minute and the words (issue 13 points 7 and 8), on the built site: a one-line
// orientation on the first open, plain words on the main path, counts that agree, "only this
// language" in one click, R@1's reading beside mAP, and an embedding map whose caption says which
// strategy's space it draws, also after the strategy switch changes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, waitForRanking } from './app-steps';

const app = useAppSession();

/** Developer words that must not be on the main path (visible text only). */
const DEV_WORDS = [/jsonl/i, /\bCPU\b/, /npm run/, /probe cosine/, /docs\//, /\.md\b/];

async function devWordsOnScreen(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return DEV_WORDS.filter((w) => w.test(text)).map((w) => `${w}: …${text.slice(Math.max(0, text.search(w) - 40), text.search(w) + 40)}…`);
}

describe('the first minute', () => {
  it('orients a first visitor once, in plain words, with counts that agree', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitForRanking(page);
    const orientation = page.getByTestId('orientation');
    expect(await orientation.textContent()).toMatch(
      /^One question, passages in 15 languages: green rows are its answers.*Try Multilingual against Cross-lingual/,
    );
    await saveScreenshot(page, 'first-minute-orientation');
    expect(await devWordsOnScreen(page)).toEqual([]);
    // The corpus card and the benchmark's description count the same passages and questions.
    expect(await page.textContent('[data-testid="active-corpus"]')).toContain('720 passages · 780 questions · 15 languages');
    expect(await page.locator('.setup').textContent()).toContain('48 facts and 52 questions, each written in 15 languages: 720 passages and 780 questions');

    await page.getByTestId('orientation-close').click();
    expect(await orientation.count()).toBe(0);
    await page.reload();
    await waitForRanking(page);
    expect(await page.getByTestId('orientation').count()).toBe(0);

    await page.click('[data-testid="tab-evaluation"]');
    await page.waitForSelector('main .card');
    expect(await devWordsOnScreen(page)).toEqual([]);
    await page.click('[data-testid="run-evaluation"]');
    await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
    // R@1 beside mAP, read: with one answer per language only one of 15 can be first.
    expect(await page.textContent('[data-testid="recall-reading"]')).toBe(
      "R@1 is the share of a question's answers ranked first. Monolingual and Cross-lingual: one answer per question, so R@1 is the share of questions answered first. " +
        'Multilingual: 15 answers per question, so at most 1/15 = 0.067 even when every answer leads the list; mAP counts every answer.',
    );
    expect(Number(await page.getAttribute('[data-testid="macro-multi-recallAt1"]', 'data-value'))).toBeLessThanOrEqual(1 / 15);
  });

  it('keeps one language in a click and brings every one back in another', async () => {
    const { page } = await app.open('?langs=en,de,es,ar,zh,ru,hi,th,tr,el,vi,ja,id,sw,ne');
    await waitForRanking(page);
    await page.getByTestId('lang-only-de').click();
    await waitForRanking(page);
    const ticked = () =>
      page.$$eval('[data-testid^="lang-toggle-"]', (els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => e.getAttribute('data-testid')));
    expect(await ticked()).toEqual(['lang-toggle-de']);
    await page.getByTestId('lang-toggle-en').check();
    await waitForRanking(page);
    expect(await ticked()).toEqual(['lang-toggle-en', 'lang-toggle-de']);
    expect(page.url()).toMatch(/langs=en%2Cde|langs=en,de/);
    await page.locator('#langs-title + .link-button, .section-head .link-button', { hasText: 'all' }).first().click();
    await waitForRanking(page);
    expect(await ticked()).toHaveLength(15);
  });

  it('captions the embedding map with the strategy it draws, and says so when the switch has moved on', async () => {
    const { page, consoleLines } = await app.open();
    await page.setViewportSize({ width: 1280, height: 900 });
    await waitForRanking(page);
    await openLexiconCorpus(page);
    await loadFixtureModel(page);
    await waitForRanking(page);
    // The device line reads WASM and why; a check against reference embeddings, if any, is only on hover.
    expect(await page.textContent('[data-testid="device-badge"]')).not.toContain('probe cosine');

    await page.click('[data-testid="tab-training"]');
    await page.getByTestId('training-source-corpus').check();
    await page.getByTestId('training-epochs').fill('5');
    await page.getByTestId('training-batch-size').fill('6');
    await page.getByTestId('training-start').click();
    await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', {
      timeout: 120_000,
    });
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status'), consoleLines.join('\n')).toBe('done');

    await page.click('[data-testid="tab-ranking"]');
    await page.waitForSelector('[data-testid="strategy-bar"][data-trained="true"]');
    await waitForRanking(page);
    await page.click('[data-testid="embedding-map-slot"] summary');
    await page.click('[data-testid="draw-map"]');
    await page.waitForSelector('[data-testid="embedding-map-slot"] svg circle', { timeout: 60_000 });
    const caption = page.getByTestId('map-caption');
    expect(await caption.textContent()).toBe(
      'The passages of the multilingual pool as xlmr-tiny (test fixture) embeds them, with the question joined to its answers.',
    );
    expect(await page.locator('[data-testid="embedding-map-slot"] .an-frame').textContent()).toContain('lines join the question to its answers');

    // The switch moves on: the drawing is still the untrained space, and the caption says so.
    await page.click('[data-testid="strategy-hybrid"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-strategy"]')?.textContent?.includes('hybrid adapter'));
    await waitForRanking(page);
    expect(await caption.textContent()).toContain('as xlmr-tiny (test fixture) embeds them');
    expect(await page.getByTestId('map-stale').textContent()).toBe(
      'This map is still the earlier view’s: xlmr-tiny (test fixture). The ranking above now uses hybrid adapter (α=0.5) over xlmr-tiny (test fixture); redraw to see its space.',
    );
    await page.getByTestId('map-stale').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/first-minute-map-stale.png' });

    await page.click('[data-testid="draw-map"]');
    await page.getByTestId('map-stale').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await caption.textContent()).toBe(
      'The passages of the multilingual pool as hybrid adapter (α=0.5) over xlmr-tiny (test fixture) embeds them, with the question joined to its answers.',
    );
  });
});

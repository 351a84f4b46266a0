// The teaching views on the built site: after a training run on the fixture model, the strategy
// view holds the run's own numbers, warns that a 3-question test split cannot tell strategies
// apart, exports SVG and PNG; batches and one InfoNCE step are shown; a second run asks before it
// replaces the first run's adapters.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, readResultsTable, waitForRanking } from './app-steps';

const app = useAppSession();
let tab: OpenPage | null = null;

describe('teaching views', () => {
  it('shows batches and one InfoNCE step before any run, computed in the page', async () => {
    tab = await app.open(`?tab=training`);
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 900 });
    const gallery = page.getByTestId('batch-gallery');
    await gallery.waitFor({ timeout: 60_000 });
    // Monolingual: every negative shares its question's language; cross-lingual: no answer does.
    expect(
      await page.$$eval('[data-testid="batch-gallery"] [data-testid="batch-cell"][data-kind="negative"]', (cells) =>
        cells.every((c) => c.getAttribute('data-same-language') === 'true'),
      ),
    ).toBe(true);
    await page.getByTestId('gallery-cross-lingual').click();
    await page.waitForSelector('[data-testid="batch"][data-mode="cross-lingual"]');
    expect(
      await page.$$eval('[data-testid="batch-cell"][data-kind="positive"]', (cells) => cells.every((c) => c.getAttribute('data-same-language') === 'false')),
    ).toBe(true);
    expect(await page.getByTestId('gallery-reading').textContent()).toMatch(/answers are in another language than their question/);
    await gallery.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'teaching-batches');

    const step = page.getByTestId('infonce-step');
    for (const stage of ['cosines', 'probabilities', 'loss', 'forces', 'after']) {
      expect(await page.getAttribute('[data-testid="infonce-matrix"]', 'data-stage')).toBe(stage);
      if (stage !== 'after') await page.getByTestId('infonce-next').click();
    }
    expect(await page.getByTestId('infonce-loss').textContent()).toMatch(/^Batch loss (\d\.\d{3}) → (\d\.\d{3}) after one step/);
    const [, before, after] = /^Batch loss (\d\.\d{3}) → (\d\.\d{3})/.exec((await page.getByTestId('infonce-loss').textContent())!)!;
    expect(Number(after)).toBeLessThan(Number(before));
    await step.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'teaching-infonce');
  });

  it('shows every strategy of a run with its numbers and warnings, exports them, and asks before a second run', async () => {
    const { page } = tab!;
    await page.click('[data-testid="tab-ranking"]');
    await openLexiconCorpus(page);
    await waitForRanking(page);
    await loadFixtureModel(page);
    await page.click('[data-testid="tab-training"]');
    await page.getByTestId('training-source-corpus').check();
    await page.getByTestId('training-epochs').fill('5');
    await page.getByTestId('training-batch-size').fill('6');
    await page.locator('details.tr-advanced summary').click();
    await page.getByTestId('training-test-fraction').fill('0.25');
    await page.getByTestId('training-start').click();
    await page.waitForSelector('[data-testid="training-panel"][data-status="done"]', { timeout: 120_000 });

    const table = await readResultsTable(page);
    const view = page.getByTestId('strategy-view');
    await view.waitFor();
    const shown = await page.$$eval('[data-testid="strategy-view"] [data-testid="sv-row"]', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-key'),
          Object.fromEntries(Array.from(r.querySelectorAll('td'), (td) => [td.getAttribute('data-column'), Number(td.getAttribute('data-value'))])),
        ]),
      ),
    );
    for (const key of Object.keys(table)) {
      for (const column of ['monoMap', 'crossMap', 'multiMap', 'maxRankDistance'])
        expect(shown[key][column], `${key} ${column}`).toBeCloseTo(table[key][column]!, 10);
    }
    // 12 question ids, a quarter held out: too few to tell strategies apart, and said so.
    const warnings = await page.$$eval('[data-testid="split-warning"]', (ws) => ws.map((w) => w.getAttribute('data-kind')));
    expect(warnings).toContain('small');
    expect(await page.getByTestId('strategy-winner').textContent()).toMatch(/won on|tie/);
    for (const chart of ['sv-rank-distance', 'sv-language-mix', 'sv-heatmaps', 'sv-map']) {
      expect(await page.locator(`[data-testid="${chart}"] [data-testid="reading"]`).textContent()).not.toBe('');
    }
    expect(await page.locator('[data-testid="sv-map"] [data-testid="reading"]').textContent()).toContain('The paper (XLM-R, full fine-tuning, XQuAD-R)');

    const svgDownload = page.waitForEvent('download');
    await page.locator('[data-testid="sv-rank-distance"] button', { hasText: 'SVG' }).click();
    const svg = await readFile((await (await svgDownload).path())!, 'utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg/);
    expect(svg).toContain('least possible: 14');
    const pngDownload = page.waitForEvent('download');
    await page.locator('[data-testid="sv-heatmaps"] button', { hasText: 'PNG' }).click();
    const png = await readFile((await (await pngDownload).path())!);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await view.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'teaching-strategy-view');

    // A second run would replace the adapters: the page asks first, and keeping them changes nothing.
    await page.getByTestId('training-start').click();
    const ask = page.getByTestId('training-replace-ask');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('replaces the adapters of the last run');
    await page.getByTestId('training-replace-keep').click();
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status')).toBe('done');
    expect(await readResultsTable(page)).toEqual(table);
    expect(tab!.offsiteRequests()).toEqual([]);
  });
});

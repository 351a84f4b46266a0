/**
 * The analysis view in a real browser: analysis-harness.html evaluates BM25 and a trigram
 * stand-in on the demo corpus, renders AnalysisView, and records exported files. Screenshots go
 * to test-results/screenshots/analysis-*.png for a person to look at.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, saveScreenshot, SCREENSHOT_DIR, startSite, type OpenPage, type Site, TEST_PAGES } from './browser-harness';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ entries: [TEST_PAGES.analysis] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openHarness(query = ''): Promise<OpenPage> {
  const tab = await openPage(browser, `${site.url}${TEST_PAGES.analysis}${query}`, { waitFor: 'window.harnessReady === true || !!window.harnessError' });
  const error = await tab.page.evaluate(() => window.harnessError);
  if (error) throw new Error(`harness failed: ${error}\n${tab.consoleLines.join('\n')}`);
  return tab;
}

interface Exported {
  name: string;
  type: string;
  size: number;
  head: string;
  text?: string;
  base64?: string;
}

async function exportsOf(tab: OpenPage): Promise<Exported[]> {
  return tab.page.evaluate(() => window.harnessExports ?? []);
}

async function waitForMap(tab: OpenPage, points: number): Promise<void> {
  await tab.page.waitForFunction(
    (n) => document.querySelectorAll('svg[data-chart="embedding-map"] circle').length >= n || !!document.querySelector('canvas[data-chart="embedding-map"]'),
    points,
    { timeout: 120_000 },
  );
  await tab.page.waitForFunction(() => !document.querySelector('.an-map-progress'), undefined, { timeout: 120_000 });
}

/** One picture per chart (and the cards), small enough to look at one by one; the pointer is moved off the charts first. */
async function saveParts(tab: OpenPage, prefix: string): Promise<void> {
  await tab.page.mouse.move(0, 0);
  await tab.page.locator('.an-cards').screenshot({ path: path.join(SCREENSHOT_DIR, `${prefix}-cards.png`) });
  const frames = tab.page.locator('.an-frame');
  const n = await frames.count();
  for (let i = 0; i < n; i++) await frames.nth(i).screenshot({ path: path.join(SCREENSHOT_DIR, `${prefix}-${i}.png`) });
  const deltas = tab.page.locator('.an-delta-table');
  if (await deltas.count()) await deltas.screenshot({ path: path.join(SCREENSHOT_DIR, `${prefix}-deltas.png`) });
}

describe('AnalysisView in Chromium', () => {
  it('shows the measured figures, every chart with a table, and exports CSV, JSON and PNG', async () => {
    const tab = await openHarness();
    try {
      const { page } = tab;
      const reports = await page.evaluate(() =>
        window.harnessReports!.map((r) => ({ retriever: r.retriever, mono: r.settings.mono!.macro.ap, multi: r.settings.multi!.macro })),
      );
      // The cards print what the reports hold (".xyz").
      const monoCard = await page.locator('.an-card-mono .an-card-value').textContent();
      expect(monoCard).toBe(reports[0].mono.toFixed(3).replace(/^0/, ''));
      const biasCard = await page.locator('.an-card-bias .an-card-value').textContent();
      expect(biasCard).toBe(reports[0].multi.maxRankDistance.toFixed(1));

      // Every chart has an explanation and a table alternative with rows.
      const frames = page.locator('.an-frame');
      const count = await frames.count();
      expect(count).toBeGreaterThanOrEqual(8);
      for (let i = 0; i < count; i++) {
        const frame = frames.nth(i);
        expect((await frame.locator('.an-explain').textContent())!.length).toBeGreaterThan(40);
        await frame.locator('details.an-table-alt > summary').first().click();
        expect(await frame.locator('details.an-table-alt table tbody tr').count()).toBeGreaterThan(0);
      }
      await saveScreenshot(page, 'analysis-view-tables-open');
      // The language mix table reads the report's Map: one row per question language, English's own share as measured.
      const enOwn = await page.evaluate(() => window.harnessReports![0].languageMix!.get('en')!.get('en')!);
      const mixTable = page.locator('table', { has: page.locator('caption', { hasText: 'Share of each passage language among the top' }) }).first();
      expect(await mixTable.locator('tbody tr').count()).toBe(15);
      const enRow = mixTable.locator('tbody tr', { has: page.getByRole('rowheader', { name: 'English (en)' }) });
      expect(await enRow.locator('td').first().textContent()).toBe(`${Math.round(enOwn * 100)}%`);
      for (let i = 0; i < count; i++) await frames.nth(i).locator('details.an-table-alt > summary').first().click();

      // The heatmap is keyboard-navigable: focus the first cell, move right.
      const firstCell = page.locator('svg[data-chart="heatmap"] .an-cell').first();
      await page.mouse.move(0, 0); // the pointer, not only focus, picks the described cell
      await firstCell.focus();
      await expect.poll(() => page.locator('.an-cell-info').first().textContent()).toContain('Questions in English (en), passages in English (en)');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('.an-cell-info').first().textContent()).toContain('passages in German (de)');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator('.an-cell-info').first().textContent()).toContain('Questions in German (de), passages in German (de)');

      // The rank-distance histogram counts every multilingual question of the BM25 report.
      const binCounts = await page.evaluate(() => {
        const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent?.startsWith('Questions per bin'))!;
        return [...table.querySelectorAll('tbody tr')].map((tr) => Number(tr.querySelectorAll('td')[0].textContent));
      });
      expect(binCounts.reduce((a, b) => a + b, 0)).toBe(reports[0].multi.queries);
      // ... and names the questions whose answers are spread furthest, as text.
      await page.getByText('Which questions are the most language-biased?').click();
      expect(await page.locator('.an-biased-list li').count()).toBe(5);
      expect(await page.locator('.an-biased-list li').first().textContent()).toMatch(/answers at ranks \d+ to \d+, distance \d+/);

      await waitForMap(tab, 720);
      await saveScreenshot(page, 'analysis-view');
      await saveParts(tab, 'analysis-part');

      // Exports: metrics CSV and JSON, a per-question CSV, and PNGs of the heatmap and the map.
      await page.getByRole('button', { name: 'Metrics CSV' }).click();
      await page.getByRole('button', { name: 'Metrics JSON' }).click();
      await page.getByRole('button', { name: 'Per-question CSV' }).click();
      await page.locator('.an-frame').first().getByRole('button', { name: /^PNG/ }).click();
      await page
        .locator('.an-frame', { has: page.locator('.an-map') })
        .getByRole('button', { name: /^PNG/ })
        .click();
      await page.locator('.an-frame', { hasText: 'Rank distance: how far apart' }).getByRole('button', { name: /^PNG/ }).click();
      await page.getByRole('button', { name: 'Projector TSV' }).click();
      await expect.poll(async () => (await exportsOf(tab)).length, { timeout: 30_000 }).toBe(8);
      const files = await exportsOf(tab);
      const byName = (suffix: string) => files.find((f) => f.name.endsWith(suffix))!;
      expect(byName('-metrics.csv').text!.split('\n')[0]).toBe(
        'corpus,retriever,setting,cell,query_lang,passage_lang,queries,skipped,map,recall_at_1,recall_at_10,mrr,ndcg_at_10,max_rank_distance',
      );
      expect(byName('-metrics.csv').text!.trim().split('\n')).toHaveLength(1 + 3 + 15 * 15 + 15);
      const metricsJson = JSON.parse(byName('-metrics.json').text!);
      expect(metricsJson.settings.multi.macro.ap).toBe(reports[0].multi.ap);
      // The mix is written as an object keyed by language (a Map left in would be {}).
      expect(Object.keys(metricsJson.languageMix)).toHaveLength(15);
      expect(metricsJson.languageMix.en.en).toBe(enOwn);
      expect(byName('-questions.csv').text!.trim().split('\n').length).toBeGreaterThan(780);
      const pngs = files.filter((f) => f.name.endsWith('.png'));
      expect(pngs.map((f) => f.head)).toEqual(['89504e470d0a1a0a', '89504e470d0a1a0a', '89504e470d0a1a0a']);
      for (const png of pngs) expect(png.size).toBeGreaterThan(10_000);
      expect(byName('-metadata.tsv').text!.split('\n')[0]).toBe('id\tlang\tgroup\tkind\ttext');
      expect(byName('-vectors.tsv').text!.trim().split('\n')).toHaveLength(720);

      // Keep the exported PNGs to look at.
      const images = await page.evaluate(() => window.harnessExports!.filter((f) => f.base64).map((f) => ({ name: f.name, base64: f.base64! })));
      for (const img of images) await writeFile(path.join(SCREENSHOT_DIR, `analysis-export-${img.name}`), Buffer.from(img.base64, 'base64'));

      expect(tab.offsiteRequests()).toEqual([]);
      expect(tab.consoleLines.filter((l) => l.startsWith('pageerror') || l.startsWith('error'))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('draws the embedding map with UMAP in a worker, hover text, language toggles and a canvas beyond SVG', async () => {
    const tab = await openHarness('?compare=0&method=umap');
    try {
      const { page } = tab;
      await waitForMap(tab, 720);
      const map = page.locator('.an-map');
      // Hover the first outlined answer: the info line shows its text as text.
      const answer = await page.evaluate(() => {
        const c = [...document.querySelectorAll<SVGCircleElement>('svg[data-chart="embedding-map"] circle')].find(
          (el) => el.getAttribute('stroke') === '#000000',
        )!;
        return { x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) };
      });
      await map.hover({ position: answer });
      await expect.poll(() => page.locator('.an-map-info').textContent()).toMatch(/passage · demo-\d+\.\w+ · lines join its 14 translations/);
      await page.locator('.an-frame', { has: page.locator('.an-map') }).screenshot({ path: path.join(SCREENSHOT_DIR, 'analysis-map-umap-hover.png') });

      // Hide German: its 48 points leave the map (the legend counts them).
      expect(await page.getByRole('button', { name: /German \(de\)/ }).textContent()).toContain('· 48');
      const before = await page.locator('svg[data-chart="embedding-map"] circle:not([fill="none"])').count();
      await page.getByRole('button', { name: /German \(de\)/ }).click();
      await expect.poll(() => page.locator('svg[data-chart="embedding-map"] circle:not([fill="none"])').count()).toBe(before - 48);
      expect(await page.getByRole('button', { name: /German \(de\)/ }).getAttribute('aria-pressed')).toBe('false');
      expect(tab.consoleLines.filter((l) => l.includes('pageerror'))).toEqual([]);
    } finally {
      await tab.close();
    }

    const canvasTab = await openHarness('?compare=0&renderer=canvas&records=0&presenter=1');
    try {
      await waitForMap(canvasTab, 0);
      expect(await canvasTab.page.locator('canvas[data-chart="embedding-map"]').count()).toBe(1);
      // Without per-question records the rank-distance chart says so and falls back to means.
      expect(await canvasTab.page.getByText('no per-question records').count()).toBe(1);
      await saveScreenshot(canvasTab.page, 'analysis-presenter-canvas');
      await saveParts(canvasTab, 'analysis-presenter');
      expect(canvasTab.consoleLines.filter((l) => l.includes('pageerror'))).toEqual([]);
    } finally {
      await canvasTab.close();
    }
  });
});

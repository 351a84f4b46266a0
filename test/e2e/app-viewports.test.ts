// Projector and phone: at 1024x768 and 390x844 the query, the first passages, the answer ladder
// and its bias figure are on the first screen without overlapping; presenter mode keeps the title
// off the tabs; tab names are not cut; the Evaluation table shows "max rank dist." at 1024.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './browser-harness';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const app = useAppSession();

type Box = { x: number; y: number; width: number; height: number };

async function open(query: string, width: number, height: number): Promise<Page> {
  const tab = await app.open(query);
  await tab.page.setViewportSize({ width, height });
  // Again at this size: a phone opens the page at its own width (the ladder folds its rungs there).
  await tab.page.reload();
  if (/tab=(training|evaluation)/.test(query)) await tab.page.waitForSelector('main .card', { timeout: 60_000 });
  else await waitForRanking(tab.page);
  await tab.page.waitForTimeout(300);
  return tab.page;
}

/** What the first screen shows (not the full page): the screenshot a projector or phone shows. */
async function firstScreen(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box;
}

/** The box of an element's text as drawn (a title overflowing its box is caught here, not by the element's box). */
async function textBoxOf(page: Page, selector: string): Promise<Box> {
  return page.$eval(selector, (e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('small screens', () => {
  for (const [width, height, present] of [
    [1024, 768, false],
    [390, 844, false],
    [1024, 768, true],
  ] as const) {
    const name = `${width}x${height}${present ? ' in presenter mode' : ''}`;
    it(`shows the query, the first passage, the ladder and the bias figure on the first ${name} screen, apart`, async () => {
      const page = await open(present ? '?present=1' : '', width, height);
      await firstScreen(page, `viewport-${width}x${height}-${present ? 'presenter' : 'ranking'}`);
      const query = await boxOf(page, '#query-input');
      const first = await boxOf(page, '[data-testid="ranking-tab"] [data-testid="result"]');
      const firstText = await boxOf(page, '[data-testid="ranking-tab"] [data-testid="result"] .result-text');
      const ladder = await boxOf(page, '[data-testid="answer-ladder"]');
      const bias = await boxOf(page, '[data-testid="max-rank-distance"]');
      const within = (b: Box, what: string, needed = b.height) => {
        expect(b.y, `${what} top`).toBeGreaterThanOrEqual(0);
        expect(b.y + needed, `${what} bottom`).toBeLessThanOrEqual(height);
        expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(width + 1);
      };
      within(query, 'query');
      within(first, 'first passage', Math.min(first.height, 40));
      within(ladder, 'ladder', 40);
      within(bias, 'bias figure');
      expect(overlap(query, first), 'query / first passage').toBe(false);
      expect(overlap(query, ladder), 'query / ladder').toBe(false);
      expect(overlap(first, ladder), 'first passage / ladder').toBe(false);
      expect(overlap(bias, first), 'bias figure / first passage').toBe(false);
      // The passage reads across most of its row, not squeezed into a fourth column.
      expect(firstText.width, 'passage text width').toBeGreaterThanOrEqual(0.75 * first.width);
      // Nothing scrolls sideways, and the title stays off the tabs.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(overlap(await textBoxOf(page, '.brand-title'), await boxOf(page, '[role="tablist"]')), 'title / tabs').toBe(false);
      // Tab names are whole.
      const cut = await page.$$eval('[role="tab"]', (tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
      expect(cut).toEqual([]);
    });
  }

  it('keeps the ladder one tap away on a phone, and open on a wide screen', async () => {
    const phone = await open('', 390, 844);
    expect(await phone.locator('[data-testid="rung"]').first().isVisible()).toBe(false);
    await phone.click('[data-testid="ladder-toggle"]');
    expect(await phone.locator('[data-testid="rung"]').count()).toBe(15);
    expect(await phone.locator('[data-testid="rung"]').first().isVisible()).toBe(true);
    await firstScreen(phone, 'viewport-390x844-ladder-open');
    const wide = await open('', 1024, 768);
    expect(await wide.locator('[data-testid="rung"]').first().isVisible()).toBe(true);
  });

  it('shows the "max rank dist." column of the Evaluation table at 1024x768 without scrolling sideways', async () => {
    const page = await open('?tab=evaluation', 1024, 768);
    await page.click('[data-testid="run-evaluation"]');
    await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
    const header = page.locator('[data-testid="summary-table"] th', { hasText: 'max rank dist' }).first();
    await header.scrollIntoViewIfNeeded();
    const box = (await header.boundingBox())!;
    const wrap = await page.$eval('[data-testid="summary-table"]', (t) => {
      const scroller = t.parentElement!;
      return { overflow: scroller.scrollWidth > scroller.clientWidth + 1, right: scroller.getBoundingClientRect().right };
    });
    expect(wrap.overflow).toBe(false);
    expect(box.x + box.width).toBeLessThanOrEqual(Math.min(1024, wrap.right) + 1);
    const value = page.getByTestId('macro-multi-maxRankDistance');
    expect(await value.isVisible()).toBe(true);
    const valueBox = (await value.boundingBox())!;
    expect(valueBox.x + valueBox.width).toBeLessThanOrEqual(Math.min(1024, wrap.right) + 1);
    await firstScreen(page, 'viewport-1024x768-evaluation');
  });
});

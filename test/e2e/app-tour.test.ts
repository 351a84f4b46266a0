// The guided tour on the built site: every step from its own link, walked with the keyboard
// (arrows, and PageDown/PageUp as a presenter's clicker sends), each step setting its view,
// highlighting its panel and saying its text; once in the normal layout, once in presenter mode.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../../src/core/teaching/tour';
import { saveScreenshot } from './browser-harness';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';

const app = useAppSession();

/** Checks the step on show: its text, its tab, its highlighted panel in view, its link. */
async function expectStep(page: Page, index: number): Promise<void> {
  const step = TOUR_STEPS[index];
  await page.waitForFunction((id) => new URL(location.href).searchParams.get('tour') === id, step.id);
  expect(await page.getByTestId('tour-title').textContent()).toBe(step.title);
  expect(await page.getByTestId('tour-text').textContent()).toBe(step.text);
  expect(await page.getByTestId('tour-count').textContent()).toBe(`Step ${index + 1} of ${TOUR_STEPS.length}`);
  expect(new URL(page.url()).searchParams.get('tab') ?? 'ranking').toBe(step.view.tab);
  const panel = page.locator(`[data-tour-panel="${step.panel}"][data-tour-active="true"]`);
  await panel.first().waitFor({ state: 'visible', timeout: 20_000 });
  expect(await panel.count()).toBe(1);
  // Scrolled into view, and not hidden under the tour's own box.
  const box = (await panel.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeLessThan(viewport.height);
  expect(box.y + Math.min(box.height, 80)).toBeGreaterThan(0);
  const link = await page.getByTestId('tour-step-link').getAttribute('href');
  expect(new URL(link!, page.url()).searchParams.get('tour')).toBe(step.id);
}

describe('the guided tour', () => {
  it('walks every step with the keyboard, each with its view, panel, text and own link', async () => {
    const tab = await app.open();
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 800 });
    await waitForRanking(page);
    await page.getByTestId('tour-start').click();
    for (let i = 0; i < TOUR_STEPS.length; i++) {
      await expectStep(page, i);
      if (TOUR_STEPS[i].id === 'one-ranking') {
        // The ladder says what its figure means: 15 answers, so 14 at best, never 0.
        expect(await page.getByTestId('ladder-definition').textContent()).toContain('the least possible here is 14');
      }
      if (TOUR_STEPS[i].id === 'other-language') {
        // BM25 against Chinese passages for an English question: every score is 0, and the page says so.
        expect(await page.getByTestId('all-zero-banner').textContent()).toMatch(/^Every score in this list is 0: no passage shares a word with the question/);
      }
      await saveScreenshot(page, `tour-${i + 1}-${TOUR_STEPS[i].id}`);
      if (i < TOUR_STEPS.length - 1) await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, TOUR_STEPS.length - 2);
    // A step's link opens that step directly.
    const link = await page.getByTestId('tour-step-link').getAttribute('href');
    const direct = await app.open(new URL(link!, page.url()).href);
    await direct.page.setViewportSize({ width: 1280, height: 800 });
    await expectStep(direct.page, TOUR_STEPS.length - 2);
    await page.getByTestId('tour-end').click();
    expect(await page.getByTestId('tour').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('tour')).toBeNull();
    expect(tab.offsiteRequests()).toEqual([]);
  });

  it("works in presenter mode with a clicker's PageDown and PageUp", async () => {
    const tab = await app.open(`?present=1&tour=${TOUR_STEPS[0].id}`);
    const { page } = tab;
    await page.setViewportSize({ width: 1280, height: 720 });
    await waitForRanking(page);
    await expectStep(page, 0);
    await page.keyboard.press('PageDown');
    await expectStep(page, 1);
    await saveScreenshot(page, 'tour-presenter-2');
    await page.keyboard.press('PageDown');
    await expectStep(page, 2);
    await page.keyboard.press('PageUp');
    await expectStep(page, 1);
    expect(new URL(page.url()).searchParams.get('present')).toBe('1');
  });
});

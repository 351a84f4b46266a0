// Accessibility of the built site, as axe-core sees it and as a keyboard user meets it: no serious
// or critical violation on each tab (Evaluation after a run), on a tour step and in presenter
// mode; every control on the Ranking tab is reached by Tab and shows a visible focus ring.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';

const app = useAppSession();

async function open(query: string): Promise<Page> {
  const tab = await app.open(`${query}`);
  await tab.page.setViewportSize({ width: 1280, height: 800 });
  if (/tab=(training|evaluation)/.test(query)) await tab.page.waitForSelector('main .card', { timeout: 60_000 });
  else await waitForRanking(tab.page);
  return tab.page;
}

/** Serious and critical violations as "rule: first nodes", so a failure names what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe('accessibility', () => {
  it('has no serious or critical axe violation on Ranking, Training, a tour step and in presenter mode', async () => {
    for (const query of ['', '?tab=training', '?tour=one-ranking', '?present=1', '?present=1&tour=batch-kinds&tab=training']) {
      const page = await open(query);
      await page.waitForTimeout(300);
      expect(await seriousViolations(page), query || 'ranking').toEqual([]);
    }
  });

  it('has none on Evaluation after a run', async () => {
    const page = await open('?tab=evaluation');
    await page.click('[data-testid="run-evaluation"]');
    await page.waitForSelector('[data-testid="eval-summary"], [data-testid="summary-table"]', { timeout: 120_000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reaches every control of the Ranking tab by keyboard, each with a visible focus ring', async () => {
    const page = await open('');
    const controls = await page.$$eval(
      '[data-testid="ranking-tab"] :is(button, input, select, textarea, a[href], [tabindex="0"])',
      (els) => els.filter((e) => !(e as HTMLButtonElement).disabled && (e as HTMLElement).offsetParent !== null).length,
    );
    const reached = new Set<string>();
    const unringed: string[] = [];
    for (let i = 0; i < 150 && reached.size < controls; i++) {
      await page.keyboard.press('Tab');
      const focus = (await page.evaluate(`(() => {
        const e = document.activeElement;
        if (!e || !e.closest('[data-testid="ranking-tab"]')) return null;
        const s = getComputedStyle(e);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
        const id = e.id || e.getAttribute('data-testid') || e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30) || e.tagName;
        return { id: e.tagName + ':' + id + ':' + Array.from(e.parentNode.children).indexOf(e), ring };
      })()`)) as { id: string; ring: boolean } | null;
      if (!focus) continue;
      reached.add(focus.id);
      if (!focus.ring) unringed.push(focus.id);
    }
    expect(reached.size).toBe(controls);
    expect(unringed).toEqual([]);
  });
});

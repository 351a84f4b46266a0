// A link naming a corpus on another site (issue 12, point 4): the page opens the demo, asks before
// contacting that site, keeps the link's corpus in the address meanwhile, and fetches only when
// the person agrees. The built site runs under its Content-Security-Policy, which refuses that
// host: each fetch attempt is then a reported connect-src violation, so "nothing was fetched
// before the answer" is observable, and the refusal is explained on the page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, saveScreenshot, type OpenPage } from './browser-harness';
import { startAppSite, type AppSite } from './app-browser';
import { waitForRanking } from './app-steps';

let site: AppSite;
let browser: Browser;
let tab: OpenPage | undefined;

beforeAll(async () => {
  [site, browser] = await Promise.all([startAppSite(), launchChromium()]);
});

afterAll(async () => {
  await tab?.close().catch(() => {});
  await browser?.close();
  await site?.close();
});

const RECORD = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI));`;
const OTHER = 'https://corpora.example.com/lab/';

describe('a linked corpus on another site', () => {
  it('waits for the person to agree before it is fetched, then explains why this site cannot fetch it', async () => {
    tab = await openPage(browser, `${site.url}?url=${encodeURIComponent(OTHER)}&tab=ranking`, { initScript: RECORD });
    const { page } = tab;
    await waitForRanking(page);
    const ask = page.getByTestId('pending-corpus');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('This link opens a corpus from another site, https://corpora.example.com; nothing has been fetched from it yet.');
    expect(await page.textContent('[data-testid="active-corpus"]')).toContain('Demo');
    expect(new URL(page.url()).searchParams.get('url')).toBe(OTHER); // the link still names its corpus
    await page.waitForTimeout(1000);
    const violations = () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(await violations()).toEqual([]);
    expect(tab.requests.filter((u) => u.startsWith('https://corpora.example.com'))).toEqual([]);
    await saveScreenshot(page, 'app-link-corpus-ask');

    await page.getByTestId('pending-corpus-open').click();
    const problem = page.getByTestId('corpus-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain("This site's Content-Security-Policy lets the page fetch only from itself");
    expect(await problem.textContent()).toContain('the browser refused https://corpora.example.com');
    expect(await violations()).toContain(`connect-src ${OTHER}manifest.json`);
    expect(await page.locator('[data-testid="pending-corpus"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="active-corpus"]')).toContain('Demo'); // nothing lost
    await saveScreenshot(page, 'app-link-corpus-refused');
  });
});

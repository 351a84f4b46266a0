// The app as a person uses it, in headless Chromium against the production build served by
// `vite preview`: the demo opens ranked, settings and languages change the ranking, the URL
// restores the view, exports hold the ranking, bad input is explained without losing the corpus.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, saveScreenshot, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';

const app = useAppSession();

async function open(query = '', viewport = { width: 1366, height: 768 }): Promise<OpenPage> {
  const tab = await app.open(`${query}`);
  await tab.page.setViewportSize(viewport);
  await waitForRanking(tab.page);
  return tab;
}

/** Result rows as [passage language, answer?, text]. */
function readResults(page: Page): Promise<{ lang: string; relevant: boolean; text: string }[]> {
  return page.$$eval('[data-testid="result"]', (rows) =>
    rows.map((r) => ({
      lang: r.getAttribute('data-lang') ?? '',
      relevant: r.getAttribute('data-relevant') === 'true',
      text: r.querySelector('.result-text')?.textContent ?? '',
    })),
  );
}

/** What the ranking on screen must show: every row in `lang`, exactly `count` rows, at least `minRelevant` answers. */
interface ResultsCheck {
  lang?: string;
  count?: number;
  minRelevant?: number;
}

/** Waits until the settled ranking on screen satisfies `check` (rankings update asynchronously). Data, not code: the site's CSP forbids eval. */
async function waitForResults(page: Page, check: ResultsCheck): Promise<void> {
  await page.waitForFunction(
    ({ lang, count, minRelevant }) => {
      const rows = [...document.querySelectorAll('[data-testid="result"]')].map((r) => ({
        lang: r.getAttribute('data-lang'),
        relevant: r.getAttribute('data-relevant') === 'true',
      }));
      const settled = document.querySelector('[data-testid="ranking-tab"]')?.getAttribute('data-settled') === 'true';
      return (
        settled &&
        rows.length > 0 &&
        (lang === undefined || rows.every((r) => r.lang === lang)) &&
        (count === undefined || rows.length === count) &&
        (minRelevant === undefined || rows.filter((r) => r.relevant).length >= minRelevant)
      );
    },
    check,
    { timeout: 20_000 },
  );
}

describe('the app', () => {
  it('opens on the demo corpus with BM25 and a ranked demo question, answers highlighted', async () => {
    const { page, offsiteRequests } = await open();
    const results = await readResults(page);
    expect(results).toHaveLength(10);
    expect(await page.inputValue('#query-input')).toBe('Which symphony did Beethoven complete while he was deaf?');
    // The English answer is first; names carry BM25 into other Latin-script languages.
    expect(results[0]).toMatchObject({ lang: 'en', relevant: true });
    expect(results.filter((r) => r.relevant).length).toBeGreaterThanOrEqual(3);
    expect(new Set(results.map((r) => r.lang)).size).toBeGreaterThan(1);
    expect(await page.locator('.result.answer .answer-tag').count()).toBe(results.filter((r) => r.relevant).length);
    // Badges carry the language name from Intl.DisplayNames.
    expect(await page.getAttribute('[data-testid="result"] .lang-badge[data-lang="en"]', 'title')).toBe('English');
    // The ladder has one rung per language; non-Latin scripts share no word with the question.
    const rungs = await page.$$eval('[data-testid="rung"]', (els) =>
      els.map((e) => [e.getAttribute('data-lang'), Number(e.getAttribute('data-rank'))] as const),
    );
    expect(rungs).toHaveLength(15);
    expect(rungs[0]).toEqual(['en', 1]);
    const distance = Number(await page.getAttribute('[data-testid="max-rank-distance"]', 'data-value'));
    expect(distance).toBe(rungs[14][1] - 1);
    expect(await page.textContent('[data-testid="device-badge"]')).toContain('No model');
    expect(await page.textContent('[data-testid="active-corpus"]')).toContain('720 passages');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true); // vite preview sends COOP/COEP
    await saveScreenshot(page, 'app-demo-laptop');
    expect(offsiteRequests()).toEqual([]);
  });

  it('switches settings and languages, and restores the whole view from its URL', async () => {
    const { page, offsiteRequests } = await open();
    await page.click('[data-testid="setting-cross"]');
    await page.selectOption('[data-testid="target-lang"]', 'es');
    await waitForResults(page, { lang: 'es' });
    expect(await page.textContent('[data-testid="ranking-summary"]')).toContain('Cross-lingual');

    await page.click('[data-testid="setting-mono"]');
    await waitForResults(page, { lang: 'en' });
    expect((await readResults(page))[0].relevant).toBe(true);

    // The same question in Arabic: right-to-left text, ranked against Arabic passages.
    await page.selectOption('[data-testid="question-lang"]', 'ar');
    await waitForResults(page, { lang: 'ar' });
    expect(await page.textContent('[data-testid="query-kind"]')).toMatch(/^benchmark question q-42 /);
    expect(await page.inputValue('[data-testid="question-select"]')).toMatch(/\p{Script=Arabic}/u);
    const arText = (await readResults(page))[0].text;
    expect(arText).toMatch(/\p{Script=Arabic}/u);
    expect(await page.getAttribute('[data-testid="result"] .result-text', 'dir')).toBe('auto');
    expect(await page.$eval('[data-testid="result"] .result-text', (el) => getComputedStyle(el).direction)).toBe('rtl');

    // Back to the multilingual pool without Arabic and Chinese, top 5.
    await page.click('[data-testid="setting-multi"]');
    await page.click('[data-testid="lang-toggle-ar"]');
    await page.click('[data-testid="lang-toggle-zh"]');
    await page.fill('[data-testid="top-k"]', '5');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="rung"]').length === 13 && document.querySelectorAll('[data-testid="result"]').length === 5,
    );
    await page.click('[data-testid="setting-multi"]');
    await page.selectOption('[data-testid="question-lang"]', 'de');
    await waitForResults(page, { count: 5 });
    await page.waitForFunction(() => (document.querySelector('#query-input') as HTMLInputElement).value.startsWith('Welche Sinfonie'));
    await waitForRanking(page);
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid="run-evaluation"]');
    await page.keyboard.press('r');
    await waitForRanking(page);

    const url = page.url();
    expect(url).toContain('question=q-42.de');
    expect(url).toContain('langs=');
    const before = {
      query: await page.inputValue('#query-input'),
      results: await readResults(page),
      rungs: await page.$$eval('[data-testid="rung"]', (els) => els.map((e) => `${e.getAttribute('data-lang')}@${e.getAttribute('data-rank')}`)),
      setting: await page.getAttribute('[role="radio"][aria-checked="true"]', 'data-testid'),
      topK: await page.inputValue('[data-testid="top-k"]'),
    };

    const again = await open(url.slice(app.site.url.length));
    await waitForResults(again.page, { count: 5 });
    expect({
      query: await again.page.inputValue('#query-input'),
      results: await readResults(again.page),
      rungs: await again.page.$$eval('[data-testid="rung"]', (els) => els.map((e) => `${e.getAttribute('data-lang')}@${e.getAttribute('data-rank')}`)),
      setting: await again.page.getAttribute('[role="radio"][aria-checked="true"]', 'data-testid'),
      topK: await again.page.inputValue('[data-testid="top-k"]'),
    }).toEqual(before);
    expect(await again.page.isChecked('[data-testid="lang-toggle-ar"]')).toBe(false);
    expect(again.page.url()).toBe(url);
    expect([...offsiteRequests(), ...again.offsiteRequests()]).toEqual([]);
  });

  it('exports the ranking on screen as CSV and JSON', async () => {
    const { page } = await open('?question=q-09.en&setting=cross&target=de&k=4');
    await waitForResults(page, { count: 4, lang: 'de' });
    const shown = await readResults(page);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.export-buttons button:has-text("CSV")')]);
    expect(csvDownload.suggestedFilename()).toBe('ranking-demo-48-facts-in-15-languages-cross.csv');
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rank,score,passage_id,lang,relevant,text');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^1,[\d.]+,demo-\d\d\.de,de,(true|false),/);
    expect(lines.map((l) => l.split(',')[4]).slice(1)).toEqual(shown.map((r) => String(r.relevant)));

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('.export-buttons button:has-text("JSON")')]);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    expect(json).toMatchObject({ retriever: 'bm25', setting: 'cross', poolLanguages: ['de'], poolSize: 48, questionId: 'q-09.en' });
    expect(json.results.map((r: { text: string }) => r.text)).toEqual(shown.map((r) => r.text));
    expect(json.answers).toHaveLength(1);
    expect(json.answers[0].passage_id).toBe('demo-09.de');
  });

  it('explains bad input with the file and line, and keeps the corpus in use', async () => {
    const { page, offsiteRequests } = await open();
    const resultsBefore = await readResults(page);
    const broken = [
      '{"kind":"meta","name":"broken","languages":["en","sw"]}',
      '{"kind":"passage","id":"a.en","lang":"en","text":"A river."}',
      '{"kind":"passage","id":"a.sw","lang":"sw","text":"Mto."',
    ].join('\n');
    await page.setInputFiles('[data-testid="pick-files"]', { name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const problem = page.locator('[data-testid="corpus-problem"]');
    await problem.waitFor();
    const text = await problem.textContent();
    expect(text).toContain('broken.jsonl');
    expect(text).toContain('line 3');
    expect(text).toContain('Still using Demo: 48 facts in 15 languages');
    expect(await readResults(page)).toEqual(resultsBefore);
    await saveScreenshot(page, 'app-bad-file');

    // A corpus whose Swahili side has passages but no questions: loads, and says so when asked.
    const partial = [
      '{"kind":"passage","id":"a.en","group":"a","lang":"en","text":"The Nile is a river in Africa."}',
      '{"kind":"passage","id":"a.sw","group":"a","lang":"sw","text":"Mto Nile uko Afrika."}',
      '{"kind":"question","id":"q.en","lang":"en","text":"Where is the Nile?","answer_groups":["a"]}',
    ].join('\n');
    await page.setInputFiles('[data-testid="pick-files"]', { name: 'nile.jsonl', mimeType: 'application/json', buffer: Buffer.from(partial) });
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('nile'));
    expect(await page.locator('[data-testid="corpus-problem"]').count()).toBe(0);
    await page.selectOption('[data-testid="question-lang"]', 'sw');
    expect(await page.textContent('[data-testid="query-note"]')).toContain('Swahili (Kiswahili) has no questions in nile');

    // An address on another origin (still this machine): the site's Content-Security-Policy refuses
    // it before anything leaves the page, and the message says so; the corpus stays.
    await page.fill('#url-input', 'http://127.0.0.1:9/corpus/');
    await page.click('form.field button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="corpus-problem"]')?.textContent?.includes('127.0.0.1:9'));
    const unreachable = await page.textContent('[data-testid="corpus-problem"]');
    expect(unreachable).toContain("This site's Content-Security-Policy lets the page fetch only from itself");
    expect(unreachable).toContain('the browser refused http://127.0.0.1:9');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-unreachable-url');
    expect(unreachable).toContain('Still using nile');
    expect(offsiteRequests()).toEqual([]);
  });

  it('ranks and evaluates with a dense model loaded through the encoder client (the fixture model)', async () => {
    const { page, offsiteRequests, consoleLines } = await open();
    await page.setInputFiles('[data-testid="pick-files"]', path.join(PROJECT_ROOT, 'test/fixtures/lexicon-corpus.jsonl'));
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('lexicon-corpus'));
    await page.selectOption('[data-testid="retriever-select"]', 'fixture/xlmr-tiny');
    await page.waitForFunction(() => /WASM|WebGPU/.test(document.querySelector('[data-testid="device-badge"]')?.textContent ?? ''), undefined, {
      timeout: 60_000,
    });
    expect(await page.textContent('[data-testid="device-badge"]')).toMatch(/WASM.*64d/);
    // The fixture knows its lexicon in every language: the question's answers rise to the top.
    await waitForResults(page, { minRelevant: 3 });
    expect(page.url()).toContain('retriever=fixture%2Fxlmr-tiny');
    // The embedding map of the pool, drawn from the same model.
    await page.click('[data-testid="embedding-map-slot"] summary');
    await page.click('[data-testid="draw-map"]');
    await page.waitForSelector('[data-testid="embedding-map-slot"] svg circle, [data-testid="embedding-map-slot"] canvas', { timeout: 60_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'app-dense-fixture-map');

    await page.click('.tab:has-text("Evaluation")');
    await page.click('[data-testid="eval-setting-cross"]'); // mono + multi: enough to cross the worker boundary both ways
    await page.click('[data-testid="run-evaluation"]');
    await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
    const monoAp = Number(await page.getAttribute('[data-testid="macro-mono-ap"]', 'data-value'));
    const multiAp = Number(await page.getAttribute('[data-testid="macro-multi-ap"]', 'data-value'));
    expect(monoAp, consoleLines.join('\n')).toBeGreaterThan(0.5);
    expect(multiAp).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="macro-cross-ap"]').count()).toBe(0);
    await saveScreenshot(page, 'app-dense-fixture-evaluation');
    expect(offsiteRequests()).toEqual([]);
  });

  it('moves through results with the keyboard, shows help, and has a large presenter mode', async () => {
    const { page } = await open('', { width: 1920, height: 1080 });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    expect(await page.getAttribute('[data-testid="result"][aria-current="true"]', 'data-row')).toBe('2');
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'query-input');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.waitForSelector('[role="dialog"]');
    expect(await page.textContent('[role="dialog"]')).toContain('next result');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    await page.keyboard.press('p');
    await page.waitForFunction(() => document.documentElement.classList.contains('presenter'));
    const fontSize = await page.$eval('.result-text', (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
    expect(page.url()).toContain('present=1');
    await saveScreenshot(page, 'app-presenter-1080p');
  });
});

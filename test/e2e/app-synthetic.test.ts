// The strategy story without a downloaded model: the synthetic benchmark opened in Ranking with its
// own vectors (labelled synthetic items with their languages, the answer ladder), typed text refused
// in one line, then a short training run on it and the strategy switch and side by side re-ranking
// the same synthetic question.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser-harness';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';

const app = useAppSession();

function readList(page: Page, scope = '[data-testid="ranking-tab"]'): Promise<{ lang: string; relevant: string; text: string; score: string }[]> {
  return page.$$eval(`${scope} [data-testid="result"]`, (rows) =>
    rows.map((r) => ({
      lang: r.getAttribute('data-lang')!,
      relevant: r.getAttribute('data-relevant')!,
      text: r.querySelector('.result-text')?.textContent ?? '',
      score: r.querySelector('.result-score')?.getAttribute('title') ?? '',
    })),
  );
}

describe('the synthetic benchmark in Ranking', () => {
  it('ranks its labelled questions with the ladder, refuses typed text, and shows a trained strategy beside the untrained vectors', async () => {
    const { page, offsiteRequests, consoleLines } = await app.open();
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForRanking(page);

    // Corpus and vectors chosen together, from the set-up panel's benchmark menu.
    await page.selectOption('#preset-select', 'synthetic');
    await page.click('#preset-select ~ button');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('synthetic benchmark (seed 1)'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(await page.textContent('[data-testid="active-corpus"]')).toContain('11 languages');
    expect(await page.inputValue('[data-testid="retriever-select"]')).toBe('synthetic');
    expect(await page.textContent('[data-testid="device-badge"]')).toContain('Synthetic');
    await waitForRanking(page);
    expect(await page.textContent('[data-testid="synthetic-banner"]')).toContain('made-up item');

    // A benchmark question, labelled as a synthetic item with its language; answers are labelled too.
    const question = await page.inputValue('#query-input');
    expect(question).toMatch(/^Synthetic question q\d+ · [a-z]{2} · topic \d+$/);
    const list = await readList(page);
    expect(list).toHaveLength(10);
    for (const row of list) {
      expect(row.text).toMatch(/^Synthetic (answer to q\d+|distractor \d+) · [a-z]{2} · topic \d+/);
      expect(row.text).toContain(`· ${row.lang} ·`);
    }
    const qid = /q\d+/.exec(question)![0];
    for (const row of list.filter((r) => r.relevant === 'true')) expect(row.text).toContain(`answer to ${qid} `);
    // The ladder: one rung per language of the pool.
    expect(await page.locator('[data-testid="rung"]').count()).toBe(11);
    expect(Number(await page.getAttribute('[data-testid="max-rank-distance"]', 'data-value'))).toBeGreaterThanOrEqual(10);
    expect(page.url()).toContain('corpus=synthetic');
    await saveScreenshot(page, 'app-synthetic-ranking');

    // Typed text has no vector: one clear line, and the question comes back when picked.
    await page.fill('#query-input', 'Who wrote the ninth symphony?');
    await page.waitForFunction(() => document.querySelector('[data-testid="ranking-problem"]')?.textContent?.includes('not for typed text'));
    expect(await page.textContent('[data-testid="ranking-problem"]')).toContain('pick one of its questions');
    await saveScreenshot(page, 'app-synthetic-free-text');
    await page.getByTestId('question-select').click();
    await page.getByRole('listbox', { name: 'Benchmark questions' }).getByRole('option').first().click();
    await waitForRanking(page);

    // A short run on the synthetic benchmark (no model), then the strategies in Ranking.
    await page.click('[data-testid="tab-training"]');
    await page.getByTestId('training-source-synthetic').check();
    await page.getByTestId('training-epochs').fill('2');
    await page.getByTestId('training-start').click();
    await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', {
      timeout: 240_000,
    });
    expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status'), consoleLines.join('\n')).toBe('done');
    await page.click('[data-testid="training-see-ranking"]');
    await page.waitForSelector('[data-testid="side-right"][data-strategy="hybrid"]');
    await waitForRanking(page);
    const query = await page.inputValue('#query-input');
    expect(query).toMatch(/^Synthetic question/);
    const left = await readList(page, '[data-testid="side-left"]');
    const right = await readList(page, '[data-testid="side-right"]');
    expect(right).not.toEqual(left);
    expect(await page.locator('[data-testid="side-right"] [data-testid="rung"]').count()).toBe(11);
    expect(await page.getAttribute('[data-testid="question-split"]', 'data-split')).toMatch(/^(test|train)$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'app-synthetic-side-by-side');

    // Another corpus brings BM25 back (the vectors know no other corpus); Training then offers the way back.
    await page.selectOption('#preset-select', 'demo');
    await page.click('#preset-select ~ button');
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('[data-testid="retriever-select"]')?.value === 'bm25', undefined, {
      timeout: 60_000,
    });
    await waitForRanking(page);
    expect(await page.locator('[data-testid="synthetic-banner"]').count()).toBe(0);
    await page.click('[data-testid="tab-training"]');
    expect(await page.textContent('[data-testid="synthetic-next"]')).toContain('Adapters trained on the synthetic benchmark');
    await saveScreenshot(page, 'app-synthetic-training-next');
    await page.click('[data-testid="synthetic-explore"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('synthetic benchmark (seed 1)'),
      undefined,
      {
        timeout: 60_000,
      },
    );
    await page.waitForSelector('[data-testid="side-right"][data-strategy="hybrid"]');
    await waitForRanking(page);
    expect(await page.inputValue('[data-testid="retriever-select"]')).toBe('synthetic');
    expect(await page.getAttribute('[data-testid="side-left"]', 'data-strategy')).toBe('untrained');
    expect((await readList(page, '[data-testid="side-right"]'))[0].text).toMatch(/^Synthetic /);

    expect(offsiteRequests()).toEqual([]);
  }, 400_000);
});

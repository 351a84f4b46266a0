/**
 * Steps the app's browser tests share: wait for a settled ranking, open the lexicon fixture corpus
 * from disk, load the fixture model, read the training results table.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from './browser-harness';

/** Waits until the ranking tab shows a ranking and nothing newer is on its way. */
export async function waitForRanking(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="ranking-tab"][data-settled="true"] [data-testid="result"]', { timeout: 60_000 });
}

/** Picks test/fixtures/lexicon-corpus.jsonl with the file picker and waits until it is the active corpus. */
export async function openLexiconCorpus(page: Page): Promise<void> {
  await page.setInputFiles('[data-testid="pick-files"]', path.join(PROJECT_ROOT, 'test/fixtures/lexicon-corpus.jsonl'));
  await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('lexicon-corpus'));
}

/** Chooses the fixture model (unless it is chosen already) and waits for the device badge. */
export async function loadFixtureModel(page: Page, timeout = 60_000): Promise<void> {
  if ((await page.inputValue('[data-testid="retriever-select"]')) !== 'fixture/xlmr-tiny')
    await page.selectOption('[data-testid="retriever-select"]', 'fixture/xlmr-tiny');
  await page.waitForFunction(() => /WASM|WebGPU/.test(document.querySelector('[data-testid="device-badge"]')?.textContent ?? ''), undefined, { timeout });
}

/** The training results table: row key -> column -> full-precision value. */
export function readResultsTable(page: Page): Promise<Record<string, Record<string, number | null>>> {
  return page.$$eval('[data-testid="training-results"] tbody tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        (tr as HTMLElement).dataset.key!,
        Object.fromEntries(Array.from(tr.querySelectorAll('td'), (td) => [td.dataset.column!, td.dataset.value === '' ? null : Number(td.dataset.value)])),
      ]),
    ),
  );
}

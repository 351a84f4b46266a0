// The Ranking tab's question picker at 48,000 questions: its <select> had one <option> per
// question and froze the page for 89.7 s on the 200 MB generated corpus. The picker lists at
// most 50 matches, so opening, typing, moving and picking stay under the 200 ms long-task bound,
// and the picked question is ranked. The corpus (JSONL, 40,000 English and 8,000 German
// questions, one answer passage each) is generated at test time into the preview's build folder.
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { QUESTION_LIST_LIMIT as LIMIT } from '../../src/core/corpus/question-search';
import { saveScreenshot } from './browser-harness';
import { APP_DIST, useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';
import { watchLongTasks } from './long-tasks';

const session = useAppSession();
const COUNTS = { en: 40_000, de: 8_000 };
const RIVERS = ['Nile', 'Amazon', 'Danube', 'Volga', 'Mekong', 'Rhine', 'Niger', 'Indus'];
/** The one question whose text holds "zebra". */
const ZEBRA = 31_337;

function questionText(lang: 'en' | 'de', i: number): string {
  const river = RIVERS[i % RIVERS.length];
  if (i === ZEBRA) return 'Which zebra crossed the Nile at dawn?';
  return lang === 'en' ? `How long is stretch ${i} of the ${river}?` : `Wie lang ist Abschnitt ${i} der ${river}?`;
}

async function writeCorpus(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const lines = [JSON.stringify({ kind: 'meta', name: 'many-questions', languages: ['en', 'de'] })];
  for (const lang of ['en', 'de'] as const) {
    for (let i = 0; i < COUNTS[lang]; i++) {
      lines.push(JSON.stringify({ kind: 'passage', id: `p${i}.${lang}`, group: `g${i}`, lang, text: `${questionText(lang, i)} Stretch ${i} is ${i + 7} km.` }));
      lines.push(JSON.stringify({ kind: 'question', id: `q${i}.${lang}`, qid: `q${i}`, lang, text: questionText(lang, i), relevant: [`p${i}.${lang}`] }));
    }
  }
  await writeFile(path.join(folder, 'questions.jsonl'), `${lines.join('\n')}\n`);
  await writeFile(path.join(folder, 'manifest.json'), JSON.stringify({ format: 'jsonl', files: ['questions.jsonl'], name: 'many-questions' }));
}

const status = (page: Page) => page.getByTestId('question-picker-status').textContent();

describe('the question picker with 48,000 questions', () => {
  it('opens, filters and picks without a long task, and the picked question is ranked', async () => {
    await writeCorpus(path.join(APP_DIST, 'many-questions'));
    const { page } = await session.open('?tab=ranking');
    await waitForRanking(page);
    await page.fill('#url-input', new URL('many-questions/', session.site.url).href);
    await page.locator('form:has(#url-input) button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('many-questions'), undefined, {
      timeout: 120_000,
    });
    await waitForRanking(page);
    await page.waitForTimeout(1000); // the corpus hand-over's own tasks (issue 12's other open point) are not the picker's
    const longTasks = await watchLongTasks(page);

    const picker = page.getByRole('combobox', { name: 'Benchmark question' });
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="option"]').count()).toBe(0);

    // Open: the first 50 of 40,000 English questions, and a line saying to type.
    await picker.click();
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    expect(await status(page)).toBe(`Showing ${LIMIT} of 40,000 questions; type to narrow`);
    expect(await page.locator('[role="option"]').count()).toBe(LIMIT);
    await saveScreenshot(page, 'app-question-picker-open');

    // Type: narrows to the matches, still capped.
    await picker.pressSequentially('danube', { delay: 30 });
    expect(await status(page)).toBe(`Showing ${LIMIT} of 5,000 matches; type to narrow`);
    await picker.fill('danube 1234 stretch'); // every word, in any order, anywhere: 1234, 11234, 12346, 21234, 31234
    expect(await status(page)).toBe('5 of 40,000 questions match');
    await saveScreenshot(page, 'app-question-picker-filtered');
    await picker.fill('ZEBRA');
    expect(await status(page)).toBe('1 of 40,000 questions match');

    // Keyboard: the first match is active; Enter picks it, and it is ranked with its answer first.
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await page.locator('[role="option"]').first().getAttribute('id'));
    await picker.press('Enter');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.inputValue()).toBe('Which zebra crossed the Nile at dawn?');
    await page.waitForFunction(() => document.querySelector('[data-testid="query-kind"]')?.textContent === 'benchmark question q31337 · 1 answers');
    await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.getAttribute('data-id') === 'p31337.en', undefined, { timeout: 60_000 });
    expect(await page.inputValue('#query-input')).toBe('Which zebra crossed the Nile at dawn?');
    await waitForRanking(page);
    expect(await page.locator('[data-testid="result"]').first().getAttribute('data-relevant')).toBe('true');

    // By language: German (no q31337 there, so its first question) lists its own 8,000; a click picks.
    await page.selectOption('[data-testid="question-lang"]', 'de');
    await page.waitForFunction(() => (document.querySelector('#question-select') as HTMLInputElement).value === 'Wie lang ist Abschnitt 0 der Nile?');
    await picker.click();
    expect(await status(page)).toBe(`Showing ${LIMIT} of 8,000 questions; type to narrow`);
    await picker.fill('abschnitt 7999');
    await page.getByRole('option', { name: /Abschnitt 7999 der/ }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="result"]')?.getAttribute('data-id') === 'p7999.de', undefined, { timeout: 60_000 });

    // Escape closes the list (the field keeps focus) and keeps the question.
    await picker.click();
    await picker.press('ArrowDown');
    await picker.press('Escape');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await picker.inputValue()).toBe('Wie lang ist Abschnitt 7999 der Indus?');
    await waitForRanking(page);
    await saveScreenshot(page, 'app-question-picker-picked');

    const tasks = await longTasks();
    console.log(`long tasks while opening, filtering and picking (ms): ${tasks.map((t) => Math.round(t)).join(', ') || 'none'}`);
    expect(Math.max(0, ...tasks)).toBeLessThan(200);

    // Axe runs on the page's thread (a long task of its own), so after the measurement.
    await picker.click();
    // The open combobox as axe sees it (the ARIA combobox pattern): no serious or critical violation.
    const { violations } = await new AxeBuilder({ page }).include('.query-card').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  }, 240_000);
});

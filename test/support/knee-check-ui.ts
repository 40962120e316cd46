/**
 * Driving the dashboard's knee check in e2e tests: wait for each question, answer it from a story (anything
 * the story does not know gets "I don't know"), and ask where an element sits in the window.
 */
import type { Locator, Page } from 'playwright-core';

export type Story = Record<string, boolean | number | string>;

/** Waits for the question after `step` answers, or the end of the questionnaire; returns its key or null. */
export async function nextQuestion(page: Page, step: number): Promise<string | null> {
  const form = page.locator(`form.question[data-step="${step}"]`);
  const done = page.locator('.question-done');
  await form.or(done).first().waitFor();
  if (await done.isVisible()) return null;
  return form.getAttribute('data-question-key');
}

/** Answers the question on screen (step `step`, key `key`) from the story and presses Next. */
export async function answerFromStory(page: Page, step: number, key: string, story: Story): Promise<void> {
  const form = page.locator(`form.question[data-step="${step}"]`);
  const value = story[key];
  if (key === 'painLocation' && typeof value === 'string') {
    await form.locator(`input[type="checkbox"][value="${value}"]`).check();
  } else if (value === undefined) {
    await form.getByRole('button', { name: "I don't know" }).click();
    return;
  } else if (typeof value === 'boolean') {
    await form.getByRole('radio', { name: value ? 'Yes' : 'No', exact: true }).check();
  } else if (typeof value === 'number') {
    await form.locator('input[type="number"]').fill(String(value));
  } else {
    await form.locator(`input[type="radio"][value="${value}"]`).check();
  }
  await form.getByRole('button', { name: 'Next' }).click();
}

/**
 * Answers questions from the story from wherever the questionnaire stands until it ends or `stopWhen` says
 * so (checked when each new question is on screen). Returns the keys answered, in order. `onLocation`, when
 * given, answers the "where does it hurt" question itself (the knee map) and presses Next.
 */
export async function answerUntil(
  page: Page,
  story: Story,
  stopWhen: (key: string, step: number) => Promise<boolean> = async () => false,
  onLocation?: (form: Locator) => Promise<void>,
): Promise<string[]> {
  const asked: string[] = [];
  await page.locator('form.question, .question-done').first().waitFor();
  const open = page.locator('form.question');
  const start = (await open.count()) > 0 ? Number(await open.getAttribute('data-step')) : 0;
  for (let step = start; step < start + 80; step += 1) {
    const key = await nextQuestion(page, step);
    if (key === null) return asked;
    if (await stopWhen(key, step)) return asked;
    asked.push(key);
    if (key === 'painLocation' && onLocation !== undefined)
      await onLocation(page.locator(`form.question[data-step="${step}"]`));
    else await answerFromStory(page, step, key, story);
  }
  throw new Error(`the questionnaire did not end: ${asked.join(' ')}`);
}

/** Where the element is in the window (CSS px), and the window's height. */
export async function placeInWindow(locator: Locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    // Runs in the page; the server-side tsconfig has no DOM types, so read the window's height untyped.
    const windowHeight = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return { top: r.top, bottom: r.bottom, windowHeight };
  });
}

/** True when the whole element is inside the window. */
export async function inWindow(locator: Locator): Promise<boolean> {
  const p = await placeInWindow(locator);
  return p.top >= 0 && p.bottom <= p.windowHeight + 0.5;
}

/** A learner takes a lesson, answering some questions right and some wrong; it all survives a reload. */
import { expect, type Page, test } from '@playwright/test';
import { findLesson, runLesson } from '../src/programs/lessons';
import { expectAccessible, SCREENSHOTS } from './helpers';

/** The questions of a lesson in seed 0, with their answers, as the lessons' model computes them. */
function keys(id: string) {
  const lesson = findLesson(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const run = runLesson(lesson, 0);
  return lesson.questions
    .map((spec) => {
      const at = spec.at(run);
      return at === null ? null : { id: spec.id, at, q: spec.ask(run, at) };
    })
    .filter((x) => x !== null)
    .sort((a, b) => a.at - b.at);
}

async function answer(page: Page, q: ReturnType<typeof keys>[number], right: boolean): Promise<void> {
  const form = page.getByRole('group', { name: q.q.prompt });
  await expect(form).toBeVisible();
  if (q.q.kind === 'choice') {
    const pick = right ? q.q.answer : (q.q.answer + 1) % q.q.choices.length;
    await form.getByRole('radio', { name: q.q.choices[pick], exact: true }).check();
  } else {
    await form.getByRole('spinbutton').fill(String(right ? q.q.answer : q.q.answer + 7));
  }
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: right ? 'Right.' : 'Not quite.' })).toBeVisible();
}

test('a lesson answered partly right and partly wrong keeps its answers and progress across a reload', async ({
  page,
}) => {
  const questions = keys('servers');
  expect(questions.length).toBeGreaterThanOrEqual(2);
  await page.goto('/?lessons');
  const list = page.getByRole('region', { name: 'Lessons' });
  await expect(list).toBeVisible();
  await expectAccessible(page);
  await list.getByRole('button', { name: findLesson('servers')?.title }).click();
  await expect(page).toHaveURL(/lesson=servers/);

  // Stepping stops before each question's step until it is answered.
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (const [i, q] of questions.entries()) {
    await page.getByLabel('Timeline position').fill('9999');
    await expect(page.getByText(new RegExp(`^Step ${q.at - 1} of \\d+$`))).toBeVisible();
    await answer(page, q, i % 2 === 0);
    if (i === 0) await page.screenshot({ path: `${SCREENSHOTS}lesson-question.png`, fullPage: true });
    await page.getByRole('button', { name: 'Show the step' }).click();
    await expect(page.getByText(new RegExp(`^Step ${q.at} of \\d+$`))).toBeVisible();
  }
  await forward.click();

  await page.reload();
  await expect(page).toHaveURL(/lesson=servers/);
  await page.getByRole('button', { name: 'All lessons' }).click();
  const right = questions.filter((_, i) => i % 2 === 0).length;
  await expect(page.getByRole('region', { name: 'Lessons' })).toContainText(
    `${questions.length} of ${findLesson('servers')?.questions.length} questions answered, ${right} right`,
  );
  // The answered questions no longer stop the learner, and their results are kept.
  await page
    .getByRole('region', { name: 'Lessons' })
    .getByRole('button', { name: findLesson('servers')?.title })
    .click();
  await page.getByLabel('Timeline position').fill(String(questions[0].at - 1));
  await expect(page.getByRole('status').filter({ hasText: 'Right.' })).toBeVisible();
  await page.getByLabel('Timeline position').fill('9999');
  await expect(page.getByText(/^Step (\d+) of \1$/)).toBeVisible();
});

test('a retry asks the question again in a new variation, and reset clears the progress', async ({
  page,
}) => {
  await page.goto('/?lesson=clients');
  const q = keys('clients')[0];
  await page.getByLabel('Timeline position').fill('9999');
  await answer(page, q, false);
  await page.getByRole('button', { name: 'Try a new variation' }).click();
  // The same question is asked again, unanswered, in the next variation of the lesson.
  await expect(page.getByRole('status').filter({ hasText: 'Not quite.' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check answer' })).toBeVisible();
  await page.getByRole('button', { name: 'All lessons' }).click();
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByRole('region', { name: 'Lessons' })).not.toContainText('questions answered');
});

/** Shared steps for the browser tests. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Opens a scenario at a step and waits until the page shows that step. */
export async function open(page: Page, scenario: string, step = 0): Promise<void> {
  await page.goto(`/?scenario=${scenario}&step=${step}`);
  await expect(page.getByText(new RegExp(`^Step ${step} of \\d+$`))).toBeVisible();
  // The code editor loads after the first paint; wait for it, so screenshots show each process's line.
  await expect(page.locator('.code-fallback')).toHaveCount(0);
}

/** The diagram region. */
export function diagram(page: Page) {
  return page.getByRole('region', { name: 'Kernel diagram' });
}

/** A diagram object by the start of its accessible label. */
export function object(page: Page, label: string | RegExp) {
  return diagram(page).getByRole('img', { name: label });
}

/** Fails on accessibility violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const scan = await new AxeBuilder({ page }).analyze();
  expect(
    scan.violations,
    JSON.stringify(
      scan.violations.map((v) => [v.id, v.nodes.map((n) => n.target)]),
      null,
      2,
    ),
  ).toEqual([]);
}

/** Collects uncaught page errors; call the returned function at the end to assert none. */
export function watchErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return () => expect(errors).toEqual([]);
}

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

test('the home page shows the Rendezvous heading and has no accessibility violations', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous' })).toBeVisible();
  await expect(page).toHaveTitle('Rendezvous');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();

  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations, JSON.stringify(scan.violations, null, 2)).toEqual([]);

  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}app-home.png`, fullPage: true });
  expect(errors).toEqual([]);
});

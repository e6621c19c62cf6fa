import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

test('the home page opens on the stream echo scenario and has no accessibility violations', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous' })).toBeVisible();
  await expect(page).toHaveTitle('Rendezvous');
  await expect(page.getByLabel('Scenario')).toHaveValue('stream-echo');
  await expect(page.getByLabel('Scenario').locator('option')).toHaveCount(12);
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();

  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations, JSON.stringify(scan.violations, null, 2)).toEqual([]);
  expect(errors).toEqual([]);
});

test('stepping through stream echo shows the listening socket, the accept and the end of file', async ({
  page,
}) => {
  await page.goto('/');
  const state = page.getByRole('region', { name: 'Kernel state' });
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 3; i++) await forward.click();
  await expect(state).toContainText('listening on /tmp/echo.sock, backlog 0 of 6 pending');
  await forward.click();
  await expect(state).toContainText('asleep in accept()');
  await page.getByRole('button', { name: 'server: int c = accept(s, NULL, NULL) → 4' }).click();
  await expect(state).toContainText('fd 4 of server');
  await page.getByRole('button', { name: 'server: n = read(c, buf, 64) → 0' }).click();
  await expect(state.getByRole('heading')).toHaveText('server: n = read(c, buf, 64) → 0');
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}app-home.png`, fullPage: true });
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByText('Step 0 of 20')).toBeVisible();
});

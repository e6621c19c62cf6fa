import { expect, test } from '@playwright/test';
import { diagram, expectAccessible, object, open, SCREENSHOTS, watchErrors } from './helpers';

test('the home page opens on the stream echo scenario, named controls and all, with no accessibility violations', async ({
  page,
}) => {
  const noErrors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous' })).toBeVisible();
  await expect(page).toHaveTitle('Rendezvous');
  await expect(page.getByLabel('Scenario')).toHaveValue('stream-echo');
  await expect(page.getByLabel('Scenario').locator('option')).toHaveCount(12);
  for (const name of ['Step forward', 'Step back', 'Play', 'Restart']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByLabel('Speed')).toBeVisible();
  await expect(page.getByLabel('Timeline position')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Narration' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sequence diagram' })).toBeVisible();
  await expect(diagram(page)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/?scenario=stream-echo&step=11');
  await expectAccessible(page);
  noErrors();
});

test('stream echo, step by step: listen, connect, accept, then end of file after the client closes', async ({
  page,
}) => {
  await open(page, 'stream-echo', 3);
  const forward = page.getByRole('button', { name: 'Step forward' });
  await forward.click();
  await expect(
    object(page, 'socket fd 3 of server: listening on /tmp/echo.sock, backlog 0 of 6 pending'),
  ).toBeVisible();
  await expect(object(page, 'file /tmp/echo.sock: socket file')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}stream-echo-04-listen.png` });
  await forward.click();
  await expect(object(page, 'process server: asleep in accept()')).toBeVisible();
  for (let i = 0; i < 3; i++) await forward.click();
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('connect()');
  await expect(
    object(page, 'socket fd 3 of server: listening on /tmp/echo.sock, backlog 1 of 6 pending'),
  ).toBeVisible();
  await expect(object(page, /^pending connection 1 from client/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}stream-echo-08-connect.png` });
  await forward.click();
  await expect(object(page, 'receive queue of pending connection')).toHaveCount(0);
  await forward.click();
  await forward.click();
  await expect(object(page, /^socket fd 4 of server: connected stream socket/)).toBeVisible();
  await expect(object(page, /^fd 4 of server: socket/)).toBeVisible();
  await expect(object(page, 'receive queue of server fd 4: 5 bytes (1 write)')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}stream-echo-11-accept.png` });
  await page.getByRole('button', { name: /^step 21, server: read = 0/ }).click();
  await expect(page).toHaveURL(/step=21/);
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('returned 0');
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('end of file');
  await expect(object(page, 'process client: exited 0')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}stream-echo-21-eof.png` });
});

test('the keyboard steps: ArrowRight, ArrowLeft, End and Home', async ({ page }) => {
  await open(page, 'stream-echo');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Step 2 of 26')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Step 1 of 26')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Step 26 of 26')).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByText('Step 0 of 26')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('Play runs the steps and becomes Pause; it stops at the end', async ({ page }) => {
  await open(page, 'peek', 8);
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByText('Step 20 of 20')).toBeVisible({ timeout: 8000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('the URL follows every move, and a reload lands on the same step', async ({ page }) => {
  await open(page, 'half-close', 4);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page).toHaveURL(/scenario=half-close&step=5/);
  await page.getByLabel('Scenario').selectOption('peek');
  await expect(page).toHaveURL(/scenario=peek&step=0/);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.reload();
  await expect(page.getByLabel('Scenario')).toHaveValue('peek');
  await expect(page.getByText('Step 1 of 20')).toBeVisible();
});

test('an unknown scenario or a step out of range opens the default scenario with a clear message', async ({
  page,
}) => {
  const noErrors = watchErrors(page);
  await page.goto('/?scenario=no-such-thing&step=3');
  await expect(page.getByRole('status')).toContainText('There is no scenario called "no-such-thing"');
  await expect(page.getByLabel('Scenario')).toHaveValue('stream-echo');
  await page.goto('/?scenario=peek&step=999');
  await expect(page.getByRole('status')).toContainText('Step 999 is outside this scenario');
  await expect(page.getByText('Step 0 of 20')).toBeVisible();
  noErrors();
});

test('with reduced motion a step forward snaps: no animation runs', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, 'stream-echo', 10);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText('Step 11 of 26')).toBeVisible();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});

test('without reduced motion a step forward animates what moved, and a jump snaps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await open(page, 'stream-echo', 10);
  await page.getByRole('button', { name: 'Step forward' }).click();
  expect(await page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
  await page.getByLabel('Timeline position').fill('2');
  await expect(page.getByText('Step 2 of 26')).toBeVisible();
  await page.waitForTimeout(600);
  expect(
    await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length),
  ).toBe(0);
});

test('choosing which process runs next branches the run', async ({ page }) => {
  await open(page, 'stream-echo', 8);
  const next = page.getByLabel('Which process runs next');
  await expect(next).toHaveValue(/\d+/);
  const options = await next.locator('option').allTextContents();
  expect(options.some((o) => o.startsWith('server'))).toBe(true);
  await next.selectOption({ label: options.find((o) => o.startsWith('server')) ?? '' });
  await expect(page.getByText(/^Step 9 of \d+$/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('server');
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('accept');
});

test('large type and a dark theme apply to the whole page', async ({ page }) => {
  await open(page, 'stream-echo', 3);
  await page.getByLabel('Large type').check();
  await expect(page.locator('html')).toHaveClass(/large-type/);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page);
  await page.screenshot({ path: `${SCREENSHOTS}stream-echo-03-dark-large.png` });
});

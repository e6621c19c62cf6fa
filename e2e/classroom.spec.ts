/** Classroom and documentation: embed, remote control, exports, permalinks, presentation. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, open, SCREENSHOTS } from './helpers';

/** The labels of every object in the diagram: what the diagram says, in words. */
async function diagramWords(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Kernel diagram' })
    .getByRole('img')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

test('embed options: start and end steps, controls, view and autoplay', async ({ page }) => {
  await page.goto('/?embed=1&scenario=peek&step=3&end=6');
  // Minimal chrome: no app header or picker, only the scenario's title for screen readers.
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous', exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Kernel diagram' })).toBeVisible();
  await expect(page.getByText('Step 3 of 20')).toBeVisible();
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 3; i++) await forward.click();
  await expect(page.getByText('Step 6 of 20')).toBeVisible();
  await expect(forward).toBeDisabled();
  await page.screenshot({ path: `${SCREENSHOTS}embed-peek.png` });
  await expectAccessible(page);

  await page.goto('/?embed=1&scenario=peek&controls=0&view=sequence');
  await expect(page.getByRole('region', { name: 'Sequence diagram' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Kernel diagram' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);

  await page.goto('/?embed=1&scenario=peek&autoplay=1&speed=4&view=code');
  await expect(page.getByRole('region', { name: 'Programs' })).toBeVisible();
  await expect(page.getByText(/^Step [3-9] of 20$/)).toBeVisible({ timeout: 5000 });
});

test('a host page drives the app with postMessage and hears every step', async ({ page }) => {
  await page.goto('/?scenario=peek');
  await page.evaluate(() => {
    document.body.innerHTML =
      '<iframe id="r" src="/?embed=1&scenario=peek" width="900" height="600"></iframe>';
    (window as unknown as { heard: unknown[] }).heard = [];
    window.addEventListener('message', (e) => {
      if (e.data?.type === 'rendezvous') (window as unknown as { heard: unknown[] }).heard.push(e.data);
    });
  });
  const frame = page.frameLocator('#r');
  await expect(frame.getByText('Step 0 of 20')).toBeVisible();
  const send = (m: object) =>
    page.evaluate(
      (msg) => (document.getElementById('r') as HTMLIFrameElement).contentWindow?.postMessage(msg, '*'),
      m,
    );
  await send({ type: 'rendezvous', action: 'next' });
  await send({ type: 'rendezvous', action: 'next' });
  await expect(frame.getByText('Step 2 of 20')).toBeVisible();
  await send({ type: 'rendezvous', action: 'goto', step: 9 });
  await expect(frame.getByText('Step 9 of 20')).toBeVisible();
  await send({ type: 'rendezvous', action: 'prev' });
  await expect(frame.getByText('Step 8 of 20')).toBeVisible();
  const heard = await page.evaluate(
    () => (window as unknown as { heard: { step: number; total: number }[] }).heard,
  );
  expect(heard.map((h) => h.step)).toEqual([0, 1, 2, 9, 8]);
  expect(heard.every((h) => h.total === 20 && (h as unknown as { event: string }).event === 'step')).toBe(
    true,
  );
});

test('Export SVG and Export PNG give valid images of the diagram, and the GIF has one frame per step', async ({
  page,
}) => {
  await open(page, 'peek', 13);
  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svgText = readFileSync(await (await svgDownload).path(), 'utf8');
  expect(svgText.startsWith('<?xml')).toBe(true);
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror') !== null,
      root: doc.documentElement.nodeName,
      labels: [...doc.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
    };
  }, svgText);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.labels).toContain('receive queue of server fd 4: 11 bytes, 5 peeked (1 write)');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.readUInt32BE(16)).toBeGreaterThan(200);
  expect(png.readUInt32BE(20)).toBeGreaterThan(100);

  const gifDownload = page.waitForEvent('download', { timeout: 60000 });
  await page.getByRole('button', { name: 'Export GIF' }).click();
  const gif = readFileSync(await (await gifDownload).path());
  expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
  // Walk the blocks and count the images.
  let p = 13 + 3 * 256;
  let frames = 0;
  while (gif[p] !== 0x3b) {
    if (gif[p] === 0x21) {
      p += 2;
      while (gif[p] !== 0) p += gif[p] + 1;
      p++;
    } else if (gif[p] === 0x2c) {
      frames++;
      p += 11;
      while (gif[p] !== 0) p += gif[p] + 1;
      p++;
    } else throw new Error(`unexpected GIF block 0x${gif[p].toString(16)} at ${p}`);
  }
  expect(frames).toBe(20);
});

test('a permalink with an edited program reproduces it exactly, in a browser that never saw it', async ({
  page,
  browser,
}) => {
  await open(page, 'stream-echo');
  await page.getByRole('tab', { name: /^echo_client\.c/ }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  const text = readFileSync('fixtures/c/library-stream-echo/echo_client.c', 'utf8').replace(
    '"hello", 5',
    '"shared link", 11',
  );
  await page.keyboard.insertText(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByLabel('Timeline position').fill('17');
  await expect(page.getByText(/^Step 17 of \d+$/)).toBeVisible();
  const words = await diagramWords(page);
  const heading = await page.getByRole('region', { name: 'Narration' }).getByRole('heading').textContent();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page
    .getByRole('dialog', { name: 'Link to this view' })
    .getByRole('textbox')
    .inputValue();
  expect(link).toContain('program=');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Scenario' })).toHaveValue('shared');
  await expect(other.getByText(/^Step 17 of \d+$/)).toBeVisible();
  expect(await other.getByRole('region', { name: 'Narration' }).getByRole('heading').textContent()).toBe(
    heading,
  );
  expect(await diagramWords(other)).toEqual(words);
  await other.getByRole('tab', { name: /^echo_client\.c/ }).click();
  await expect(other.locator('.cm-content')).toContainText('"shared link", 11');
  await fresh.close();
});

test('presentation mode: captions, clicker keys, a high-contrast theme, Escape to leave', async ({
  page,
}) => {
  await open(page, 'stream-echo', 3);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.getByRole('region', { name: 'Captions' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByText('Step 5 of 26')).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(page.getByText('Step 4 of 26')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Captions' })).toContainText('listen');
  await page.screenshot({ path: `${SCREENSHOTS}presentation.png` });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous' })).toBeVisible();
});

test('the 4.3BSD profile refuses a connect to a full queue where Linux makes it wait', async ({ page }) => {
  await open(page, 'backlog-full');
  await page.getByRole('combobox', { name: 'Kernel', exact: true }).selectOption('4.3bsd');
  await expect(page).toHaveURL(/profile=4\.3bsd/);
  await page.getByLabel('Timeline position').fill('999');
  await expect(page.getByRole('article', { name: 'terminal of server' })).toContainText(
    'connect: Connection refused',
  );
  await page.getByRole('combobox', { name: 'Kernel', exact: true }).selectOption('linux');
  await page.getByLabel('Timeline position').fill('999');
  await expect(page.getByRole('article', { name: 'terminal of server' })).toContainText(
    'server: accepted 3 connections',
  );
});

test('a reference card opens by deep link, and each of its errors runs in a scenario that produces it', async ({
  page,
}) => {
  await page.goto('/?call=listen');
  const card = page.getByRole('region', { name: /^Reference card: listen/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('backlog');
  await expectAccessible(page);
  const shows = card.getByRole('button', { name: /^Show E[A-Z]+$/ });
  const count = await shows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const errno = (await shows.nth(i).textContent())?.replace('Show ', '') ?? '';
    await shows.nth(i).click();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(`card-listen-${errno}`);
    await expect(page.getByRole('region', { name: 'Narration' }).getByRole('heading')).toContainText(errno);
  }
  await page.goto('/?call=read');
  await expect(page.getByRole('region', { name: /^Reference card: read/ })).toBeVisible();
});

test("a link straight to a card's error scenario opens it at its step once the cards have loaded", async ({
  page,
}) => {
  await page.goto('/?scenario=card-listen-EINVAL&step=2');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('card-listen-EINVAL');
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await expect(page.getByText(/There is no scenario/)).toHaveCount(0);
  await page.goto('/?scenario=card-listen-EBOGUS');
  await expect(
    page.getByText('There is no scenario called "card-listen-EBOGUS"', { exact: false }),
  ).toBeVisible();
});

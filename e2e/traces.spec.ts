/** Importing real strace logs: each shows its processes, steps to the end, and states 0 differences. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, open, SCREENSHOTS, watchErrors } from './helpers';

const TRACES = fileURLToPath(new URL('../fixtures/traces/', import.meta.url));

async function importTrace(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import trace').setInputFiles(`${TRACES}${file}`);
}

const verdict = (page: Page) => page.getByLabel('Replay verdict');

/** Each recorded program, and the processes its pane list must show. */
const REAL: { file: string; processes: number }[] = [
  { file: 'socat_fork_server.strace', processes: 3 },
  { file: 'socat_client.strace', processes: 1 },
  { file: 'nc_server.strace', processes: 1 },
  { file: 'nc_client.strace', processes: 1 },
  { file: 'nc_dgram_server.strace', processes: 1 },
  { file: 'nc_dgram_client.strace', processes: 1 },
  { file: 'py_threading_echo_server.strace', processes: 2 },
];

for (const { file, processes } of REAL) {
  test(`${file}: imports, shows its processes, steps to the end and states 0 differences`, async ({
    page,
  }) => {
    const noErrors = watchErrors(page);
    await open(page, 'stream-echo');
    await importTrace(page, file);
    await expect(verdict(page)).toHaveText(/^replayed \d+ calls: \d+ match, 0 differ/, { timeout: 20000 });
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('trace', { timeout: 20000 });
    const panes = page.getByRole('region', { name: 'Traced processes' }).getByRole('article');
    expect(await panes.count()).toBeGreaterThanOrEqual(processes);
    const total = Number((await page.getByText(/^Step 0 of \d+$/).textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(3);
    for (let i = 1; i <= 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(`Step 3 of ${total}`)).toBeVisible();
    await page.getByLabel('Timeline position').fill(String(total));
    await expect(page.getByText(`Step ${total} of ${total}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Narration' })).toContainText('trace ends here');
    await page.screenshot({ path: `${SCREENSHOTS}trace-${file.replace('.strace', '')}.png`, fullPage: true });
    noErrors();
  });
}

test('a threaded Python server shows its handler threads as threads of the process', async ({ page }) => {
  await open(page, 'stream-echo');
  await importTrace(page, 'py_threading_echo_server.strace');
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  await expect(page.getByRole('region', { name: 'Traced processes' })).toContainText(/thread of pid \d+/);
});

test('a file that is not strace output gets a clear message, and nothing else changes', async ({ page }) => {
  await open(page, 'peek', 3);
  await page.getByLabel('Import trace').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('shopping list\neggs\nmilk\n'),
  });
  await expect(page.getByRole('status').first()).toContainText('notes.txt is not strace output');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('peek');
  await expect(page.getByText('Step 3 of 20')).toBeVisible();
});

test('malformed lines are listed with their line numbers, and the rest is replayed', async ({ page }) => {
  await open(page, 'stream-echo');
  const text = readFileSync(`${TRACES}socat_client.strace`, 'latin1').split('\n');
  text.splice(150, 0, 'this line is not a system call at all', '24890 connect(3, {sa_family=AF_UN');
  await page.getByLabel('Import trace').setInputFiles({
    name: 'damaged.strace',
    mimeType: 'text/plain',
    buffer: Buffer.from(text.join('\n'), 'latin1'),
  });
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  const malformed = page.getByText(/2 lines not understood/);
  await expect(malformed).toBeVisible();
  await malformed.click();
  await expect(page.getByText(/^line 151:/)).toBeVisible();
});

test('a divergence is marked, explained with recorded and simulated results, and jumps to its step', async ({
  page,
}) => {
  await open(page, 'stream-echo');
  const text = readFileSync(`${TRACES}socat_client.strace`, 'latin1').replace(
    /getsockname\((\d+), \{sa_family=AF_UNIX\}, \[[^\]]*\]\) = 0/,
    'getsockname($1, {sa_family=AF_UNIX}, [124 => 2]) = -1 EBADF (Bad file descriptor)',
  );
  await page
    .getByLabel('Import trace')
    .setInputFiles({ name: 'changed.strace', mimeType: 'text/plain', buffer: Buffer.from(text, 'latin1') });
  await expect(verdict(page)).toHaveText(/1 differ/, { timeout: 20000 });
  const where = page.getByRole('list', { name: 'Where the model differs' }).getByRole('button');
  await expect(where).toContainText('recorded -1 EBADF');
  await where.click();
  await expect(page.getByRole('region', { name: 'Narration' })).toContainText('The model differs here');
});

test('a trace can be dropped on the page, pasted, and saved as a scenario file that opens again', async ({
  page,
}) => {
  await open(page, 'stream-echo');
  const text = readFileSync(`${TRACES}nc_client.strace`, 'latin1');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.strace', { type: 'text/plain' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('trace');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as scenario' }).click();
  const saved = await (await download).path();
  const json = JSON.parse(readFileSync(saved, 'utf8')) as { title: string; trace: string };
  expect(json.trace).toBe(text);
  await open(page, 'peek');
  await page.evaluate(
    (t) => {
      const e = new ClipboardEvent('paste', {
        clipboardData: new DataTransfer(),
        bubbles: true,
        cancelable: true,
      });
      e.clipboardData?.setData('text/plain', t);
      window.dispatchEvent(e);
    },
    readFileSync(`${TRACES}socat_client.strace`, 'latin1'),
  );
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  await page.reload();
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
});

test('the trace view has no accessibility violations', async ({ page }) => {
  await open(page, 'stream-echo');
  await importTrace(page, 'socat_fork_server.strace');
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('trace', { timeout: 20000 });
  await page.keyboard.press('End');
  await expectAccessible(page);
});

test('a diagram wider than its panel scrolls to the process that took the step', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, 'stream-echo');
  await importTrace(page, 'socat_fork_server.strace');
  await expect(verdict(page)).toHaveText(/0 differ/, { timeout: 20000 });
  await page.goto('/?scenario=trace&step=120');
  await expect(page.getByText(/^Step 120 of \d+$/)).toBeVisible({ timeout: 20000 });
  await expect(page.getByText(/^socat child child: /)).toBeVisible();
  // socat's grandchild (it became cat) has the rightmost column, out of sight until scrolled to.
  const panel = page.getByRole('region', { name: 'Kernel diagram' });
  expect(await panel.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(panel.getByRole('img', { name: /^process cat\b/ })).toBeInViewport();
});

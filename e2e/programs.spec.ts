/** The C programs in the app: editing, running, compile errors, persistence, import, Stop. */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, object, open, SCREENSHOTS, watchErrors } from './helpers';

/** The text of the open editor (CodeMirror keeps one line per .cm-line). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.cm-content .cm-line').allTextContents();
  return lines.join('\n');
}

/** Replaces the whole text of the open editor, as a user would by selecting all and pasting. */
async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${file.replace('.', '\\.')}`) }).click();
}

test('editing the client, then Run, changes what the diagram and the terminal show', async ({ page }) => {
  const noErrors = watchErrors(page);
  await open(page, 'stream-echo');
  await openFile(page, 'echo_client.c');
  const before = await editorText(page);
  expect(before).toContain('write(fd, "hello", 5);');
  await setEditorText(page, before.replace('write(fd, "hello", 5);', 'write(fd, "howdy!", 6);'));
  await expect(page.getByText('Edited since the last run')).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText('Edited since the last run')).toHaveCount(0);
  await expect(page.getByText(/^Step 0 of \d+$/)).toBeVisible();
  // Step until the server's receive queue holds the new 6 bytes.
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('ArrowRight');
    found = (await object(page, /^receive queue of server fd \d+: 6 bytes/).count()) > 0;
  }
  expect(found).toBe(true);
  await page.keyboard.press('End');
  const client = page.getByRole('article', { name: 'terminal of client' });
  await expect(client).toContainText('client: got 6 bytes: howdy!');
  await expect(page.getByRole('article', { name: 'terminal of server' })).toContainText(
    'server: echoing 6 bytes',
  );
  await page.screenshot({ path: `${SCREENSHOTS}programs-edited-run.png`, fullPage: true });
  noErrors();
});

test('a compile error is shown at its line, and the last run stays on screen', async ({ page }) => {
  await open(page, 'stream-echo');
  await openFile(page, 'echo_client.c');
  const text = await editorText(page);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('close(fd);'));
  lines[at] = lines[at].replace('close(fd);', 'close(fd)');
  await setEditorText(page, lines.join('\n'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const messages = page.getByRole('list', { name: 'Compiler messages' });
  await expect(messages).toContainText(new RegExp(`echo_client\\.c:${at + 1}:\\d+: expected ';'`));
  await expect(page.getByText(/did not compile: 1 error/)).toBeVisible();
  await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
  await expect(page.getByText(/^Step 0 of \d+$/)).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}programs-compile-error.png`, fullPage: true });
});

test('an edit survives a reload, and Reset brings the original back', async ({ page }) => {
  await open(page, 'stream-echo');
  await openFile(page, 'echo_client.c');
  const text = await editorText(page);
  await setEditorText(page, text.replace('"hello", 5', '"hi", 2'));
  await page.reload();
  await openFile(page, 'echo_client.c');
  expect(await editorText(page)).toContain('write(fd, "hi", 2);');
  await page.getByRole('button', { name: 'Reset to the original' }).click();
  await openFile(page, 'echo_client.c');
  expect(await editorText(page)).toContain('write(fd, "hello", 5);');
});

test('an endless loop can be stopped, and the page stays responsive while it runs', async ({ page }) => {
  await open(page, 'stream-echo');
  await openFile(page, 'echo_client.c');
  const text = await editorText(page);
  await setEditorText(page, text.replace('write(fd, "hello", 5);', 'for (;;) n++;'));
  await page.getByLabel('Step limit').fill('200000');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: /(Running|Preparing the views)… \d+/ });
  await expect(status).toBeVisible();
  // The page keeps painting while the run is computed: the progress it shows moves on.
  const first = await status.textContent();
  await expect.poll(async () => await status.textContent()).not.toBe(first);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText(/You stopped the run after \d+ steps/)).toBeVisible();
});

test('a scenario file can be imported, runs, and bad files get a clear message', async ({ page }) => {
  await open(page, 'stream-echo');
  const scenario = {
    title: 'Hello pair',
    files: {
      'pair.c':
        '#include <stdio.h>\n#include <unistd.h>\n#include <sys/socket.h>\nint main(void)\n{\n    int sv[2];\n    char b[8];\n    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);\n    write(sv[0], "hey", 3);\n    printf("read %zd\\n", read(sv[1], b, sizeof b));\n    return 0;\n}\n',
    },
    processes: [{ name: 'pair', program: ['pair.c'], argv: ['pair'] }],
  };
  const input = page.getByLabel('JSON file to import');
  await input.setInputFiles({
    name: 'pair.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('imported');
  await page.keyboard.press('End');
  await expect(page.getByRole('article', { name: 'terminal of pair' })).toContainText('read 3');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"files": {}, '),
  });
  await expect(page.getByText(/bad\.json could not be opened: not valid JSON/)).toBeVisible();
});

test('the programs view has no accessibility violations', async ({ page }) => {
  await open(page, 'forking-server', 12);
  await expectAccessible(page);
});

test('a corpus program imported in the app prints what its gcc build printed on Linux', async ({ page }) => {
  const dir = 'fixtures/c/unp-echo';
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as {
    processes: { name: string; stdout: string }[];
  };
  await open(page, 'stream-echo');
  await page.getByLabel('JSON file to import').setInputFiles(`${dir}/scenario.json`);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('imported');
  await page.getByLabel('Timeline position').fill('99999');
  for (const p of expected.processes) {
    const screen = page.getByRole('article', { name: `terminal of ${p.name}` }).locator('pre');
    await expect(screen).toHaveText(p.stdout.replace(/\n$/, ''));
  }
});

test('stepping keeps the page still and the current line in view inside its editor, at 1280x720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, 'forking-server', 19);
  await expect(page.locator('.cm-process-line')).not.toHaveCount(0);
  // The header's controls all fit in the width, none cut off at the right.
  for (const name of ['Scenario', 'Kernel', 'Theme']) {
    await expect(page.getByRole('combobox', { name })).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole('button', { name: 'Import trace…' })).toBeInViewport({ ratio: 1 });
  let seen = 0;
  for (let i = 0; i < 12; i++) {
    // The marked lines of the file shown: the stepping process's is among them, and in the window.
    const lines = await page.locator('.cm-process-line').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    );
    if (lines.length > 0) {
      seen++;
      expect(lines, `step ${19 + i}`).toContain(true);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(new RegExp(`^Step ${20 + i} of \\d+$`))).toBeVisible();
  }
  expect(seen).toBeGreaterThanOrEqual(10);
});

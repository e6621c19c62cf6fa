import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

// `npm run build:single` writes this file; `npm test` builds it before the browser tests run.
const single = fileURLToPath(new URL('../release/rendezvous.html', import.meta.url));

test('the single-file build opens from file:// with the network cut, fetches nothing else, and steps', async ({
  page,
}) => {
  expect(existsSync(single), 'release/rendezvous.html is missing: run `npm run build:single` first').toBe(
    true,
  );

  const url = pathToFileURL(single).href;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  // The network is cut: everything must come from the one file.
  await page.context().setOffline(true);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Rendezvous' })).toBeVisible();
  await expect(page.getByText(/^Step 0 of \d+$/)).toBeVisible();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();

  // A trace opens too: its parser, replay and worker are inside the file.
  await page
    .getByLabel('Import trace')
    .setInputFiles(fileURLToPath(new URL('../fixtures/traces/nc_client.strace', import.meta.url)));
  await expect(page.getByText(/replayed \d+ calls: \d+ match, 0 differ/).first()).toBeVisible();

  expect(requests.filter((r) => !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual([url]);
});

import { expect, test } from '@playwright/test';
import { object, open, SCREENSHOTS, watchErrors } from './helpers';

/** For each scenario: a key step to look at, and a label the diagram must show there. */
const KEY_STEPS: { id: string; step: number; label: string | RegExp }[] = [
  { id: 'stream-echo', step: 17, label: 'process client: running' },
  { id: 'forking-server', step: 19, label: /^fd 4 of server: socket \d+, open file shared by 2 references/ },
  {
    id: 'backlog-full',
    step: 30,
    label: 'socket fd 3 of server: listening on /tmp/busy.sock, backlog 2 of 2 pending',
  },
  { id: 'peek', step: 13, label: 'receive queue of server fd 4: 11 bytes, 5 peeked (1 write)' },
  {
    id: 'half-close',
    step: 12,
    label: /^socket fd 3 of client: connected stream socket, peer fd 4 of server, write side shut/,
  },
  { id: 'broken-pipe', step: 19, label: 'process client: killed by SIGPIPE' },
  {
    id: 'unread-close',
    step: 14,
    label:
      /^socket fd 3 of client: connected stream socket, peer closed, read side shut, write side shut, pending error ECONNRESET/,
  },
  { id: 'datagram', step: 14, label: /^receive queue of reader fd 5: 11 bytes \(3 messages\)/ },
  { id: 'socketpair-fork', step: 6, label: /^fd 4 of parent child: socket/ },
  { id: 'connect-errors', step: 17, label: 'file /tmp/quiet.sock: socket file' },
  { id: 'bind-twice', step: 7, label: 'file /tmp/srv.sock: socket file, no socket bound' },
  { id: 'fd-passing', step: 26, label: /^fd 3 of parent child: socket/ },
];

for (const { id, step, label } of KEY_STEPS) {
  test(`${id}: every step renders, and at step ${step} the diagram shows what the scenario is about`, async ({
    page,
  }) => {
    const noErrors = watchErrors(page);
    await open(page, id, step);
    await expect(object(page, label)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}${id}-${String(step).padStart(2, '0')}.png` });
    await page.getByRole('button', { name: 'Restart' }).click();
    const total = Number((await page.getByText(/^Step 0 of \d+$/).textContent())?.match(/of (\d+)/)?.[1]);
    const forward = page.getByRole('button', { name: 'Step forward' });
    for (let i = 1; i <= total; i++) {
      await forward.click();
      await expect(page.getByText(`Step ${i} of ${total}`)).toBeVisible();
    }
    // A server that waits for its next client ends asleep; everything else ends when all exit.
    await expect(page.getByRole('region', { name: 'Narration' })).toContainText(/run is over|run ends here/);
    await page.screenshot({ path: `${SCREENSHOTS}${id}-end.png` });
    noErrors();
  });
}

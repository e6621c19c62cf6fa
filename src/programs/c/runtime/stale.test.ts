/**
 * stat() of a socket file as an APUE-style server checks it (serv_accept): a socket, mode
 * rwx------ after the client's chmod, and times no older than 30 seconds on the clock time()
 * reads. The expected text is what fixtures/probes/c/stale.c printed when built with gcc 12 and
 * run on Linux 6.18 (`fixtures/probes/c/run.sh stale`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const STALE = `accepted 1, is socket 1, mode 700, nlink 1, uid 0
recent: atime 1 mtime 1 ctime 1
ctime >= mtime 1, nsec in range 1
dir is dir 1 nlink>=2 1
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/stale.c', import.meta.url), 'utf8');

describe('stat of a socket file, as an APUE server checks it', () => {
  it("a client's fresh socket file is recent by time(), and a directory has two or more links", () => {
    expect(runC(source)).toMatchObject({ stdout: STALE, exit: 0 });
  });
});

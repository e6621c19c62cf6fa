/**
 * <err.h> and assert() as glibc writes them: the program named by argv[0] after its last slash.
 * The expected text is what fixtures/probes/c/err.c printed when built with gcc 12 and run on
 * Linux 6.18 as /some/dir/err (`fixtures/probes/c/run.sh err`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const source = readFileSync(new URL('../../../../fixtures/probes/c/err.c', import.meta.url), 'utf8');
const run = (...args: string[]) => runC(source, { argv: ['/tmp/probes/err', ...args] });

const WARNINGS = `err: connect /tmp/x.sock: No such file or directory
err: No such file or directory
err: plain 42
err: 
`;

describe('err.h and assert, as glibc', () => {
  it('warn adds strerror(errno), warnx does not, each after "err: "', () => {
    expect(run().stderr.startsWith(WARNINGS)).toBe(true);
  });

  it('err prints then exits with its status', () => {
    expect(run()).toMatchObject({ stderr: `${WARNINGS}err: write: Broken pipe\n`, exit: 2, signal: null });
  });

  it('errx prints its message alone then exits with its status', () => {
    expect(run('zz')).toMatchObject({ stderr: `${WARNINGS}err: bad argument 'zz'\n`, exit: 3 });
  });

  it('a failed assert names the program the same way, then aborts', () => {
    // runC compiles the probe as prog.c; gcc compiled it as err.c.
    expect(run('a', 'b')).toMatchObject({
      stderr: `${WARNINGS}err: prog.c:15: main: Assertion \`argc == 1' failed.\n`,
      signal: 'SIGABRT',
    });
  });
});

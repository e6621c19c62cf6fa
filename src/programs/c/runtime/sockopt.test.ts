/**
 * Socket options as Linux keeps them: SO_RCVTIMEO in clock ticks (HZ 250 on the recording
 * kernel, so 250000 us reads back as 252000) and the timeout it gives recv, SO_ERROR, SO_SNDBUF,
 * SO_PASSCRED, SO_ACCEPTCONN, SO_DOMAIN, and the errors of a bad level or option. The expected
 * text is what fixtures/probes/c/sockopt.c printed when built with gcc 12 and run on Linux 6.18
 * (`fixtures/probes/c/run.sh sockopt`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const SOCKOPT = `rcvtimeo 0
got 0.252000 len 16
recv -1 Resource temporarily unavailable after ~300 ms
connect -1 Resource temporarily unavailable
so_error 0
sndbuf 212992
passcred 1
acceptconn 0
domain 1
bad level -1 No such file or directory
bad opt -1 Operation not supported
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/sockopt.c', import.meta.url), 'utf8');

describe('socket options, as on Linux', () => {
  it('SO_RCVTIMEO is rounded up to a 4 ms tick, and recv waits that long before EAGAIN', () => {
    const out = runC(source).stdout;
    expect(lineOf(out, 'got')).toBe('got 0.252000 len 16');
    expect(lineOf(out, 'recv')).toBe('recv -1 Resource temporarily unavailable after ~300 ms');
  });

  it('prints everything as the gcc-built program did', () => {
    expect(runC(source)).toMatchObject({ stdout: SOCKOPT, exit: 0 });
  });
});

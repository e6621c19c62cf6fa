/**
 * setitimer, getitimer and alarm on ITIMER_REAL, as a C program meets them on Linux: a
 * repeating timer, its SIGALRM blocked and ignored, alarm() sharing the timer, the errors and
 * fork. The expected text is what fixtures/probes/c/itimer.c printed when built with gcc 12 and
 * run on Linux 6.18 (glibc 2.36); `fixtures/probes/c/run.sh itimer` measures it again (it takes
 * about two seconds). The probe prints times in milliseconds rounded to 10 (the time since its
 * start to 50), so the real run's small delays do not show; the simulation's times are exact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimProcess } from '../sim';
import { lineOf, runC } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/itimer.c', import.meta.url), 'utf8');

/** itimer.c, measured with gcc on Linux: then killed by SIGALRM. */
const GCC = `at first: value 0 interval 0 (at 0 ms, 0 alarms)
old setting: value 0 interval 0
armed 250 then every 100: value 250 interval 100 (at 0 ms, 0 alarms)
after 4 alarms: value 100 interval 100 (at 550 ms, 4 alarms)
SIGALRM blocked for 350 ms: value 0 interval 100 (at 900 ms, 4 alarms)
unblocked: value 50 interval 100 (at 900 ms, 5 alarms)
SIGALRM ignored for 350 ms: value 0 interval 100 (at 1250 ms, 5 alarms)
alarm(3) after setitimer returns 1
after alarm(3): value 3000 interval 0 (at 1250 ms, 5 alarms)
alarm(0) with 1.3 s left returns 1
alarm(0) with 1.7 s left returns 2
alarm(0) with 1 ms left returns 1
setitimer after alarm(2): old value 2000 interval 0
a zero value disarms, interval and all: value 0 interval 0 (at 1250 ms, 5 alarms)
old setting: value 250 interval 100
a 1 us timer: 1 alarm
it_value.tv_usec 1000000: -1 Invalid argument
it_interval.tv_sec -1: -1 Invalid argument
setitimer(5): -1 Invalid argument
getitimer(5): -1 Invalid argument
getitimer(NULL): -1 Bad address
setitimer from a bad address: -1 Bad address
setitimer to a bad address: -1 Bad address
the timer runs all the same: value 250 interval 100 (at 1250 ms, 6 alarms)
setitimer(NULL): 0 ok
old setting: value 250 interval 100
a NULL value disarms: value 0 interval 0 (at 1250 ms, 6 alarms)
child: value 0 interval 0
parent after fork: value 250 interval 100 (at 1250 ms, 6 alarms)
waiting for SIGALRM with its default action
`;

let ran: SimProcess | undefined;
const run = () => {
  ran ??= runC(PROBE);
  return ran;
};
const out = () => run().stdout;
const same = (...labels: string[]) => {
  for (const label of labels) expect(lineOf(out(), label)).toBe(lineOf(GCC, label));
};

describe('setitimer and getitimer, as on Linux', () => {
  it('start disarmed, return the old setting, and report the time left and the interval', () => {
    same('at', 'old', 'armed');
  });

  it('repeat every interval after the first expiry, running the SIGALRM handler each time', () => {
    same('after');
    expect(lineOf(out(), 'after')).toBe('after 4 alarms: value 100 interval 100 (at 550 ms, 4 alarms)');
  });

  it('hold a repeating timer while SIGALRM is blocked and restart it at the next period after unblocking', () => {
    same('SIGALRM', 'unblocked:');
    expect(lineOf(out(), 'SIGALRM blocked')).toBe(lineOf(GCC, 'SIGALRM blocked'));
  });

  it('stop a repeating timer for good when SIGALRM is ignored', () => {
    expect(out()).toContain('SIGALRM ignored for 350 ms: value 0 interval 100 (at 1250 ms, 5 alarms)\n');
  });

  it('disarm with a zero or NULL value, and fire a timer of 1 microsecond', () => {
    same('a', 'a 1 us');
    expect(out()).toContain('a NULL value disarms: value 0 interval 0 (at 1250 ms, 6 alarms)\n');
  });

  it('fail with EINVAL for a bad time or timer and EFAULT for a bad address, the timer set before', () => {
    const errors = (text: string) => text.split('\n').filter((l) => l.includes(': -1 '));
    expect(errors(out())).toEqual(errors(GCC));
    same('the');
  });

  it('are not inherited by a child, and a default SIGALRM kills the process', () => {
    same('child:', 'parent');
    expect(out()).toBe(GCC);
    expect(run()).toMatchObject({ signal: 'SIGALRM', exit: null, stderr: '' });
  });
});

describe('alarm shares the timer, as on Linux', () => {
  it('returns the seconds left of a setitimer timer, rounded and never 0, and clears the interval', () => {
    const lines = (text: string) => text.split('\n').filter((l) => l.startsWith('alarm'));
    expect(lines(out())).toEqual(lines(GCC));
    same('after alarm(3):');
  });

  it('sets a timer that setitimer reports as the old setting', () => {
    same('setitimer after alarm(2):');
  });
});

describe('the CPU-time timers (simplified)', () => {
  it('reads ITIMER_VIRTUAL and ITIMER_PROF as disarmed and fails to start them with EINVAL', () => {
    // Not measured: on Linux they count the process's CPU time, which the model's processes do
    // not take, so the model does not have them (see src/engine/itimer.ts).
    const p = runC(`#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
int main(void)
{
    struct itimerval v = {{0, 0}, {1, 0}}, z = {{0, 0}, {0, 0}}, g;
    int r = getitimer(ITIMER_PROF, &g);
    printf("getitimer %d %ld, ", r, (long)g.it_value.tv_sec);
    r = setitimer(ITIMER_VIRTUAL, &z, NULL);
    printf("disarm %d, ", r);
    r = setitimer(ITIMER_VIRTUAL, &v, NULL);
    printf("arm %d %s\\n", r, strerror(errno));
    return 0;
}
`);
    expect(p.stdout).toBe('getitimer 0 0, disarm 0, arm -1 Invalid argument\n');
  });
});

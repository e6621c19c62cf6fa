/**
 * A call that sleeps keeps the blocking mode and timeout it started with: the kernel works
 * timeo out once, on entry (sock_rcvtimeo, sock_sndtimeo), so O_NONBLOCK or SO_RCVTIMEO set on
 * the shared file while a process sleeps does not change that process's wait. Checked on
 * Linux 6.18 with two forked readers (or acceptors) of one socket: the one that loses the race
 * for the only byte goes on sleeping and gets the next.
 */
import { describe, expect, it } from 'vitest';
import { nextDeadline } from './clock';
import { F_SETFL, O_NONBLOCK, SO_RCVTIMEO } from './constants';
import { sys, type World, world } from './testing/world';

/** A parent with a stream socketpair and two children asleep reading its first end. */
function twoSleepingReaders(w: World): { parent: number; kids: [number, number]; a: number; b: number } {
  const parent = w.proc('parent');
  const [a, b] = w.pair(parent, 'stream');
  const kids: [number, number] = [w.fork(parent), w.fork(parent)];
  for (const kid of kids) expect(w.call(kid, sys.read(a, 8)).kind).toBe('blocked');
  return { parent, kids, a, b };
}

describe('a sleeping call keeps the blocking mode it started with', () => {
  it('a reader that loses the race goes on sleeping after O_NONBLOCK is set on the shared file', () => {
    const w = world();
    const { parent, kids, a, b } = twoSleepingReaders(w);
    w.ok(parent, sys.fcntl(a, F_SETFL, O_NONBLOCK));
    w.ok(parent, sys.write(b, 'x'));
    expect(w.retry(kids[0])).toMatchObject({ kind: 'done', ret: 1, text: 'x' });
    expect(w.retry(kids[1]).kind).toBe('blocked');
    w.ok(parent, sys.write(b, 'y'));
    expect(w.retry(kids[1])).toMatchObject({ kind: 'done', ret: 1, text: 'y' });
  });

  it('a reader that slept with no timeout gets none when SO_RCVTIMEO is set meanwhile', () => {
    const w = world();
    const { parent, kids, a, b } = twoSleepingReaders(w);
    w.ok(parent, sys.setsockopt(a, SO_RCVTIMEO, { ms: 100 }));
    w.ok(parent, sys.write(b, 'x'));
    expect(w.retry(kids[0])).toMatchObject({ kind: 'done', ret: 1 });
    expect(w.retry(kids[1]).kind).toBe('blocked');
    expect(nextDeadline(w.k)).toBeNull();
  });

  it('an acceptor that loses the race goes on sleeping after O_NONBLOCK is set on the listener', () => {
    const w = world();
    const parent = w.proc('parent');
    const lfd = w.listener(parent, '/tmp/srv', 4);
    const kids = [w.fork(parent), w.fork(parent)];
    for (const kid of kids) expect(w.call(kid, sys.accept(lfd, null)).kind).toBe('blocked');
    w.ok(parent, sys.fcntl(lfd, F_SETFL, O_NONBLOCK));
    w.connectTo(parent, '/tmp/srv');
    expect(w.retry(kids[0])).toMatchObject({ kind: 'done', errno: null });
    expect(w.retry(kids[1]).kind).toBe('blocked');
    w.connectTo(parent, '/tmp/srv');
    expect(w.retry(kids[1])).toMatchObject({ kind: 'done', errno: null });
  });
});

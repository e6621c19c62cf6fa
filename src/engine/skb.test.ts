import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MSG_DONTWAIT, SIOCINQ, SIOCOUTQ, SO_SNDBUF, SOCK_NONBLOCK } from './constants';
import { errnoFromNumber } from './errno';
import { dgramTruesize, streamSkbLayout } from './skb';
import { eventsOf, filler, sys, world } from './testing/world';
import type { SockType } from './types';

/** One line of fixtures/probes/truesize.jsonl: a fresh socketpair, one send, then SIOCOUTQ and SIOCINQ. */
interface Probe {
  type: SockType;
  sndbuf_set: number;
  len: number;
  ret: number;
  errno: number;
  outq: number;
  inq: number;
}

const PROBES: Probe[] = readFileSync(join(__dirname, '../../fixtures/probes/truesize.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

describe('skb truesize against the real kernel (fixtures/probes/truesize.jsonl)', () => {
  it('has the 288 probe lines truesize.c prints', () => {
    expect(PROBES).toHaveLength(288);
  });

  it.each(PROBES.map((p) => [p.type, p.len, p.sndbuf_set, p] as const))(
    '%s send of %i bytes with SO_SNDBUF set to %i charges what Linux charges',
    (type, len, sndbuf, probe) => {
      const w = world();
      const p = w.proc('probe');
      const [tx, rx] = w.pair(p, type, SOCK_NONBLOCK);
      if (sndbuf) w.ok(p, sys.setsockopt(tx, SO_SNDBUF, sndbuf));
      const r = w.call(p, sys.send(tx, filler(len), MSG_DONTWAIT));
      const measured = {
        ret: r.ret,
        errno: r.errno,
        outq: w.ok(p, sys.ioctl(tx, SIOCOUTQ)).value,
        inq: w.ok(p, sys.ioctl(rx, SIOCINQ)).value,
      };
      expect(measured).toEqual({
        ret: probe.ret,
        errno: probe.errno === 0 ? null : errnoFromNumber(probe.errno),
        outq: probe.outq,
        inq: probe.inq,
      });
    },
  );
});

describe('skb sizes', () => {
  it.each([
    [1, 768],
    [64, 768],
    [1024, 2304],
    [4096, 4864],
    [36544, 37120],
  ])('charges a stream skb of %i bytes %i bytes of truesize', (len, truesize) => {
    expect(streamSkbLayout(212992, len)).toEqual({ size: len, truesize });
  });

  it('caps a stream skb at 36544 bytes: 3776 linear plus 32 KiB of page fragments', () => {
    expect(streamSkbLayout(212992, 1 << 20).size).toBe(36544);
    expect(streamSkbLayout(8192, 1 << 20).size).toBe(8192 / 2 - 64);
  });

  it('charges 69888 bytes for a 64 KiB datagram', () => {
    expect(dgramTruesize(65536)).toBe(69888);
  });
});

describe('SIOCOUTQ and SIOCINQ', () => {
  it('reports charged truesize, not payload: 768 after a 5-byte write, while SIOCINQ shows 5', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    w.ok(p, sys.write(a, 'hello'));
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(768);
    expect(w.ok(p, sys.ioctl(b, SIOCINQ)).value).toBe(5);
  });

  it('reports 213504 after the 278 one-byte writes that fill the default buffer', () => {
    const w = world();
    const p = w.proc('app');
    const [a] = w.pair(p, 'stream', SOCK_NONBLOCK);
    for (let i = 0; i < 278; i++) w.ok(p, sys.write(a, 'x'));
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(213504);
  });

  it('drops SIOCOUTQ only when a whole skb has been read', () => {
    const w = world();
    const p = w.proc('app');
    const [a, b] = w.pair(p, 'stream');
    w.ok(p, sys.write(a, 'hello'));
    w.ok(p, sys.write(a, 'world'));
    const partial = w.call(p, sys.read(b, 3));
    expect(eventsOf(partial, 'skb.consumed')).toEqual([expect.objectContaining({ bytes: 3, whole: false })]);
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(2 * 768);
    expect(w.ok(p, sys.ioctl(b, SIOCINQ)).value).toBe(7);
    w.ok(p, sys.read(b, 2));
    expect(w.ok(p, sys.ioctl(a, SIOCOUTQ)).value).toBe(768);
  });

  it('gives EINVAL for SIOCINQ on a listener', () => {
    const w = world();
    const p = w.proc('app');
    const lfd = w.listener(p, '/tmp/srv', 1);
    expect(w.call(p, sys.ioctl(lfd, SIOCINQ)).errno).toBe('EINVAL');
  });
});

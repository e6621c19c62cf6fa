/**
 * SA_RESTART: which interrupted calls restart after their handler, as probed on Linux 6.18
 * (fixtures/probes/restart.c, whose output is fixtures/probes/restart.jsonl).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLLIN, SO_RCVTIMEO } from './constants';
import { connection, sys, world } from './testing/world';

const SIGALRM = 14;
const probe = readFileSync(new URL('../../fixtures/probes/restart.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { call: string; sa_restart: number; ret: number; errno: string });
const linux = (call: string, restart: number) =>
  probe.find((p) => p.call === call && p.sa_restart === restart);

describe('SA_RESTART', () => {
  it('restarts a stream read interrupted by a handler installed with SA_RESTART', () => {
    expect(linux('read stream', 1)?.ret).toBe(1);
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGALRM, 'handler', true));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    w.ok(w.proc('sender'), sys.kill(server, SIGALRM));
    const r = w.retry(server);
    expect(r.result).toMatchObject({ ret: -1, errno: 'EINTR', restart: true, handlers: [SIGALRM] });
  });

  it('fails the read with EINTR when the handler has no SA_RESTART', () => {
    expect(linux('read stream', 0)?.errno).toBe('EINTR');
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGALRM, 'handler', false));
    w.call(server, sys.read(sfd, 10));
    w.ok(w.proc('sender'), sys.kill(server, SIGALRM));
    const r = w.retry(server);
    expect(r.result?.errno).toBe('EINTR');
    expect(r.result?.restart).toBeUndefined();
  });

  it('never restarts poll, even with SA_RESTART', () => {
    expect(linux('poll', 1)?.errno).toBe('EINTR');
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGALRM, 'handler', true));
    expect(w.call(server, sys.poll(sfd, POLLIN, 5000)).kind).toBe('blocked');
    w.ok(w.proc('sender'), sys.kill(server, SIGALRM));
    const r = w.retry(server);
    expect(r.result?.errno).toBe('EINTR');
    expect(r.result?.restart).toBeUndefined();
  });

  it('does not restart a receive on a socket with SO_RCVTIMEO set', () => {
    expect(linux('recv stream with SO_RCVTIMEO', 1)?.errno).toBe('EINTR');
    const w = world();
    const { server, sfd } = connection(w);
    w.ok(server, sys.sigaction(SIGALRM, 'handler', true));
    w.ok(server, sys.setsockopt(sfd, SO_RCVTIMEO, { ms: 1000 }));
    expect(w.call(server, sys.read(sfd, 10)).kind).toBe('blocked');
    w.ok(w.proc('sender'), sys.kill(server, SIGALRM));
    const r = w.retry(server);
    expect(r.result?.errno).toBe('EINTR');
    expect(r.result?.restart).toBeUndefined();
  });

  it('restarts accept with SA_RESTART', () => {
    expect(linux('accept', 1)?.ret).toBeGreaterThan(0);
    const w = world();
    const server = w.proc('server');
    const lfd = w.listener(server, '/tmp/s');
    w.ok(server, sys.sigaction(SIGALRM, 'handler', true));
    expect(w.call(server, sys.accept(lfd, null)).kind).toBe('blocked');
    w.ok(w.proc('sender'), sys.kill(server, SIGALRM));
    expect(w.retry(server).result).toMatchObject({ errno: 'EINTR', restart: true });
  });
});

/** Narration: every step of every scenario is explained, and the explanations say why. */
import { describe, expect, it } from 'vitest';
import { LIBRARY, runLibrary } from './library';

const narrationOf = (id: string) => {
  const run = runLibrary(id);
  return run.steps.map((s, i) => ({
    call: s.call?.name,
    errno: s.result?.errno,
    text: run.narration[i].text,
    man: run.narration[i].man,
  }));
};

describe('narration', () => {
  for (const s of LIBRARY) {
    it(`${s.id}: every step has one or two plain sentences and a manual page for each call`, () => {
      for (const n of narrationOf(s.id)) {
        expect(n.text.length).toBeGreaterThan(20);
        expect(n.text).toMatch(/[.)]$/);
        expect(n.text.split(/[.!?] /).length).toBeLessThanOrEqual(3);
        if (n.call)
          expect(n.man?.url).toMatch(/^https:\/\/man7\.org\/linux\/man-pages\/man\d\/[a-z_]+\.\d\.html$/);
      }
    });
  }

  it('connect() errors say what was at the path', () => {
    const steps = narrationOf('connect-errors').filter((n) => n.call === 'connect');
    expect(steps[0].text).toContain('ENOENT: nothing exists at /tmp/nobody.sock');
    expect(steps[1].text).toContain('ECONNREFUSED: /tmp/quiet.sock exists, but no socket is listening on it');
    expect(steps[2].text).toContain('EPROTOTYPE');
  });

  it('listen() gives the number of connections that can wait: the backlog plus one', () => {
    expect(narrationOf('backlog-full').find((n) => n.call === 'listen')?.text).toContain(
      'up to 2 connections can wait',
    );
  });

  it('a broken pipe names EPIPE, SIGPIPE and who it killed, and points to signal(7)', () => {
    const w = narrationOf('broken-pipe').find((n) => n.call === 'write' && n.errno === 'EPIPE');
    expect(w?.text).toMatch(/EPIPE.*SIGPIPE.*killed client/);
    expect(w?.man?.title).toBe('signal(7)');
  });

  it('a peek says the bytes stay queued; end of file says so', () => {
    expect(narrationOf('peek').find((n) => n.call === 'recv')?.text).toContain('left them in the queue');
    const eof = narrationOf('stream-echo')
      .filter((n) => n.call === 'read')
      .pop();
    expect(eof?.text).toContain('end of file');
  });

  it('a stream read that merged writes says that streams keep no write boundaries', () => {
    expect(narrationOf('datagram').find((n) => n.call === 'read')?.text).toContain(
      'does not keep write boundaries',
    );
  });
});

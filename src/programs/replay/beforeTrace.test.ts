/**
 * What existed before a trace began: descriptors inherited from whatever started the program,
 * and directories whose modes only a stat shows. Each is explained, not reported as a
 * difference, and the model still catches a descriptor it really did close. The line forms are
 * those of a python3 started through a pyenv shell shim (bash) under strace -f on this machine.
 */
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../strace/parseTrace';
import { replayLines } from './replay';

const replay = (text: string) => replayLines(parseTrace(text).lines);
const differences = (text: string) =>
  replay(text).divergences.map((d) => `${d.call}: ${d.detail.join('; ')}`);

describe('descriptors open before the trace began', () => {
  it('F_DUPFD returning 11 for a minimum of 10 means fd 10 was already open', () => {
    const r = replay(
      '100 fcntl(2, F_DUPFD, 10)             = 11\n100 exit_group(0) = ?\n100 +++ exited with 0 +++\n',
    );
    expect(r.differ).toBe(0);
    expect(r.outsideActions.map((a) => a.what)).toContain('fd 10 was open before the trace began');
  });

  it('a socket() above the lowest free descriptor means the ones below were open', () => {
    const r = replay('100 socket(AF_UNIX, SOCK_STREAM, 0) = 5\n100 close(5) = 0\n');
    expect(r.differ).toBe(0);
    expect(r.outsideActions.map((a) => a.what)).toContain('fds 3 to 4 were open before the trace began');
  });

  it('a descriptor the trace closed is not explained away: the model says fd 3 is free', () => {
    const text = [
      '100 socket(AF_UNIX, SOCK_STREAM, 0) = 3',
      '100 close(3)                           = 0',
      '100 socket(AF_UNIX, SOCK_STREAM, 0) = 4',
      '',
    ].join('\n');
    expect(differences(text)).toEqual(['socket(1, 1, 0): returned 3, recorded 4']);
  });
});

describe('files the model holds as opaque', () => {
  it('F_GETFL on a file openat opened keeps its recorded flags (the model does not know them)', () => {
    const text = [
      '100 openat(AT_FDCWD, "/usr/bin/pyenv-shim", O_RDONLY) = 3',
      '100 dup2(3, 255)                      = 255',
      '100 fcntl(255, F_GETFL)               = 0x8000 (flags O_RDONLY|O_LARGEFILE)',
      '',
    ].join('\n');
    expect(differences(text)).toEqual([]);
  });

  it('F_GETFL on a socket is still compared', () => {
    const text = [
      '100 socket(AF_UNIX, SOCK_STREAM|SOCK_NONBLOCK, 0) = 3',
      '100 fcntl(3, F_GETFL)                 = 0x2 (flags O_RDWR)',
      '',
    ].join('\n');
    expect(differences(text).length).toBe(1);
  });
});

describe('directories that existed before the trace began', () => {
  it('a directory first seen as the parent of a path takes the mode a later stat shows', () => {
    const text = [
      '100 socket(AF_UNIX, SOCK_STREAM, 0) = 3',
      '100 bind(3, {sa_family=AF_UNIX, sun_path="/root/run/app.sock"}, 110) = 0',
      '100 stat("/root", {st_mode=S_IFDIR|0700, st_size=4096, ...}) = 0',
      '100 stat("/root", {st_mode=S_IFDIR|0700, st_size=4096, ...}) = 0',
      '',
    ].join('\n');
    const r = replay(text);
    expect(r.divergences).toEqual([]);
    expect(r.outsideActions.map((a) => a.what)).toContain(
      '/root existed before the trace began, with mode 0700',
    );
  });

  it('a directory the trace made with mkdir keeps the mode the model gave it', () => {
    const text = [
      '100 umask(022) = 022',
      '100 mkdir("/tmp/d", 0755) = 0',
      '100 stat("/tmp/d", {st_mode=S_IFDIR|0700, st_size=4096, ...}) = 0',
      '',
    ].join('\n');
    expect(differences(text)).toEqual(['stat(/tmp/d): st_mode 040755, recorded 040700']);
  });
});

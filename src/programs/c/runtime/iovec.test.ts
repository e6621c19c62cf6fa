/**
 * Scatter/gather and ancillary data as a C program meets them on Linux: writev and readv,
 * recvmsg's MSG_TRUNC, descriptors passed into too small a control buffer (MSG_CTRUNC), and the
 * errors of calls made on the wrong kind of socket. The expected text is what
 * fixtures/probes/c/iovec.c printed when built with gcc 12 and run on Linux 6.18
 * (`fixtures/probes/c/run.sh iovec`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineOf, runC } from '../testing';

const IOVEC = `writev 5 
readv 5 
got ab cde
recvmsg 4 flags trunc 1
recv MSG_TRUNC 10
sendmsg 1 
recvmsg 1 ctrunc 1 controllen 24 first fd 7 len 24
next free fd 9
SO_TYPE 5
socket type 7 -1 Socket type not supported
bind full path 0 
bind len too big -1 Invalid argument
unlink the 108-byte name 0 
shutdown bad how -1 Invalid argument
listen dgram -1 Operation not supported
accept on pair -1 Invalid argument
send on closed fd -1 Bad file descriptor
recv on pipe -1 Socket operation on non-socket
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/iovec.c', import.meta.url), 'utf8');

describe('iovecs and control messages, as on Linux', () => {
  const out = () => runC(source).stdout;

  it('writev sends its buffers as one message, and readv spreads it over its buffers', () => {
    expect(out().split('\n').slice(0, 3)).toEqual(['writev 5 ', 'readv 5 ', 'got ab cde']);
  });

  it('three descriptors into room for one: MSG_CTRUNC, the first installed, the others closed', () => {
    expect(lineOf(out(), 'recvmsg 1')).toBe('recvmsg 1 ctrunc 1 controllen 24 first fd 7 len 24');
    expect(lineOf(out(), 'next free fd')).toBe('next free fd 9');
  });

  it('prints everything as the gcc-built program did', () => {
    expect(runC(source)).toMatchObject({ stdout: IOVEC, exit: 0 });
  });
});

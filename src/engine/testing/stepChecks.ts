/**
 * Checks a property test makes after each step, on top of checkInvariants: rules about the
 * kernel's bookkeeping that the invariants do not cover, and rules every result of a call
 * must follow whatever the program did. Each returns the broken rules in words.
 */
import { MSG_DONTWAIT, MSG_TRUNC } from '../constants';
import { isErrno } from '../errno';
import type { Machine, StepRecord } from '../machine';
import type { Kernel, UnixSock } from '../types';

/**
 * Sleepers have a sleep record; every socket a descriptor reaches is in the socket table, and
 * every socket in the table is held by something: a descriptor, an SCM_RIGHTS message in
 * flight, or a listener's queue (as an embryo).
 */
export function kernelProblems(k: Kernel): string[] {
  const out: string[] = [];
  const held = new Set<UnixSock>();
  for (const p of k.procs.values()) {
    if (p.state === 'sleeping' && !p.sleep) out.push(`process ${p.pid} is asleep with no sleep record`);
    p.files.fds.forEach((e, fd) => {
      const sock = e?.file.sock;
      if (!sock) return;
      held.add(sock);
      if (k.socks.get(sock.id) !== sock)
        out.push(`fd ${fd} of process ${p.pid} holds socket ${sock.id}, which is not in the socket table`);
    });
  }
  for (const s of k.socks.values()) {
    for (const skb of s.receiveQueue) {
      for (const f of skb.fds ?? []) if (f.sock) held.add(f.sock);
      if (skb.embryo) held.add(skb.embryo);
    }
  }
  for (const s of k.socks.values()) {
    if (!held.has(s)) out.push(`socket ${s.id} is in the socket table but nothing holds it`);
  }
  return out;
}

const READS = new Set(['read', 'recv', 'recvfrom', 'recvmsg']);
const SENDS = new Set(['write', 'send', 'sendto', 'sendmsg']);
const NEW_FD = new Set(['socket', 'accept', 'accept4', 'dup']);

/**
 * What a step's result must look like: ret >= 0 with no errno, or -1 with an errno name; a read
 * returns the bytes it counts, no more than asked; a new descriptor is the lowest free one; a
 * call that may not block (O_NONBLOCK, MSG_DONTWAIT, poll with timeout 0) never sleeps on its
 * first try; and a call that sleeps leaves its process asleep.
 */
export function stepProblems(m: Machine, s: StepRecord): string[] {
  const out: string[] = [];
  const call = s.call;
  const r = s.result;
  const p = m.kernel.procs.get(s.pid);
  if (!call || !p) return out;
  if (s.outcome === 'blocked' && p.state !== 'sleeping')
    out.push(`${call.name} blocked but the process is ${p.state}`);
  if (!r) {
    if (s.outcome !== 'blocked') out.push(`${call.name} finished without a result`);
  } else if (r.errno === null) {
    if (r.ret < 0) out.push(`${call.name} returned ${r.ret} without an errno`);
  } else if (r.ret !== -1 || !isErrno(r.errno)) {
    out.push(`${call.name} returned ${r.ret} with errno ${r.errno}`);
  }
  const alive = p.state === 'runnable' || p.state === 'sleeping';
  if (r && r.ret >= 0 && READS.has(call.name) && 'len' in call) {
    const flags = 'flags' in call ? call.flags : 0;
    if (!r.data) out.push(`${call.name} returned ${r.ret} but no data`);
    else if (r.data.length > call.len) out.push(`${call.name} of ${call.len} bytes gave ${r.data.length}`);
    else if (!(flags & MSG_TRUNC) && r.data.length !== r.ret)
      out.push(`${call.name} returned ${r.ret} with ${r.data.length} bytes of data`);
  }
  if (r && r.ret >= 0 && NEW_FD.has(call.name) && alive) {
    const free = p.files.fds.findIndex((e, fd) => fd < r.ret && !e);
    if (free >= 0) out.push(`${call.name} returned fd ${r.ret} while fd ${free} was free`);
  }
  if (s.outcome === 'blocked' && !s.resumed) {
    const file = 'fd' in call ? p.files.fds[call.fd]?.file : undefined;
    const msg = READS.has(call.name) || SENDS.has(call.name);
    const flags = msg && 'flags' in call ? call.flags : 0;
    if (file?.nonblock) out.push(`${call.name} on nonblocking fd ${'fd' in call ? call.fd : ''} slept`);
    if (flags & MSG_DONTWAIT) out.push(`${call.name} with MSG_DONTWAIT slept`);
    if (call.name === 'poll' && call.timeoutMs === 0) out.push('poll with timeout 0 slept');
  }
  return out;
}

/**
 * Invariants the kernel model keeps after every step. Tests check them after each call; a
 * violation means a bug in the engine, never in the program being run.
 */
import { skbLen } from './skb';
import type { FdTable, Kernel, OpenFile, SkBuff, UnixSock } from './types';

/** Every broken invariant, in words (empty when all hold). */
export function checkInvariants(k: Kernel): string[] {
  const problems: string[] = [];
  const refs = new Map<OpenFile, number>();
  const tables = new Set<FdTable>();
  for (const p of k.procs.values()) {
    if (p.state === 'sleeping' && !p.sleep) problems.push(`process ${p.pid} sleeps without a wait channel`);
    if (p.state !== 'sleeping' && p.sleep)
      problems.push(`process ${p.pid} is ${p.state} but has a wait channel`);
    if ((p.state === 'zombie' || p.state === 'dead') && p.files.users === 0 && p.files.fds.some(Boolean)) {
      problems.push(`process ${p.pid} has exited but still holds descriptors`);
    }
    if (tables.has(p.files)) continue;
    tables.add(p.files);
    p.files.fds.forEach((e, fd) => {
      if (!e) return;
      const f = e.file;
      refs.set(f, (refs.get(f) ?? 0) + 1);
      if (f.refs <= 0) problems.push(`fd ${fd} of process ${p.pid} points to a released file`);
      if (f.sock && (f.sock.dead || f.sock.file !== f))
        problems.push(`fd ${fd} of process ${p.pid} points to a dead socket`);
    });
  }
  let queued = 0;
  const charged = new Map<UnixSock, number>();
  const countSkb = (sock: UnixSock, skb: SkBuff) => {
    queued += skbLen(skb);
    if (skb.owner) charged.set(skb.owner, (charged.get(skb.owner) ?? 0) + skb.truesize);
    for (const f of skb.fds ?? []) refs.set(f, (refs.get(f) ?? 0) + 1);
    if (skb.embryo && sock.state !== 'TCP_LISTEN')
      problems.push(`socket ${sock.id} holds a connection but is not listening`);
    if (!skb.embryo && sock.state === 'TCP_LISTEN') problems.push(`listener ${sock.id} holds data`);
  };
  for (const sock of k.socks.values()) {
    if (sock.dead) problems.push(`released socket ${sock.id} is still in the socket table`);
    for (const skb of sock.receiveQueue) countSkb(sock, skb);
    if (sock.state === 'TCP_ESTABLISHED' && sock.type !== 'dgram') {
      const peer = sock.peer;
      if (!peer) problems.push(`connected socket ${sock.id} has no peer`);
      else if (peer.peer !== sock && !peer.dead)
        problems.push(`socket ${sock.id} and its peer ${peer.id} do not point at each other`);
    }
  }
  for (const [file, n] of refs) {
    if (file.refs !== n)
      problems.push(`file ${file.id} (${file.label}) has ${file.refs} references but ${n} holders`);
  }
  for (const sock of k.socks.values()) {
    const c = charged.get(sock) ?? 0;
    if (sock.wmemAlloc !== c)
      problems.push(`socket ${sock.id} is charged ${sock.wmemAlloc} bytes but owns skbs of ${c}`);
  }
  let discarded = 0;
  for (const v of Object.values(k.discarded)) discarded += v;
  if (k.bytesQueued !== k.bytesRead + queued + discarded) {
    problems.push(
      `bytes are not conserved: ${k.bytesQueued} written != ${k.bytesRead} read + ${queued} queued + ${discarded} discarded`,
    );
  }
  return problems;
}

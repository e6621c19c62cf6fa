/**
 * shutdown(): closes one or both directions. On a connected stream or seqpacket socket the
 * peer gets the mirror image (SHUT_WR here is RCV_SHUTDOWN there). Mirrors unix_shutdown().
 */
import { RCV_SHUTDOWN, SEND_SHUTDOWN } from './constants';
import { emit } from './kernel';
import { err, ok } from './result';
import { isConnectionBased } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, UnixSock } from './types';
import { sk_state_change } from './wait';

function howName(mode: number): 'read' | 'write' | 'both' {
  return mode === RCV_SHUTDOWN ? 'read' : mode === SEND_SHUTDOWN ? 'write' : 'both';
}

/**
 * shutdown(fd, how): how outside 0..2 is EINVAL; anything else returns 0, even on an
 * unconnected socket or a listener (Linux never gives ENOTCONN here).
 */
export function unix_shutdown(k: Kernel, sk: UnixSock, how: number): SysResult {
  if (how < 0 || how > 2) return err('EINVAL');
  const mode = how + 1;
  sk.shutdown |= mode;
  emit(k, { type: 'sock.shutdown', sock: sk.id, how: howName(mode), byPeer: false });
  const other = sk.peer;
  sk_state_change(k, sk);
  if (other && isConnectionBased(sk.type)) {
    let peerMode = 0;
    if (mode & RCV_SHUTDOWN) peerMode |= SEND_SHUTDOWN;
    if (mode & SEND_SHUTDOWN) peerMode |= RCV_SHUTDOWN;
    other.shutdown |= peerMode;
    emit(k, { type: 'sock.shutdown', sock: other.id, how: howName(peerMode), byPeer: true });
    sk_state_change(k, other);
  }
  return ok();
}

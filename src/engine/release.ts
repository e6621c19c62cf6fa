/**
 * Releasing a socket when its last file reference goes: the peer learns (EOF, or ECONNRESET
 * when data was left unread), a listener's pending connections are reset, and the name is
 * freed (a socket file stays in the filesystem). Mirrors unix_release_sock().
 */
import { abstractKey } from './address';
import { SHUTDOWN_MASK } from './constants';
import { emit } from './kernel';
import { discardSkb } from './skb';
import { isConnectionBased, setState } from './sock';
import type { Kernel, UnixSock } from './types';
import { sk_state_change, wakePeerWait } from './wait';

/**
 * Releases a socket. `embrion` is true for an embryo thrown away with its listener: its client
 * then sees ECONNRESET even with nothing unread.
 */
export function unix_release_sock(k: Kernel, sk: UnixSock, embrion: boolean): void {
  if (sk.dead) return;
  if (sk.addr?.kind === 'abstract' && k.abstract.get(abstractKey(sk.type, sk.addr.text)) === sk) {
    k.abstract.delete(abstractKey(sk.type, sk.addr.text));
  }
  if (sk.node && sk.node.sock === sk) sk.node.sock = null;
  sk.dead = true;
  sk.shutdown = SHUTDOWN_MASK;
  const state = sk.state;
  setState(k, sk, 'TCP_CLOSE');
  const skpair = sk.peer;
  sk.peer = null;
  sk.oobSkb = null;
  emit(k, { type: 'sock.released', sock: sk.id });
  wakePeerWait(k, sk);
  sk_state_change(k, sk);
  if (skpair) {
    if (isConnectionBased(sk.type)) {
      skpair.shutdown = SHUTDOWN_MASK;
      emit(k, { type: 'sock.shutdown', sock: skpair.id, how: 'both', byPeer: true });
      if (sk.receiveQueue.length > 0 || embrion) {
        skpair.err = 'ECONNRESET';
        emit(k, { type: 'sock.errorSet', sock: skpair.id, errno: 'ECONNRESET' });
      }
      sk_state_change(k, skpair);
    } else {
      wakePeerWait(k, skpair);
      sk_state_change(k, skpair);
    }
  }
  const queue = sk.receiveQueue.splice(0);
  for (const skb of queue) {
    if (state === 'TCP_LISTEN' && skb.embryo) {
      const client = skb.embryo.peer;
      emit(k, { type: 'conn.reset', listener: sk.id, embryo: skb.embryo.id, client: client ? client.id : 0 });
      unix_release_sock(k, skb.embryo, true);
    }
    discardSkb(k, sk, skb, state === 'TCP_LISTEN' ? 'pending connection reset' : 'unread data at close');
  }
  k.socks.delete(sk.id);
}

/**
 * listen(): turns a bound stream or seqpacket socket into a listener whose receive queue
 * holds pending connections. Mirrors __sys_listen() and unix_listen().
 */
import { emit } from './kernel';
import { listenBacklog } from './profiles';
import { err, ok } from './result';
import { credOf, setState } from './sock';
import type { SysResult } from './syscalls';
import type { Kernel, Process, UnixSock } from './types';
import { wakePeerWait } from './wait';

/**
 * listen(fd, backlog). The backlog is clamped to somaxconn as an unsigned value, so -1 means
 * somaxconn (on 4.3BSD a negative backlog means 0: see listenBacklog). Datagram sockets:
 * EOPNOTSUPP. Unbound or connected sockets: EINVAL (Linux does not autobind here). A second
 * listen changes the backlog at once; growing it wakes blocked connects.
 */
export function unix_listen(k: Kernel, p: Process, sock: UnixSock, backlogArg: number): SysResult {
  const backlog = listenBacklog(k.config, backlogArg);
  if (sock.type === 'dgram') return err('EOPNOTSUPP');
  if (!sock.addr) return err('EINVAL');
  if (sock.state !== 'TCP_CLOSE' && sock.state !== 'TCP_LISTEN') return err('EINVAL');
  const grew = backlog > sock.maxAckBacklog;
  sock.maxAckBacklog = backlog;
  setState(k, sock, 'TCP_LISTEN');
  sock.peercred = credOf(p);
  emit(k, { type: 'sock.listening', sock: sock.id, backlog });
  if (grew) wakePeerWait(k, sock);
  return ok();
}

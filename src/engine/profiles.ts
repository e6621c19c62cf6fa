/**
 * Kernel profiles: Linux (the default, checked against the real kernel) and 4.3BSD, read from
 * the 4.3BSD release sources (SCCS 7.1, June 1986) that the tutorial-era documentation describes.
 * Each rule here says which source lines it follows; the operations ask here where they differ.
 */
import { BSD43_DEFAULTS, LINUX_DEFAULTS } from './kernel';
import type { Kernel, KernelConfig, KernelProfile, UnixSock } from './types';

/** Every tunable of a profile, ready for `createKernel(profileConfig('4.3bsd'))`. */
export function profileConfig(profile: KernelProfile): KernelConfig {
  return { ...(profile === '4.3bsd' ? BSD43_DEFAULTS : LINUX_DEFAULTS) };
}

/** Whether the kernel follows 4.3BSD's rules rather than Linux's. */
export function isBsd43(k: Kernel): boolean {
  return k.config.profile === '4.3bsd';
}

/**
 * The backlog listen(fd, backlog) records. Linux (__sys_listen): the argument read as unsigned
 * and capped at somaxconn, so -1 means somaxconn. 4.3BSD mirrors solisten() in
 * sys/uipc_socket.c: `if (backlog < 0) backlog = 0;` then
 * `so->so_qlimit = MIN(backlog, SOMAXCONN);`, so a negative backlog means 0.
 */
export function listenBacklog(config: KernelConfig, backlogArg: number): number {
  if (config.profile === '4.3bsd') return Math.min(Math.max(backlogArg, 0), config.somaxconn);
  return Math.min(backlogArg >>> 0, config.somaxconn);
}

/**
 * How many pending connections a listener with this backlog admits. Linux: backlog + 1, as
 * unix_recvq_full() is a strict `>`. 4.3BSD: floor(3 * backlog / 2) + 1, from sonewconn() (see
 * sonewconnRefuses); 8 for the largest backlog, 5. For labels such as "2 of 8 slots used".
 */
export function backlogCapacity(config: KernelConfig, backlog: number): number {
  if (config.profile === '4.3bsd') return Math.floor((3 * backlog) / 2) + 1;
  return backlog + 1;
}

/**
 * Whether 4.3BSD refuses one more connection to this listener. Mirrors sonewconn() in
 * sys/uipc_socket2.c: `if (head->so_qlen + head->so_q0len > 3 * head->so_qlimit / 2) goto bad;`.
 * A UNIX-domain connection never rests on so_q0 (the incomplete queue): unp_connect2() calls
 * soisconnected(), which moves it to so_q at once, so so_q0len is 0 and so_qlen is the queue.
 */
export function sonewconnRefuses(listener: UnixSock): boolean {
  const soQlen = listener.receiveQueue.length;
  const soQ0len = 0;
  return soQlen + soQ0len > Math.floor((3 * listener.maxAckBacklog) / 2);
}

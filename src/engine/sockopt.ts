/**
 * getsockopt() and setsockopt() at SOL_SOCKET. Mirrors sk_getsockopt()/sk_setsockopt() for the
 * options AF_UNIX programs use: buffer sizes (doubled on set, with minimums), SO_ERROR (read
 * once), SO_PEERCRED, SO_PASSCRED, timeouts.
 */
import {
  OVERFLOW_UID,
  SO_ACCEPTCONN,
  SO_DOMAIN,
  SO_ERROR,
  SO_PASSCRED,
  SO_PEEK_OFF,
  SO_PEERCRED,
  SO_PROTOCOL,
  SO_RCVBUF,
  SO_RCVBUFFORCE,
  SO_RCVLOWAT,
  SO_RCVTIMEO,
  SO_SNDBUF,
  SO_SNDBUFFORCE,
  SO_SNDLOWAT,
  SO_SNDTIMEO,
  SO_TYPE,
  SOL_SOCKET,
} from './constants';
import { errnoNumber } from './errno';
import { emit } from './kernel';
import { err, ok } from './result';
import { sockTypeNumber } from './sock';
import type { SysResult, TimeoutArg } from './syscalls';
import type { Kernel, UnixSock } from './types';
import { sk_write_space } from './wait';

/** SOCK_MIN_SNDBUF and SOCK_MIN_RCVBUF on x86-64. */
const SOCK_MIN_SNDBUF = 4608;
const SOCK_MIN_RCVBUF = 2304;

/** Options that are only stored and read back as 0/1 or an int. */
const PLAIN = new Set([1, 2, 5, 6, 9, 10, 12, 15, 36, 41]);

/** getsockopt(fd, level, opt): the value, or ENOPROTOOPT for an option we do not know. */
export function sock_getsockopt(
  k: Kernel,
  sk: UnixSock,
  level: number,
  opt: number,
  optlen: number,
): SysResult {
  if (level !== SOL_SOCKET) return err('EOPNOTSUPP');
  if (optlen < 0) return err('EINVAL');
  switch (opt) {
    case SO_TYPE:
      return ok(0, { value: sockTypeNumber(sk.type) });
    case SO_DOMAIN:
      return ok(0, { value: 1 });
    case SO_PROTOCOL:
      return ok(0, { value: 0 });
    case SO_ACCEPTCONN:
      return ok(0, { value: sk.state === 'TCP_LISTEN' ? 1 : 0 });
    case SO_SNDBUF:
      return ok(0, { value: sk.sndbuf });
    case SO_RCVBUF:
      return ok(0, { value: sk.rcvbuf });
    case SO_ERROR: {
      const e = sk.err;
      sk.err = null;
      if (e) emit(k, { type: 'sock.errorReported', sock: sk.id, errno: e });
      return ok(0, { value: e ? errnoNumber(e) : 0 });
    }
    case SO_PASSCRED:
      return ok(0, { value: sk.passcred ? 1 : 0 });
    case SO_RCVLOWAT:
      return ok(0, { value: sk.flags[SO_RCVLOWAT] ?? 1 });
    case SO_SNDLOWAT:
      return ok(0, { value: 1 });
    case SO_RCVTIMEO:
      return ok(0, { value: sk.rcvtimeoMs });
    case SO_SNDTIMEO:
      return ok(0, { value: sk.sndtimeoMs });
    case SO_PEEK_OFF:
      return ok(0, { value: sk.peekOff });
    case SO_PEERCRED: {
      const c = sk.peercred;
      return ok(0, { cred: c ? { ...c } : { pid: 0, uid: OVERFLOW_UID, gid: OVERFLOW_UID } });
    }
    default:
      if (PLAIN.has(opt)) return ok(0, { value: sk.flags[opt] ?? 0 });
      return err('ENOPROTOOPT');
  }
}

/** setsockopt(fd, level, opt, value): SO_SNDBUF and SO_RCVBUF store twice the value given. */
export function sock_setsockopt(
  k: Kernel,
  sk: UnixSock,
  level: number,
  opt: number,
  value: number | TimeoutArg,
  optlen: number,
): SysResult {
  if (level !== SOL_SOCKET) return err('EOPNOTSUPP');
  if (opt === SO_RCVTIMEO || opt === SO_SNDTIMEO) {
    // A negative time means no timeout. Mirrors sock_set_timeout(): whole seconds, then the
    // microseconds rounded up to a jiffy (DIV_ROUND_UP(tv_usec, USEC_PER_SEC / HZ)).
    const asked = Math.max(0, typeof value === 'number' ? value : value.ms);
    const tick = k.config.hz === null ? 0 : 1000 / k.config.hz;
    const whole = Math.floor(asked / 1000) * 1000;
    const ms =
      tick > 0
        ? whole + Math.ceil(Math.round((asked - whole) * 1000) / (tick * 1000)) * tick
        : Math.floor(asked);
    if (opt === SO_RCVTIMEO) sk.rcvtimeoMs = ms;
    else sk.sndtimeoMs = ms;
    return ok();
  }
  if (optlen < 4) return err('EINVAL');
  const v = typeof value === 'number' ? value : value.ms;
  switch (opt) {
    case SO_SNDBUF:
    case SO_SNDBUFFORCE: {
      const val = Math.min(v >>> 0, opt === SO_SNDBUF ? k.config.wmemMax : 0x7fffffff);
      sk.sndbuf = Math.max(val * 2, SOCK_MIN_SNDBUF);
      sk_write_space(k, sk);
      return ok();
    }
    case SO_RCVBUF:
    case SO_RCVBUFFORCE: {
      const val = Math.min(v >>> 0, opt === SO_RCVBUF ? k.config.rmemMax : 0x7fffffff);
      sk.rcvbuf = Math.max(val * 2, SOCK_MIN_RCVBUF);
      return ok();
    }
    case SO_PASSCRED:
      sk.passcred = v !== 0;
      return ok();
    case SO_PEEK_OFF:
      sk.peekOff = v;
      return ok();
    case SO_RCVLOWAT:
      // A negative value means INT_MAX, and 0 means 1 (sk_setsockopt without set_rcvlowat).
      sk.flags[SO_RCVLOWAT] = v < 0 ? 0x7fffffff : v || 1;
      return ok();
    case SO_SNDLOWAT:
      // Not changeable on Linux: sk_setsockopt has no case for it.
      return err('ENOPROTOOPT');
    default:
      if (PLAIN.has(opt)) {
        sk.flags[opt] = v !== 0 ? 1 : 0;
        return ok();
      }
      return err('ENOPROTOOPT');
  }
}

/**
 * System call entries for socket operations: descriptor lookup, then the af_unix operation.
 * read() and write() on a socket come here too.
 */
import { unix_bind } from '../bind';
import { unix_dgram_connect, unix_stream_connect } from '../connect';
import type { Resume } from '../dispatch';
import { fdGet } from '../fdtable';
import { unix_getname } from '../getname';
import { unix_ioctl } from '../ioctl';
import { unix_listen } from '../listen';
import { type Received, type RecvArgs, unix_dgram_recvmsg, unix_stream_read_generic } from '../recvmsg';
import { err } from '../result';
import { scm_destroy, scm_recv, scm_send } from '../scm';
import { type SendArgs, unix_dgram_sendmsg, unix_stream_sendmsg } from '../sendmsg';
import { unix_shutdown } from '../shutdown';
import { sys_socket, sys_socketpair } from '../socket';
import { sock_getsockopt, sock_setsockopt } from '../sockopt';
import type { CredArg, Syscall, SysResult } from '../syscalls';
import type { Kernel, OpenFile, Process, UnixSock } from '../types';
import { type Block, isBlock } from '../wait';
import { sockfd_lookup } from './lookup';

interface SendReq {
  data: Uint8Array;
  flags: number;
  addr: Uint8Array | null;
  addrlen: number;
  rights: number[] | null;
  creds: CredArg | null;
}

/** A send of any kind on a socket: sock_sendmsg() into unix_stream_sendmsg or unix_dgram_sendmsg. */
function sendOn(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sock: UnixSock,
  q: SendReq,
  r: Resume,
): SysResult | Block {
  const progress = r.sleep?.progress ?? null;
  const alreadySent = (progress?.sent ?? 0) > 0;
  const scm = scm_send(p, alreadySent ? null : q.rights, q.creds);
  if (typeof scm === 'string') return err(scm);
  const args: SendArgs = {
    data: q.data,
    flags: q.flags,
    addr: q.addr,
    addrlen: q.addrlen,
    scm,
    progress: r.sleep ? (progress ?? {}) : null,
    timedOut: r.timedOut,
    resumed: r.sleep !== null,
  };
  const out =
    sock.type === 'stream'
      ? unix_stream_sendmsg(k, p, file, sock, args)
      : unix_dgram_sendmsg(k, p, file, sock, args);
  if (isBlock(out)) scm_destroy(k, scm);
  return out;
}

/** A receive of any kind on a socket, with control messages when `controllen` is given. */
function recvOn(
  k: Kernel,
  p: Process,
  file: OpenFile,
  sock: UnixSock,
  len: number,
  flags: number,
  addrBuf: number | null,
  controllen: number | null,
  r: Resume,
): SysResult | Block {
  if (len < 0) return err('EINVAL');
  const args: RecvArgs = {
    len,
    flags,
    addrBuf,
    progress: r.sleep?.progress ?? null,
    timedOut: r.timedOut,
    resumed: r.sleep !== null,
  };
  let got: Received | Block;
  if (sock.type === 'stream') got = unix_stream_read_generic(k, sock, file, args);
  else if (sock.type === 'seqpacket' && sock.state !== 'TCP_ESTABLISHED') return err('ENOTCONN');
  else got = unix_dgram_recvmsg(k, sock, file, args);
  if (isBlock(got)) return got;
  const res = got.result;
  if (res.errno || !got.scm) {
    if (got.files) scm_recv(k, p, sock, 0, flags, null, got.files);
    if (controllen !== null && !res.errno) {
      res.cmsgs = [];
      res.controllen = 0;
      res.msgFlags = res.msgFlags ?? 0;
    }
    return res;
  }
  const ctl = scm_recv(k, p, sock, controllen ?? 0, flags, got.cred, got.files);
  if (controllen !== null) {
    res.cmsgs = ctl.cmsgs;
    res.controllen = ctl.controllen;
    res.msgFlags = (res.msgFlags ?? 0) | ctl.flags;
  }
  return res;
}

/** Runs a socket system call, or returns null when `call` is not one (or its fd is not a socket). */
export function runSocketCall(k: Kernel, p: Process, call: Syscall, r: Resume): SysResult | Block | null {
  switch (call.name) {
    case 'socket':
      return sys_socket(k, p, call.domain, call.type, call.protocol);
    case 'socketpair':
      return sys_socketpair(k, p, call.domain, call.type, call.protocol);
    case 'read':
    case 'write': {
      const e = fdGet(p, call.fd);
      if (!e?.file.sock) return null;
      if (call.name === 'read') {
        if (call.len === 0) return { ret: 0, errno: null, data: new Uint8Array(0) };
        return recvOn(k, p, e.file, e.file.sock, call.len, 0, null, null, r);
      }
      return sendOn(
        k,
        p,
        e.file,
        e.file.sock,
        { data: call.data, flags: 0, addr: null, addrlen: 0, rights: null, creds: null },
        r,
      );
    }
    default:
      break;
  }
  if (
    !('fd' in call) ||
    call.name === 'close' ||
    call.name === 'dup' ||
    call.name === 'dup2' ||
    call.name === 'dup3'
  ) {
    return null;
  }
  if (call.name === 'fcntl' || call.name === 'lseek' || call.name === 'fstat') return null;
  const s = sockfd_lookup(p, call.fd);
  if (call.name === 'ioctl' && s === 'ENOTSOCK') return null;
  if (typeof s === 'string') return err(s);
  const { file, sock } = s;
  switch (call.name) {
    case 'bind':
      return unix_bind(k, p, sock, call.addr, call.addrlen);
    case 'listen':
      return unix_listen(k, p, sock, call.backlog);
    case 'connect':
      if (sock.type === 'dgram') return unix_dgram_connect(k, p, sock, call.addr, call.addrlen);
      return unix_stream_connect(k, p, file, sock, call.addr, call.addrlen, r.timedOut, r.sleep !== null);
    case 'send':
      return sendOn(
        k,
        p,
        file,
        sock,
        { data: call.data, flags: call.flags, addr: null, addrlen: 0, rights: null, creds: null },
        r,
      );
    case 'sendto':
      return sendOn(
        k,
        p,
        file,
        sock,
        {
          data: call.data,
          flags: call.flags,
          addr: call.addr,
          addrlen: call.addr ? call.addrlen : 0,
          rights: null,
          creds: null,
        },
        r,
      );
    case 'sendmsg':
      return sendOn(k, p, file, sock, call, r);
    case 'recv':
      return recvOn(k, p, file, sock, call.len, call.flags, null, null, r);
    case 'recvfrom':
      return recvOn(k, p, file, sock, call.len, call.flags, call.addrlen, null, r);
    case 'recvmsg':
      return recvOn(k, p, file, sock, call.len, call.flags, call.namelen, call.controllen, r);
    case 'shutdown':
      return unix_shutdown(k, sock, call.how);
    case 'getsockname':
      return unix_getname(sock, false, call.addrlen);
    case 'getpeername':
      return unix_getname(sock, true, call.addrlen);
    case 'getsockopt':
      return sock_getsockopt(k, sock, call.level, call.opt, call.optlen);
    case 'setsockopt':
      return sock_setsockopt(k, sock, call.level, call.opt, call.value, call.optlen);
    case 'ioctl':
      return unix_ioctl(file, sock, call.request, call.arg);
    default:
      return null;
  }
}

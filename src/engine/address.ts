/**
 * sockaddr_un handling: checking what callers pass, turning it into a bound name, and
 * copying names back out with Linux's exact lengths.
 */
import { binaryToBytes, bytesToBinary } from './bytes';
import { AF_UNIX, SIZEOF_SOCKADDR_UN, SUN_PATH_OFFSET } from './constants';
import type { Errno } from './errno';
import type { SockType, UnixAddress, UnixSock } from './types';

/** The address family in the first two bytes (little-endian sa_family_t). */
export function addrFamily(addr: Uint8Array | null): number {
  if (!addr || addr.length < 2) return -1;
  return addr[0] | (addr[1] << 8);
}

/** Byte `i` of the caller's buffer, zero past its end (the kernel copies into a zeroed sockaddr_storage). */
function byteAt(addr: Uint8Array, i: number): number {
  return i < addr.length ? addr[i] : 0;
}

/**
 * Checks a name passed to bind, connect or sendto. Mirrors unix_validate_addr(): the length
 * must be more than 2 and at most sizeof(struct sockaddr_un), and the family AF_UNIX.
 */
export function unix_validate_addr(addr: Uint8Array | null, addrlen: number): Errno | null {
  if (addrlen <= SUN_PATH_OFFSET || addrlen > SIZEOF_SOCKADDR_UN) return 'EINVAL';
  if (!addr) return 'EFAULT';
  if (addrFamily(addr) !== AF_UNIX) return 'EINVAL';
  return null;
}

/** Whether a (validated) name is abstract: sun_path[0] is NUL. */
export function isAbstract(addr: Uint8Array): boolean {
  return byteAt(addr, SUN_PATH_OFFSET) === 0;
}

/**
 * The pathname in a name: the bytes up to the first NUL within addrlen (the kernel writes a
 * NUL at sun_path[addrlen - 2]). Mirrors unix_mkname_bsd(), which returns strlen + 3.
 */
export function unix_mkname_bsd(addr: Uint8Array, addrlen: number): { path: string; len: number } {
  let end = SUN_PATH_OFFSET;
  while (end < addrlen && byteAt(addr, end) !== 0) end++;
  const path = bytesToBinary(addr.subarray(SUN_PATH_OFFSET, Math.min(end, addr.length)));
  return { path, len: path.length + SUN_PATH_OFFSET + 1 };
}

/** The abstract name's bytes after the leading NUL: exactly addrlen - 3 of them. */
export function abstractName(addr: Uint8Array, addrlen: number): string {
  let s = '';
  for (let i = SUN_PATH_OFFSET + 1; i < addrlen; i++) s += String.fromCharCode(byteAt(addr, i));
  return s;
}

/** The key of an abstract name in the namespace; names are separate per socket type. */
export function abstractKey(type: SockType, name: string): string {
  return `${type}:${name}`;
}

function familyBytes(len: number): Uint8Array {
  const b = new Uint8Array(len);
  b[0] = AF_UNIX & 0xff;
  b[1] = AF_UNIX >> 8;
  return b;
}

/** A pathname address as bind stores it: the path as given, NUL-terminated. */
export function pathAddress(path: string): UnixAddress {
  const len = path.length + SUN_PATH_OFFSET + 1;
  const bytes = familyBytes(len);
  bytes.set(binaryToBytes(path), SUN_PATH_OFFSET);
  return { len, bytes, kind: 'path', text: path, autobind: false };
}

/** An abstract address: a NUL, then `name`. */
export function abstractAddress(name: string, autobind = false): UnixAddress {
  const len = name.length + SUN_PATH_OFFSET + 1;
  const bytes = familyBytes(len);
  bytes.set(binaryToBytes(name), SUN_PATH_OFFSET + 1);
  return { len, bytes, kind: 'abstract', text: name, autobind };
}

/** An address copied out to a caller whose buffer holds `buflen` bytes; the full length is reported. */
export interface CopiedAddress {
  addr: Uint8Array;
  addrlen: number;
}

/** The socket's own name as getsockname/accept report it. Mirrors unix_getname(): unnamed is {AF_UNIX}, len 2. */
export function nameOf(sock: UnixSock, buflen: number): CopiedAddress {
  const a = sock.addr;
  if (!a) return { addr: familyBytes(Math.min(2, Math.max(buflen, 0))), addrlen: SUN_PATH_OFFSET };
  return { addr: a.bytes.subarray(0, Math.max(0, Math.min(a.len, buflen))), addrlen: a.len };
}

/** A sender's name as recvfrom reports it. Mirrors unix_copy_addr(): length 0 when unnamed. */
export function senderName(sock: UnixSock | null, buflen: number): CopiedAddress {
  const a = sock?.addr;
  if (!a) return { addr: new Uint8Array(0), addrlen: 0 };
  return { addr: a.bytes.subarray(0, Math.max(0, Math.min(a.len, buflen))), addrlen: a.len };
}

/** The autobind name for a sequence number: NUL then 5 lowercase hex digits. */
export function autobindName(seq: number): string {
  return (seq & 0xfffff).toString(16).padStart(5, '0');
}

/** A readable form of an address: "/tmp/srv", "@name" for abstract, "(unnamed)". */
export function describeAddress(a: UnixAddress | null): string {
  if (!a) return '(unnamed)';
  return a.kind === 'path' ? a.text : `@${a.text.replace(/\0/g, '@')}`;
}

/** Builds the sockaddr_un bytes for a pathname, as a C program would (NUL counted in the length). */
export function sockaddrPath(path: string, withNul = true): { addr: Uint8Array; addrlen: number } {
  const a = pathAddress(path);
  return { addr: a.bytes, addrlen: withNul ? a.len : a.len - 1 };
}

/** Builds the sockaddr_un bytes for an abstract name (length = 3 + name length). */
export function sockaddrAbstract(name: string): { addr: Uint8Array; addrlen: number } {
  const a = abstractAddress(name);
  return { addr: a.bytes, addrlen: a.len };
}

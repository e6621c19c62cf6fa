/**
 * stdio: streams with buffers in the C library, written out with write() and filled with
 * read(). stdout is line-buffered (as on a terminal), stderr unbuffered, other streams fully
 * buffered. A fork copies unflushed buffers, as it does in C.
 */

import type { SysResult } from '../../../engine';
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { argsFrom, argsFromVaList, format } from './format';
import { mallocBytes } from './heap';
import type { Stream } from './state';
import { strerrorText } from './strings';
import { andThen, bytesOf, cstr, getErrno, rt, setErrno, sys } from './util';

const EOF = -1;
const BUF = 4096;

/** The stream behind a FILE pointer (creating stdin, stdout and stderr on first use). */
export function stream(vm: VM, file: number): Stream | null {
  const r = rt(vm);
  const have = r.streams.get(file);
  if (have) return have;
  const i = vm.prog.stdFiles.indexOf(file);
  if (i < 0) return null;
  const s: Stream = {
    fd: i,
    mode: i === 1 ? 'line' : i === 2 ? 'none' : 'full',
    out: [],
    in: [],
    eof: false,
    error: false,
  };
  r.streams.set(file, s);
  return s;
}

function stdoutFile(vm: VM): number {
  return vm.prog.stdFiles[1];
}

/**
 * Writes out the first n buffered bytes of a stream; returns `ret` afterwards (or EOF on error).
 * Continuations look the stream up again by its FILE address (never hold it), so a copied
 * process (fork, checkpoints) acts on its own copy.
 */
function flushBytes(vm: VM, file: number, n: number, ret: number): NativeResult {
  const s = stream(vm, file);
  if (!s || n <= 0) return ret;
  const data = Uint8Array.from(s.out.slice(0, n));
  return {
    syscall: { name: 'write', fd: s.fd, data },
    cont: (v: VM, r: SysResult) => {
      const t = stream(v, file);
      if (!t) return EOF;
      if (r.errno || r.ret <= 0) {
        t.error = true;
        t.out.splice(0, n);
        if (r.errno) setErrno(v, r.errno);
        return EOF;
      }
      t.out.splice(0, r.ret);
      return flushBytes(v, file, n - r.ret, ret);
    },
  };
}

/** Flushes a stream's whole buffer. */
export function flush(vm: VM, file: number, ret = 0): NativeResult {
  return flushBytes(vm, file, stream(vm, file)?.out.length ?? 0, ret);
}

/** Appends bytes to a stream and flushes what its buffering mode says to; returns `ret`. */
export function put(vm: VM, file: number, text: string, ret: number): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'stdio called with an invalid FILE pointer' };
  for (let i = 0; i < text.length; i++) s.out.push(text.charCodeAt(i) & 0xff);
  if (s.mode === 'none') return flush(vm, file, ret);
  if (s.mode === 'line') {
    const nl = s.out.lastIndexOf(10);
    return nl >= 0 ? flushBytes(vm, file, nl + 1, ret) : ret;
  }
  return s.out.length >= BUF ? flush(vm, file, ret) : ret;
}

/** Flushes every stream (exit, and fflush(NULL)). */
export function flushAll(vm: VM, ret = 0): NativeResult {
  const files = [...rt(vm).streams].filter(([, s]) => s.out.length > 0).map(([f]) => f);
  const step = (v: VM, i: number): NativeResult =>
    i >= files.length ? ret : andThen(v, flush(v, files[i]), (w) => step(w, i + 1));
  return step(vm, 0);
}

/**
 * Reads once more into a stream's buffer (after what it already holds), then goes on with
 * `cont` (1: data, 0: end of file or error).
 */
export function fill(vm: VM, file: number, cont: (vm: VM, ok: number) => NativeResult): NativeResult {
  const s = stream(vm, file);
  if (!s) return cont(vm, 0);
  if (s.eof) return cont(vm, 0);
  // Reading from a terminal first flushes line-buffered output (as glibc does).
  const out = vm.prog.stdFiles[1];
  const pre = s.fd === 0 && (stream(vm, out)?.out.length ?? 0) > 0 ? flush(vm, out) : 0;
  return andThen(vm, pre, (v) => ({
    syscall: { name: 'read', fd: stream(v, file)?.fd ?? -1, len: BUF },
    cont: (w: VM, r: SysResult) => {
      const t = stream(w, file);
      if (!t) return cont(w, 0);
      if (r.errno) {
        setErrno(w, r.errno);
        t.error = true;
        return cont(w, 0);
      }
      if (r.ret === 0) {
        t.eof = true;
        return cont(w, 0);
      }
      for (const b of r.data ?? []) t.in.push(b);
      return cont(w, 1);
    },
  }));
}

/** fgets: a line (or n - 1 bytes) from the stream's buffer, reading more until it has one. */
function fgets(vm: VM, buf: number, n: number, file: number): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'fgets on an invalid FILE pointer' };
  const nl = s.in.indexOf(10);
  const have = nl >= 0 ? nl + 1 : s.in.length;
  if ((nl >= 0 && nl + 1 <= n - 1) || have >= n - 1 || s.eof || s.error) {
    const take = Math.min(have, n - 1);
    if (take <= 0) return 0;
    const line = s.in.splice(0, take);
    vm.mem.write(buf, Uint8Array.from(line));
    vm.mem.setU8(buf + line.length, 0);
    return buf;
  }
  return fill(vm, file, (v, ok) => {
    const t = stream(v, file);
    if (!ok && t && t.in.length === 0) return 0;
    if (!ok && t) t.eof = true;
    return fgets(v, buf, n, file);
  });
}

function fgetc(vm: VM, file: number): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'fgetc on an invalid FILE pointer' };
  if (s.in.length > 0) return s.in.shift() as number;
  return fill(vm, file, (v, ok) => (ok ? ((stream(v, file)?.in.shift() as number) ?? EOF) : EOF));
}

/** fread: size * count bytes, reading until it has them or the stream ends. */
function fread(vm: VM, ptr: number, size: number, count: number, file: number): NativeResult {
  const s = stream(vm, file);
  if (!s) return { fault: 11, message: 'fread on an invalid FILE pointer' };
  const want = size * count;
  if (s.in.length >= want || s.eof || s.error) {
    const got = s.in.splice(0, Math.min(want, s.in.length));
    vm.mem.write(ptr, Uint8Array.from(got));
    return size > 0 ? Math.floor(got.length / size) : 0;
  }
  return fill(vm, file, (v, ok) => {
    const t = stream(v, file);
    if (!ok && t) t.eof = true;
    return fread(v, ptr, size, count, file);
  });
}

function printfTo(vm: VM, file: number, text: string): NativeResult {
  return put(vm, file, text, text.length);
}

function writeString(vm: VM, buf: number, size: number, text: string): number {
  if (size > 0) {
    const n = Math.min(size - 1, text.length);
    vm.mem.write(buf, bytesOf(text.slice(0, n)));
    vm.mem.setU8(buf + n, 0);
  }
  return text.length;
}

/** The stdio natives. */
export const STDIO: Record<string, (vm: VM, a: number[]) => NativeResult> = {
  printf: (vm, a) => printfTo(vm, stdoutFile(vm), format(vm, cstr(vm, a[0]), argsFrom(a, 1))),
  vprintf: (vm, a) => printfTo(vm, stdoutFile(vm), format(vm, cstr(vm, a[0]), argsFromVaList(vm, a[1]))),
  fprintf: (vm, a) => printfTo(vm, a[0], format(vm, cstr(vm, a[1]), argsFrom(a, 2))),
  vfprintf: (vm, a) => printfTo(vm, a[0], format(vm, cstr(vm, a[1]), argsFromVaList(vm, a[2]))),
  dprintf: (vm, a) => {
    const text = format(vm, cstr(vm, a[1]), argsFrom(a, 2));
    return sys({ name: 'write', fd: a[0], data: bytesOf(text) });
  },
  sprintf: (vm, a) => writeString(vm, a[0], 1 << 30, format(vm, cstr(vm, a[1]), argsFrom(a, 2))),
  vsprintf: (vm, a) => writeString(vm, a[0], 1 << 30, format(vm, cstr(vm, a[1]), argsFromVaList(vm, a[2]))),
  snprintf: (vm, a) => writeString(vm, a[0], a[1], format(vm, cstr(vm, a[2]), argsFrom(a, 3))),
  vsnprintf: (vm, a) => writeString(vm, a[0], a[1], format(vm, cstr(vm, a[2]), argsFromVaList(vm, a[3]))),
  // glibc's puts returns the bytes written, newline included; fputs returns 1.
  puts: (vm, a) => {
    const text = `${cstr(vm, a[0])}\n`;
    return put(vm, stdoutFile(vm), text, Math.min(text.length, 2147483647));
  },
  fputs: (vm, a) => put(vm, a[1], cstr(vm, a[0]), 1),
  putchar: (vm, a) => put(vm, stdoutFile(vm), String.fromCharCode(a[0] & 0xff), a[0] & 0xff),
  fputc: (vm, a) => put(vm, a[1], String.fromCharCode(a[0] & 0xff), a[0] & 0xff),
  putc: (vm, a) => put(vm, a[1], String.fromCharCode(a[0] & 0xff), a[0] & 0xff),
  fwrite: (vm, a) => {
    const bytes = vm.mem.read(a[0], a[1] * a[2]);
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return put(vm, a[3], text, a[2]);
  },
  fflush: (vm, a) => {
    if (a[0] === 0) return flushAll(vm);
    return stream(vm, a[0]) ? flush(vm, a[0]) : EOF;
  },
  fgets: (vm, a) => fgets(vm, a[0], a[1], a[2]),
  fgetc: (vm, a) => fgetc(vm, a[0]),
  getc: (vm, a) => fgetc(vm, a[0]),
  getchar: (vm) => fgetc(vm, vm.prog.stdFiles[0]),
  ungetc: (vm, a) => {
    const s = stream(vm, a[1]);
    if (!s || a[0] < 0) return EOF;
    // The byte is read again first, by every input function; the end-of-file indicator is cleared.
    s.in.unshift(a[0] & 0xff);
    s.eof = false;
    return a[0] & 0xff;
  },
  fread: (vm, a) => fread(vm, a[0], a[1], a[2], a[3]),
  feof: (vm, a) => (stream(vm, a[0])?.eof ? 1 : 0),
  ferror: (vm, a) => (stream(vm, a[0])?.error ? 1 : 0),
  clearerr: (vm, a) => {
    const s = stream(vm, a[0]);
    if (s) {
      s.eof = false;
      s.error = false;
    }
    return 0;
  },
  fileno: (vm, a) => stream(vm, a[0])?.fd ?? -1,
  fopen: (vm, a) => {
    const mode = cstr(vm, a[1]);
    const plus = mode.includes('+');
    const flags =
      mode[0] === 'r'
        ? plus
          ? 2
          : 0
        : mode[0] === 'w'
          ? (plus ? 2 : 1) | 0o100 | 0o1000
          : mode[0] === 'a'
            ? (plus ? 2 : 1) | 0o100 | 0o2000
            : -1;
    if (flags < 0) {
      setErrno(vm, 'EINVAL');
      return 0;
    }
    return {
      syscall: { name: 'open', path: cstr(vm, a[0]), flags, mode: 0o666 },
      cont: (v: VM, r: SysResult) => {
        if (r.errno) {
          setErrno(v, r.errno);
          return 0;
        }
        const file = mallocBytes(v, 16);
        rt(v).streams.set(file, {
          fd: r.ret,
          mode: 'full',
          out: [],
          in: [],
          eof: false,
          error: false,
        });
        return file;
      },
    };
  },
  fdopen: (vm, a) => {
    const file = mallocBytes(vm, 16);
    rt(vm).streams.set(file, {
      fd: a[0],
      mode: a[0] === 2 ? 'none' : 'full',
      out: [],
      in: [],
      eof: false,
      error: false,
    });
    return file;
  },
  fclose: (vm, a) => {
    const s = stream(vm, a[0]);
    if (!s) return EOF;
    const fd = s.fd;
    return andThen(vm, flush(vm, a[0]), (v) => {
      rt(v).streams.delete(a[0]);
      return sys({ name: 'close', fd });
    });
  },
  setvbuf: (vm, a) => {
    const s = stream(vm, a[0]);
    if (s) s.mode = a[2] === 2 ? 'none' : a[2] === 1 ? 'line' : 'full';
    return 0;
  },
  setbuf: (vm, a) => {
    const s = stream(vm, a[0]);
    if (s && a[1] === 0) s.mode = 'none';
    return 0;
  },
  perror: (vm, a) => {
    const msg = a[0] !== 0 ? cstr(vm, a[0]) : '';
    const text = `${msg ? `${msg}: ` : ''}${strerrorText(getErrno(vm))}\n`;
    return put(vm, vm.prog.stdFiles[2], text, 0);
  },
};

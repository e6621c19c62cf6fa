/**
 * What the C library keeps per process: stdio streams and their buffers, the heap's free
 * blocks, atexit handlers, signal handlers, and strings it hands out. Copied on fork, as the
 * kernel copies a process's memory.
 */
import type { RuntimeState } from '../vm/vm';

/** A stdio stream (the FILE behind a FILE *). */
export interface Stream {
  fd: number;
  /** 'line' for stdout on a terminal, 'none' for stderr, 'full' for other streams. */
  mode: 'line' | 'none' | 'full';
  /** Bytes written but not yet flushed. */
  out: number[];
  /** Bytes read from the fd (or pushed back by ungetc) but not yet consumed. */
  in: number[];
  eof: boolean;
  error: boolean;
}

/** getopt's own state between calls (glibc's struct _getopt_data, less what the globals hold). */
export interface GetoptState {
  initialized: boolean;
  /** The address of the next option character in the current argument (0: none). */
  nextchar: number;
  /** glibc's __ordering: PERMUTE the arguments, REQUIRE_ORDER (stop at a non-option) or RETURN_IN_ORDER. */
  ordering: 'permute' | 'require' | 'return';
  /** The non-options skipped so far, argv[firstNonopt] to argv[lastNonopt - 1]. */
  firstNonopt: number;
  lastNonopt: number;
  /** getopt_data.optopt, copied to the global optopt after each call (0 until an error). */
  optopt: number;
  /** getopt_data.optarg, copied to the global optarg after each call. */
  optarg: number;
}

/** The C library's per-process state. */
export class Runtime implements RuntimeState {
  /** Streams by the address of their FILE object. */
  streams = new Map<number, Stream>();
  /** Free heap blocks: [address, size] (sizes include the 16-byte header). */
  free: [number, number][] = [];
  atexit: number[] = [];
  /** Signal handler addresses set by signal() or sigaction() (0 default, 1 ignore). */
  handlers: Record<number, number> = {};
  /** SA_* flags of each signal's handler. */
  flags: Record<number, number> = {};
  /** sa_mask of each signal's handler (what sigaction reports as the old action). */
  masks: Record<number, number[]> = {};
  /** Addresses of strings handed out (strerror, strsignal), by key. */
  strings = new Map<string, number>();
  /** UNP's readline buffer, per descriptor. */
  lineBuffers = new Map<number, number[]>();
  /** glibc random()'s last 34 outputs of its generator (empty until seeded). */
  rand: number[] = [];
  /** argv[0], for messages the library prints (assert). */
  progname = '';
  /** How many names tmpnam has made (its candidates depend on it). */
  tmpnamCalls = 0;
  /** Where strtok goes on from (0: nowhere). */
  strtokNext = 0;
  getopt: GetoptState = {
    initialized: false,
    nextchar: 0,
    ordering: 'permute',
    firstNonopt: 0,
    lastNonopt: 0,
    optopt: 0,
    optarg: 0,
  };

  clone(): Runtime {
    const r = new Runtime();
    for (const [a, s] of this.streams) r.streams.set(a, { ...s, out: [...s.out], in: [...s.in] });
    r.free = this.free.map(([a, n]) => [a, n]);
    r.atexit = [...this.atexit];
    r.handlers = { ...this.handlers };
    r.flags = { ...this.flags };
    r.masks = { ...this.masks };
    r.strings = new Map(this.strings);
    r.lineBuffers = new Map([...this.lineBuffers].map(([fd, b]) => [fd, [...b]]));
    r.rand = [...this.rand];
    r.strtokNext = this.strtokNext;
    r.progname = this.progname;
    r.tmpnamCalls = this.tmpnamCalls;
    r.getopt = { ...this.getopt };
    return r;
  }
}

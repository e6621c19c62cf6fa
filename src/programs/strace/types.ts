/**
 * The shapes a parsed strace trace takes: argument values, results and whole lines.
 *
 * Everything here is plain data so that a parsed trace can be stored, compared in tests and
 * replayed into the model without holding on to the parser.
 */

/** A number as strace printed it: `3`, `-1`, `0755` (octal, text kept), `0x1f`. */
export interface SNum {
  kind: 'num';
  /** The numeric value; very large values (above 2^53) lose precision, so `text` is kept. */
  value: number;
  /** The digits as printed. */
  text: string;
}

/** A quoted string with its C escapes decoded to raw bytes. */
export interface SStr {
  kind: 'str';
  /** The decoded bytes. */
  bytes: Uint8Array;
  /** True when strace cut the string short and printed `...` after the closing quote. */
  truncated: boolean;
  /** True for an abstract socket name written `@"name"`. */
  abstract?: boolean;
}

/** A symbolic constant such as `SOCK_STREAM`, `NULL`, `AT_FDCWD` or `MSG_PEEK`. */
export interface SIdent {
  kind: 'ident';
  text: string;
}

/** Flags joined by `|`, such as `SOCK_STREAM|SOCK_CLOEXEC` or `S_IFSOCK|0755`. */
export interface SFlags {
  kind: 'flags';
  /** Each flag as printed, split on `|`. */
  parts: string[];
  /** The parts joined by `|` (comments written by `-X verbose` are left out). */
  text: string;
}

/** A bracketed list such as `[3, 4]`, `[{fd=3, events=POLLIN}]`, `[]` or a signal set `[PIPE CHLD]`. */
export interface SArray {
  kind: 'array';
  items: SValue[];
  /** True when strace printed `...` inside the brackets because it left items out. */
  more?: boolean;
}

/** One field of a struct: `name=value`, or a bare value. */
export interface SField {
  name?: string;
  value: SValue;
}

/** A braced struct such as `{sa_family=AF_UNIX, sun_path="/x"}` or `{st_mode=S_IFSOCK|0755, ...}`. */
export interface SStruct {
  kind: 'struct';
  fields: SField[];
  /** True when strace printed `...` because it left fields out. */
  more?: boolean;
}

/** A value-result pair: `110 => 2`, the older `16->2`, or clone3's `{...} => {parent_tid=[7]}`. */
export interface SInOut {
  kind: 'inout';
  before: SValue;
  after: SValue;
}

/** A file descriptor decorated by `-y`/`-yy`: `3</etc/ld.so.cache>`, `AT_FDCWD</dir>` (fd -100). */
export interface SFd {
  kind: 'fd';
  fd: number;
  /** The text between the angle brackets, e.g. `UNIX-STREAM:[4926099->4926096,"/path"]`. */
  decoration: string;
}

/** A function-like form: `makedev(0x1, 0x3)`, `htons(80)`, `inet_addr("127.0.0.1")`. */
export interface SCall {
  kind: 'call';
  name: string;
  args: SValue[];
}

/** Anything the value grammar does not cover, kept as printed (`8192*1024`, `~[RTMIN RT_1]`). */
export interface SRaw {
  kind: 'raw';
  text: string;
}

/** One value in a syscall's argument list, as strace printed it. */
export type SValue = SNum | SStr | SIdent | SFlags | SArray | SStruct | SInOut | SFd | SCall | SRaw;

/** What a syscall returned. */
export interface SReturn {
  /** The returned number, or null for `?`. */
  value: number | null;
  /** The printed return, e.g. `0x1` or `3<UNIX-STREAM:[9797223]>`. */
  text: string;
  /** The error name after a failure: `ENOENT`, `ERESTARTSYS`, `ERESTART_RESTARTBLOCK`, ... */
  errno?: string;
  /** The error's description, e.g. `No such file or directory`. */
  errnoText?: string;
  /** The text in parentheses after a success, e.g. `flags FD_CLOEXEC`, `in [5]`, `[{fd=8, revents=POLLIN}]`. */
  extra?: string;
  /** That extra parsed: a single value, or a struct of `name value` pairs such as `in [5]`. */
  extraValue?: SValue;
  /** The returned descriptor when `-yy` decorated it. */
  fd?: SValue;
  /** The time spent in the call in seconds, from `-T`. */
  duration?: number;
}

/** The fields every line but a malformed one carries. */
interface LineBase {
  /** 1-based line number in the trace text. */
  lineNo: number;
  /** The pid column (`4089  ` or `[pid  4089] `), or null when strace printed none. */
  pid: number | null;
  /** The timestamp as printed by `-t`, `-tt`, `-ttt` or `-r`, or null. */
  time: string | null;
}

/** The arguments of a call line, parsed and as text. */
interface CallParts extends LineBase {
  name: string;
  args: SValue[];
  /** The argument text as printed, between the parentheses (or up to `<unfinished ...>`). */
  argsText: string;
  /** The names of top-level `name=value` arguments (clone's `flags=...`), by position; absent when none. */
  argNames?: (string | undefined)[];
}

/**
 * One line of a trace. A call that another process interrupted is split into an `unfinished` line
 * and a later `resumed` line of the same pid; `note` covers strace's own messages, `--- stopped by
 * SIGSTOP ---`, `+++ superseded by execve +++` and unknown `syscall_0x...` calls.
 */
export type SLine =
  | ({ kind: 'call'; ret: SReturn } & CallParts)
  | ({
      kind: 'unfinished';
      /** True for a call cut off by strace detaching (`<detached ...>`) rather than `<unfinished ...>`. */
      detached?: boolean;
    } & CallParts)
  | ({
      kind: 'resumed';
      ret: SReturn;
      /**
       * True when the resumed text starts with `=> value` (clone3): its first argument is then an
       * inout with an empty `before` that completes the unfinished part's last argument.
       */
      continuesArg?: boolean;
    } & CallParts)
  | ({
      kind: 'signal';
      /** The signal name, e.g. `SIGCHLD`. */
      signal: string;
      /** The siginfo struct, or null when strace printed none. */
      info: SValue | null;
      /** Everything between `--- ` and ` ---`. */
      text: string;
    } & LineBase)
  | ({ kind: 'exited'; code: number } & LineBase)
  | ({ kind: 'killed'; signal: string; coreDumped: boolean } & LineBase)
  | ({ kind: 'note'; text: string } & LineBase)
  | {
      kind: 'malformed';
      lineNo: number;
      /** The line as read, without a trailing carriage return. */
      text: string;
      /** What was expected, e.g. `expected NAME(ARGS) = RESULT`. */
      message: string;
      /** The 1-based column where the expectation failed. */
      column?: number;
    };

/** A line of one particular kind. */
export type SLineOf<K extends SLine['kind']> = Extract<SLine, { kind: K }>;

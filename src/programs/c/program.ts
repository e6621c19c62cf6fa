/**
 * A C program as the engine's Program: each `next` runs the VM until a statement ends (a local
 * step), a system call is needed, the program exits or it faults. A signal with a handler runs
 * the handler (a user function) before the interrupted call returns to its caller.
 */
import type { Program, ProgramAction, ProgramLocation, SigInfo, SysResult } from '../../engine';
import type { CompiledProgram } from './compile/link';
import { nativeTable } from './runtime';
import { Runtime } from './runtime/state';
import { Fault } from './vm/memory';
import type { NativeResult } from './vm/native';
import { VM as Machine, type VM, type VMEvent } from './vm/vm';

/** sigaction's SA_SIGINFO: the handler takes (sig, siginfo_t *, void *ucontext). */
const SA_SIGINFO = 4;
/** SA_RESETHAND: the handler is used once, then SIG_DFL. */
const SA_RESETHAND = 0x80000000;
/** sizeof(siginfo_t) on x86-64, and room for it and a zeroed ucontext_t (968 bytes) on the stack. */
const SIGINFO_BYTES = 128;
const SIGFRAME_BYTES = SIGINFO_BYTES + 1024;

/**
 * Fills a siginfo_t as glibc lays it out on x86-64: si_signo 0, si_errno 4, si_code 8, then the
 * union at 16: si_pid 16, si_uid 20, and for SIGCHLD si_status 24 (si_utime, si_stime stay 0).
 */
function writeSiginfo(vm: VM, at: number, info: SigInfo): void {
  const m = vm.mem;
  m.fill(at, 0, SIGFRAME_BYTES);
  m.setU32(at, info.signo);
  m.setU32(at + 8, info.code >>> 0);
  m.setU32(at + 16, info.pid);
  m.setU32(at + 20, info.uid);
  m.setU32(at + 24, info.status);
}

const SIG_IGN = 1;

/** How a fault's signal is named to a person. */
const FAULT_NAMES: Record<number, string> = {
  6: 'abort',
  8: 'floating point exception',
  11: 'segmentation fault',
};

/** What a fault looks like to a person: "a read of address 0x0, which is not mapped". */
function faultText(e: VMEvent & { kind: 'fault' }, where: string): string {
  return `${FAULT_NAMES[e.signal] ?? `signal ${e.signal}`} at ${where}: ${e.message}`;
}

/** One process running a compiled C program. */
export class CProgram implements Program {
  /** Signals whose handlers must run before the pending call returns. */
  private due: number[] = [];
  /** What each due signal's siginfo says, for handlers installed with SA_SIGINFO. */
  private dueInfo: Record<number, SigInfo> = {};
  private done = false;

  constructor(private vm: VM) {}

  /** A process starting `main(argc, argv)`. */
  static start(prog: CompiledProgram, argv: string[]): CProgram {
    const rt = new Runtime();
    // glibc's program_invocation_short_name: argv[0] after its last '/' (assert and err print it).
    rt.progname = (argv[0] ?? '').replace(/^.*\//, '');
    const vm = new Machine(prog, nativeTable(prog.natives), rt);
    vm.start(argv);
    return new CProgram(vm);
  }

  /** The VM (for the terminal view, tests and the benchmark). */
  get machine(): VM {
    return this.vm;
  }

  next(last: SysResult | undefined): ProgramAction {
    if (this.done) return { kind: 'exit', status: 0 };
    let ev: VMEvent | null = null;
    try {
      if (this.vm.pending && last) ev = this.vm.handle(this.resumeWith(last));
      ev = ev ?? this.vm.run();
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      ev = { kind: 'fault', signal: 11, message: e.message };
    }
    switch (ev.kind) {
      case 'step':
        return { kind: 'local' };
      case 'syscall':
        return { kind: 'syscall', call: ev.call };
      case 'exit':
        this.done = true;
        return { kind: 'exit', status: ev.status };
      case 'fault':
        this.done = true;
        return { kind: 'fault', signal: ev.signal, message: faultText(ev, `line ${this.vm.line}`) };
    }
  }

  /**
   * The pending call's continuation, preceded by the handlers of the signals delivered with
   * its result (each called as handler(sig), highest signal number first).
   */
  private resumeWith(last: SysResult): NativeResult {
    const pending = this.vm.pending as NonNullable<VM['pending']>;
    this.vm.pending = null;
    const rt = this.vm.rt as Runtime;
    // The handlers call library functions too; the interrupted call is current again after them.
    const calling = this.vm.calling;
    let go = (v: VM): NativeResult => {
      v.calling = calling;
      return pending.cont(v, last);
    };
    // The kernel dequeues pending signals lowest number first and puts each handler's frame on
    // top of the last, so the highest-numbered handler runs first (get_signal, setup_rt_frame).
    for (const sig of [...this.due].sort((a, b) => a - b)) {
      const handler = rt.handlers[sig] ?? 0;
      const flags = rt.flags[sig] ?? 0;
      // SA_RESETHAND: the kernel defaulted the disposition as it delivered the signal.
      if (flags & SA_RESETHAND) {
        rt.handlers[sig] = 0;
        rt.flags[sig] = 0;
      }
      const after = go;
      // When the handler returns, rt_sigreturn puts back the mask its frame saved.
      const sigreturn = (_v: VM): NativeResult => ({
        syscall: { name: 'sigreturn' },
        cont: (w: VM) => after(w),
      });
      if (handler <= SIG_IGN) {
        go = sigreturn;
        continue;
      }
      const info = flags & SA_SIGINFO ? (this.dueInfo[sig] ?? null) : null;
      go = info
        ? (v: VM) => {
            // As setup_rt_frame() does: siginfo and a ucontext on the stack, below the interrupted frame.
            const top = v.msp;
            v.msp = Math.floor((top - SIGFRAME_BYTES) / 16) * 16;
            const at = v.msp;
            writeSiginfo(v, at, info);
            return {
              call: handler,
              args: [sig, at, at + SIGINFO_BYTES],
              cont: (w: VM) => {
                w.msp = top;
                return sigreturn(w);
              },
            };
          }
        : () => ({ call: handler, args: [sig], cont: (v: VM) => sigreturn(v) });
    }
    this.due = [];
    this.dueInfo = {};
    return go(this.vm);
  }

  clone(): Program {
    const c = new CProgram(this.vm.clone());
    c.due = [...this.due];
    c.dueInfo = { ...this.dueInfo };
    c.done = this.done;
    return c;
  }

  forkChild(): Program {
    const c = new CProgram(this.vm.clone());
    c.done = this.done;
    return c;
  }

  /** The C library call a pending system call belongs to ("accept", "fgets"), or null. */
  pendingCall(): string | null {
    return this.vm.pending && this.vm.calling >= 0 ? this.vm.prog.natives[this.vm.calling] : null;
  }

  signal(sig: number, info?: SigInfo): void {
    this.due.push(sig);
    if (info) this.dueInfo[sig] = info;
  }

  location(): ProgramLocation | null {
    return this.vm.line > 0 ? { file: this.vm.file, line: this.vm.line } : null;
  }
}

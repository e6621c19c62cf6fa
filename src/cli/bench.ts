/**
 * npm run bench: speed figures, one per line as `NAME VALUE UNIT`.
 *
 *   pingpong_ns_per_syscall  1,000,000 round trips of write(64) + read(64) over a socketpair,
 *                            through the engine's public API, with the timeline recording
 *   seek_ms_max              the slowest of 1,000 random jumps in a 1,000,000-step timeline
 *   timeline_mb              heap held by that timeline
 *   replay_lines_per_s       replaying a generated 100,000-line strace log
 *   c_statements_per_s, c_parse_ms_2000_lines: see benchC.ts
 *
 * Targets (issue "The kernel engine"): no slower than the real kernel (about 1,700 ns per
 * syscall on the oracle machine), seeks within a frame (16 ms), under 1 GiB, 100,000 lines/s.
 */
import {
  AF_UNIX,
  createKernel,
  createMachine,
  type Program,
  type ProgramAction,
  SOCK_STREAM,
  type SysResult,
  spawnProcess,
  Timeline,
} from '../engine';
import { replayLines } from '../programs/replay/replay';
import { parseTrace } from '../programs/strace/parseTrace';
import { benchParse, benchStatements } from './benchC';
import { generatedTrace } from './generatedTrace';

const PAYLOAD = new Uint8Array(64).fill(120);

/** socketpair, then `rounds` times: write 64 bytes into one end, read 64 from the other. */
class PingPong implements Program {
  constructor(
    private rounds: number,
    private at = 0,
  ) {}
  next(_last: SysResult | undefined): ProgramAction {
    const i = this.at++;
    if (i === 0)
      return {
        kind: 'syscall',
        call: { name: 'socketpair', domain: AF_UNIX, type: SOCK_STREAM, protocol: 0 },
      };
    const k = i - 1;
    if (k >= this.rounds * 2) return { kind: 'exit', status: 0 };
    return k % 2 === 0
      ? { kind: 'syscall', call: { name: 'write', fd: 3, data: PAYLOAD } }
      : { kind: 'syscall', call: { name: 'read', fd: 4, len: 64 } };
  }
  clone(): PingPong {
    return new PingPong(this.rounds, this.at);
  }
  forkChild(): PingPong {
    return this.clone();
  }
  location() {
    return null;
  }
}

function pingpongTimeline(rounds: number): Timeline {
  const k = createKernel();
  const p = spawnProcess(k, { name: 'pingpong' });
  return new Timeline(createMachine(k, new Map([[p.pid, new PingPong(rounds)]])));
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function print(name: string, value: number, unit: string, digits = 0): void {
  process.stdout.write(`${name} ${value.toFixed(digits)} ${unit}\n`);
}

/** A seeded generator, so runs are comparable (the engine itself never uses randomness). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function benchPingpong(): void {
  const rounds = 1_000_000;
  const t = pingpongTimeline(rounds);
  const start = process.hrtime.bigint();
  for (;;) {
    const s = t.extend();
    if (!('index' in s)) break;
  }
  const ns = Number(process.hrtime.bigint() - start);
  print('pingpong_ns_per_syscall', ns / (rounds * 2), 'ns');
  print('pingpong_steps', t.length, 'steps');
}

function benchSeek(): void {
  const before = heapMb();
  const t = pingpongTimeline(499_999);
  for (;;) {
    const s = t.extend();
    if (!('index' in s)) break;
  }
  const mb = heapMb() - before;
  const rand = lcg(42);
  let worst = 0;
  let total = 0;
  for (let i = 0; i < 1000; i++) {
    const at = Math.floor(rand() * (t.length + 1));
    const start = process.hrtime.bigint();
    t.stateAt(at);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    worst = Math.max(worst, ms);
    total += ms;
  }
  print('seek_timeline_steps', t.length, 'steps');
  print('seek_ms_max', worst, 'ms', 2);
  print('seek_ms_mean', total / 1000, 'ms', 3);
  print('timeline_mb', mb, 'MB', 1);
}

function benchReplay(): void {
  const text = generatedTrace(100_000);
  const start = process.hrtime.bigint();
  const parsed = parseTrace(text);
  const report = replayLines(parsed.lines);
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  if (report.differ > 0)
    throw new Error(`the generated trace diverges: ${report.divergences[0]?.detail.join('; ')}`);
  print('replay_lines', parsed.lines.length, 'lines');
  print('replay_lines_per_s', parsed.lines.length / s, 'lines/s');
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
if (want('pingpong')) benchPingpong();
if (want('seek')) benchSeek();
if (want('replay')) benchReplay();
if (want('c')) {
  benchStatements(print);
  benchParse(print);
}

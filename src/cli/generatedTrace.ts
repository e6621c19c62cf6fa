/**
 * A long, valid strace log for the benchmarks: two processes echoing over a socketpair, with
 * split calls. `npx tsx src/cli/generatedTrace.ts FILE LINES` writes one (npm run bench:ui uses it).
 */
import { writeFileSync } from 'node:fs';

/** A 100,000-line log of two processes echoing over a socketpair, with split calls. */
export function generatedTrace(lines: number): string {
  const out: string[] = [
    '5000  socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [3, 4]) = 0',
    '5000  clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0) = 5001',
    '5001  close(3) = 0',
    '5000  close(4) = 0',
  ];
  let i = 0;
  while (out.length < lines - 2) {
    const ping = `ping ${i}`;
    const pong = `pong ${i}`;
    out.push(`5001  read(4,  <unfinished ...>`);
    out.push(`5000  write(3, "${ping}", ${ping.length}) = ${ping.length}`);
    out.push(`5001  <... read resumed>"${ping}", 64) = ${ping.length}`);
    out.push(`5001  write(4, "${pong}", ${pong.length}) = ${pong.length}`);
    out.push(`5000  read(3, "${pong}", 64) = ${pong.length}`);
    out.push('5000  getpid() = 5000');
    i++;
  }
  out.push('5001  exit_group(0) = ?', '5001  +++ exited with 0 +++');
  return `${out.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('generatedTrace.ts') && process.argv[2]) {
  writeFileSync(process.argv[2], generatedTrace(Number(process.argv[3] ?? 100_000)));
}

#!/bin/sh
# Records what the C fixtures print on the real Linux kernel: fixtures/c/NAME/expected.json.
#
# For each fixtures/c/NAME/scenario.json (or only the NAMEs given), it compiles each process's
# program files with gcc against the real system headers, the textbooks' headers (tlpi_hdr.h,
# unp.h, ... taken from src/programs/c/headers) and the helper library in src/programs/c/library,
# then runs the processes as the simulator does: in list order, each started only once the ones
# before it have settled (all blocked or exited), every process with its own stdin, stdout and
# stderr pipes and its cwd (default /tmp). stdout is line-buffered and stderr unbuffered, as on a
# terminal (coreutils' libstdbuf preloaded), which is what the simulator models. The run happens in a private mount namespace with a fresh
# tmpfs on /tmp, so that socket files left by one run cannot disturb the next. When everything has
# settled, the processes still alive are recorded with the call they are blocked in, read from
# /proc/PID/syscall, and killed. Each scenario runs RUNS times (3) and must give the same result
# every time.
#
# expected.json has the shape of the simulator's --json output without the pids:
#   {"processes": [{"name", "stdout", "stderr", "exit", "signal", "blocked_in"}]}
# exit is the exit status (null if killed or still blocked), signal the name of the signal that
# killed the process ("SIGSEGV"; null otherwise), blocked_in the call a process was still blocked
# in at the end ("accept", "recvfrom", ...; null otherwise). blocked_in names are Linux system call
# names, except where glibc implements a classic call with a newer one: accept4 is reported as
# accept, pselect6 as select, ppoll as poll, clock_nanosleep as nanosleep. Forked children write
# to the pipes they inherit, so their output is part of the process that started them.
#
# Needs: gcc, node (with the project's node_modules, for tsx), and root for unshare --mount (without
# it the runs use the real /tmp, which must then be free of the fixtures' socket files).
#
# Usage: scripts/record-c-expected.sh [NAME...]    (DELAY_MS=200 RUNS=3 by default)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES="$ROOT/fixtures/c"
RUNS=${RUNS:-3}
DELAY_MS=${DELAY_MS:-200}
BUILD=$(mktemp -d /var/tmp/rv-c-expected.XXXXXX)
trap 'rm -rf "$BUILD"' EXIT INT TERM

# The textbooks' headers, exactly as the simulator has them.
cat > "$BUILD/headers.ts" <<'EOF'
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEXTBOOK_HEADERS } from '../../ROOT/src/programs/c/headers/textbooks.ts';
import { LIBRARY_FILES } from '../../ROOT/src/programs/c/library/index.ts';
const [out, lib] = process.argv.slice(2);
for (const [dir, files] of [[out, TEXTBOOK_HEADERS], [lib, LIBRARY_FILES]]) {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}
EOF
sed -i "s|'../../ROOT/|'$ROOT/|" "$BUILD/headers.ts"
(cd "$ROOT" && npx tsx "$BUILD/headers.ts" "$BUILD/include" "$BUILD/libsrc")

# The helper library (our C versions of the TLPI and UNP helpers, src/programs/c/library): the
# same sources the simulator compiles.
mkdir -p "$BUILD/lib"
for c in "$BUILD"/libsrc/*.c; do
  gcc -O0 -w -c -I "$BUILD/include" -I "$BUILD/libsrc" -o "$BUILD/lib/$(basename "$c" .c).o" "$c"
done
ar rcs "$BUILD/libhelpers.a" "$BUILD"/lib/*.o

cat > "$BUILD/scenario.mjs" <<'EOF'
// compile SCENARIO BUILD: writes BUILD/bin/<process name>
// run SCENARIO BUILD DELAY_MS: runs the processes, prints the result as JSON
import { execFileSync, spawn } from 'node:child_process';
const STDBUF = ['/usr/libexec/coreutils/libstdbuf.so', '/usr/lib/coreutils/libstdbuf.so'].find((f) => existsSync(f));
if (!STDBUF) throw new Error('coreutils libstdbuf.so not found (needed to line-buffer stdout as on a terminal)');
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, scenarioPath, build, delayArg] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioPath, 'utf8'));

if (mode === 'compile') {
  const src = join(build, 'src');
  mkdirSync(src, { recursive: true });
  mkdirSync(join(build, 'bin'), { recursive: true });
  for (const [name, text] of Object.entries(scenario.files)) writeFileSync(join(src, name), text);
  for (const p of scenario.processes) {
    execFileSync('gcc', ['-O0', '-w', '-I', src, '-I', join(build, '..', 'include'),
      '-o', join(build, 'bin', p.name), ...p.program.map((f) => join(src, f)),
      join(build, '..', 'libhelpers.a')], { stdio: 'inherit' });
  }
  process.exit(0);
}

const SYSCALLS = { 0: 'read', 1: 'write', 7: 'poll', 19: 'readv', 20: 'writev', 23: 'select',
  34: 'pause', 35: 'nanosleep', 42: 'connect', 43: 'accept', 44: 'sendto', 45: 'recvfrom',
  46: 'sendmsg', 47: 'recvmsg', 61: 'wait4', 128: 'rt_sigtimedwait', 130: 'rt_sigsuspend',
  202: 'futex', 230: 'nanosleep', 247: 'waitid', 270: 'select', 271: 'poll', 288: 'accept' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const read = (path) => { try { return readFileSync(path, 'utf8'); } catch { return null; } };

/** Every live process (pid, state) in the process groups we started. */
function members(pgids) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pgids.has(Number(fields[2]))) out.push({ pid: Number(entry), state: fields[0] });
  }
  return out;
}

const delay = Number(delayArg);
const procs = [];
let activity = 0;
for (const dir of scenario.dirs ?? []) mkdirSync(dir, { recursive: true });

/** Waits until every process is blocked (S) or dead, with nothing changing for a while. */
async function settle(minMs) {
  const start = Date.now();
  let stableSince = Date.now();
  let last = '';
  for (;;) {
    await sleep(20);
    const live = members(new Set(procs.map((p) => p.child.pid)));
    const key = `${activity}|${live.map((m) => `${m.pid}${m.state}`).join(',')}`;
    if (key !== last) { last = key; stableSince = Date.now(); }
    const blocked = live.every((m) => m.state === 'S' || m.state === 'Z');
    const now = Date.now();
    if (now - start >= minMs && blocked && now - stableSince >= 150) return;
    if (now - start > 10000) return;
  }
}

for (const spec of scenario.processes) {
  const [argv0, ...args] = spec.argv;
  const child = spawn(join(build, 'bin', spec.name), args, {
    argv0, cwd: spec.cwd ?? '/tmp', detached: true, stdio: ['pipe', 'pipe', 'pipe'],
    // stdout line-buffered and stderr unbuffered, as on a terminal (what the simulator models),
    // while still capturing each stream on its own pipe: coreutils' stdbuf preload.
    env: { PATH: '/usr/bin:/bin', LANG: 'C', LD_PRELOAD: STDBUF, _STDBUF_O: 'L', _STDBUF_E: '0' },
  });
  const p = { spec, child, out: [], err: [], exit: undefined, signal: undefined, closed: null };
  child.stdout.on('data', (d) => { p.out.push(d); activity++; });
  child.stderr.on('data', (d) => { p.err.push(d); activity++; });
  child.stdin.on('error', () => {});
  child.on('exit', (code, signal) => { p.exit = code; p.signal = signal; activity++; });
  p.closed = new Promise((r) => child.on('close', r));
  child.stdin.end(spec.stdin ?? '');
  procs.push(p);
  await settle(delay);
}

const results = [];
for (const p of procs) {
  let blockedIn = null;
  if (p.exit === undefined) {
    const sc = read(`/proc/${p.child.pid}/syscall`);
    const nr = sc === null ? NaN : Number(sc.split(' ')[0]);
    blockedIn = SYSCALLS[nr] ?? (sc === null ? 'unknown' : `syscall ${sc.split(' ')[0]}`);
  }
  results.push({ p, blockedIn });
}
for (const p of procs) { try { process.kill(-p.child.pid, 'SIGKILL'); } catch {} }
await Promise.all(procs.map((p) => p.closed));

const processes = results.map(({ p, blockedIn }) => {
  const killedByUs = blockedIn !== null;
  return {
    name: p.spec.name,
    stdout: Buffer.concat(p.out).toString('utf8'),
    stderr: Buffer.concat(p.err).toString('utf8'),
    exit: killedByUs ? null : p.exit,
    signal: killedByUs || p.signal === null ? null : p.signal,
    blocked_in: blockedIn,
  };
});
process.stdout.write(`${JSON.stringify({ processes }, null, 2)}\n`);
EOF

if unshare --mount true 2>/dev/null; then FRESH_TMP=yes; else FRESH_TMP=no; echo "warning: no unshare --mount: runs use the real /tmp" >&2; fi

run_once() { # scenario.json bindir -> stdout JSON
  if [ "$FRESH_TMP" = yes ]; then
    unshare --mount sh -c 'mount -t tmpfs -o mode=1777 tmpfs /tmp && exec node "$0" run "$1" "$2" "$3"' \
      "$BUILD/scenario.mjs" "$1" "$2" "$DELAY_MS"
  else
    node "$BUILD/scenario.mjs" run "$1" "$2" "$DELAY_MS"
  fi
}

if [ $# -gt 0 ]; then NAMES="$*"; else NAMES=$(cd "$FIXTURES" && ls -d */ | tr -d / | grep -v '^include$'); fi
status=0
for name in $NAMES; do
  scenario="$FIXTURES/$name/scenario.json"
  [ -f "$scenario" ] || { echo "$name: no scenario.json" >&2; status=1; continue; }
  # The loose program files are copies of scenario.json's "files": warn when they drift.
  node -e '
    const fs = require("fs"), path = require("path");
    const [file, dir] = process.argv.slice(1);
    for (const [n, t] of Object.entries(JSON.parse(fs.readFileSync(file, "utf8")).files)) {
      const p = path.join(dir, n);
      if (!fs.existsSync(p) || fs.readFileSync(p, "utf8") !== t) console.error(`warning: ${p} differs from scenario.json`);
    }' "$scenario" "$FIXTURES/$name"
  bin="$BUILD/$name"
  if ! node "$BUILD/scenario.mjs" compile "$scenario" "$bin" 2>"$BUILD/compile.log"; then
    cat "$BUILD/compile.log" >&2; echo "$name: does not compile" >&2; status=1; continue
  fi
  i=1
  while [ "$i" -le "$RUNS" ]; do
    run_once "$scenario" "$bin" > "$bin/run$i.json"
    if [ "$i" -gt 1 ] && ! cmp -s "$bin/run1.json" "$bin/run$i.json"; then
      echo "$name: run $i differs from run 1:" >&2
      diff "$bin/run1.json" "$bin/run$i.json" >&2 || true
      status=1
    fi
    i=$((i + 1))
  done
  cp "$bin/run1.json" "$FIXTURES/$name/expected.json"
  echo "$name: recorded ($RUNS runs)"
done
exit $status

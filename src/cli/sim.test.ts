/**
 * The sim command line, run as a user would on scenario files: the --json shape, the text
 * report, exit statuses 0 (ran), 1 (compile error), 2 (bad file or usage) and 3 (step limit),
 * and the messages for each problem.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function sim(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli/sim.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TEMP = mkdtempSync(join(tmpdir(), 'rdv-sim-'));
afterAll(() => rmSync(TEMP, { recursive: true, force: true }));
let temps = 0;

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(TEMP, `${temps++}-`)), name);
  writeFileSync(path, text);
  return path;
}

/** A scenario file running one program as one process "main". */
function scenario(source: string): string {
  const s = { title: 't', files: { 'main.c': source }, processes: [{ name: 'main', program: ['main.c'] }] };
  return tempFile('scenario.json', JSON.stringify(s, null, 2));
}

const SERVER = `#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(void) {
  struct sockaddr_un a;
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  strcpy(a.sun_path, "/tmp/sim-test.sock");
  bind(s, (struct sockaddr *)&a, sizeof a);
  listen(s, 5);
  printf("listening\\n");
  accept(s, NULL, NULL);
  return 0;
}
`;

const HELLO = `#include <stdio.h>
int main(void) {
  printf("hi\\n");
  fprintf(stderr, "oops\\n");
  return 2;
}
`;

describe('npm run sim: running a scenario', () => {
  it('prints {processes: [{name, pid, stdout, stderr, exit, signal, blocked_in}], steps} with --json and exits 0', () => {
    const file = tempFile(
      'two.json',
      JSON.stringify({
        title: 'two',
        files: { 'server.c': SERVER, 'hello.c': HELLO },
        processes: [
          { name: 'server', program: ['server.c'] },
          { name: 'hello', program: ['hello.c'] },
        ],
      }),
    );
    const r = sim(file, '--json');
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(Object.keys(data)).toEqual(['processes', 'steps']);
    expect(Number.isInteger(data.steps) && data.steps > 0).toBe(true);
    for (const p of data.processes)
      expect(Object.keys(p)).toEqual(['name', 'pid', 'stdout', 'stderr', 'exit', 'signal', 'blocked_in']);
    expect(data.processes).toEqual([
      {
        name: 'server',
        pid: expect.any(Number),
        stdout: 'listening\n',
        stderr: '',
        exit: null,
        signal: null,
        blocked_in: 'accept',
      },
      {
        name: 'hello',
        pid: expect.any(Number),
        stdout: 'hi\n',
        stderr: 'oops\n',
        exit: 2,
        signal: null,
        blocked_in: null,
      },
    ]);
  });

  it('reports each process, its output and how it ended in text without --json', () => {
    const r = sim(
      scenario('#include <stdio.h>\nint main(void) { int *p = 0; puts("before"); *p = 1; return 0; }\n'),
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^=== main \(pid \d+\): killed by SIGSEGV\nbefore\n\d+ steps\n$/);
  });

  it('writes warnings as file:line:col: warning: message and still runs the program', () => {
    const r = sim(scenario('int main(void) {\n  int a[1] = {1, 2};\n  return a[0];\n}\n'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('main.c:2:14: warning: excess elements in initializer\n');
  });
});

describe('npm run sim: programs that do not compile (exit status 1)', () => {
  it('prints a syntax error as file:line:col: message', () => {
    const r = sim(scenario('int main(void) {\n  int x = ;\n  return 0;\n}\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('main.c:2:11: expected expression\n');
    expect(r.stdout).toBe('');
  });

  it('says "not supported yet" with the line for a bit-field', () => {
    const r = sim(scenario('struct s {\n  unsigned a : 3;\n};\nint main(void) { return 0; }\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^main\.c:2:\d+: not supported yet: bit-fields at line 2\n$/);
  });

  it('says "not supported yet" with the line and the reason for a call the model leaves out', () => {
    const r = sim(scenario('#include <stdlib.h>\nint main(void) {\n  return system("ls");\n}\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not supported yet: system (running a shell is not modelled) at line 3');
  });
});

describe('npm run sim: the step limit (exit status 3)', () => {
  it('stops an endless for (;;); at --steps 1000 within a few seconds, with a message', () => {
    const start = performance.now();
    const r = sim(scenario('int main(void) {\n  for (;;);\n}\n'), '--steps', '1000', '--json');
    expect(performance.now() - start).toBeLessThan(5000);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).steps).toBe(1000);
    expect(r.stderr).toBe(
      'stopped at the step limit (1000 steps): a program may be in an endless loop; raise it with --steps N\n',
    );
  });
});

describe('npm run sim: bad files and usage (exit status 2)', () => {
  it('names the line and column of bad JSON', () => {
    const file = tempFile('bad.json', '{\n  "title": "x",\n  "files": {,\n}\n');
    const r = sim(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^.*bad\.json: not valid JSON at line 3, column 13: /);
  });

  it('rejects a process naming a file that is not in "files", naming the field', () => {
    const file = tempFile(
      'missing.json',
      JSON.stringify({
        files: { 'main.c': 'int main(void) { return 0; }' },
        processes: [{ name: 'p', program: ['other.c'] }],
      }),
    );
    const r = sim(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('processes[0].program names "other.c", which is not in "files"');
  });

  it('names a file it cannot read', () => {
    const r = sim(join(tmpdir(), 'no-such-scenario.json'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-such-scenario.json: cannot read');
  });

  it('prints the usage for no file, an unknown option or a bad --steps', () => {
    for (const args of [[], ['a.json', '--fast'], ['a.json', '--steps', '0'], ['a.json', 'b.json']]) {
      const r = sim(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: npm run --silent sim -- FILE.json [--json] [--steps N]');
    }
  });
});

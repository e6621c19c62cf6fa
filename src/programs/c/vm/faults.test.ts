/**
 * Faults: what kills a C program on x86-64 Linux kills it here too, with the signal the kernel
 * sends and the line it happened on, and the run goes on without the simulator crashing or
 * hanging. The signals were measured with fixtures/probes/c/faults.c built with gcc 12 and run
 * on Linux (`fixtures/probes/c/run.sh faults`): null SIGSEGV, div SIGFPE, overflow SIGFPE,
 * deep SIGSEGV, abort SIGABRT; stdout "start\n" each time (the unfinished line is lost).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type StepRecord, step } from '../../../engine';
import { buildScenario } from '../scenario';
import { report } from '../sim';
import { scenarioOf } from '../testing';

const PROBE = readFileSync(new URL('../../../../fixtures/probes/c/faults.c', import.meta.url), 'utf8');

/** Runs faults.c in a mode; returns the step that killed it (if any) and the process's report. */
function crash(mode: string) {
  const built = buildScenario(scenarioOf(PROBE, { argv: ['faults', mode] }));
  const m = built.machine;
  if (!m) throw new Error('faults.c does not compile');
  let killed: StepRecord | null = null;
  for (let i = 0; i < 1_000_000; i++) {
    const r = step(m);
    if (!('index' in r)) break;
    if (r.outcome === 'killed') killed = r;
  }
  return { killed, proc: report(m, ['faults'], built.pids)[0] };
}

describe('faults, as on x86-64 Linux', () => {
  it('kills a store through a NULL pointer with SIGSEGV at its line', () => {
    const { killed, proc } = crash('null');
    expect(proc).toMatchObject({ signal: 'SIGSEGV', exit: null, stdout: 'start\n', stderr: '' });
    expect(killed?.location).toEqual({ file: 'prog.c', line: 25 });
    expect(killed?.note).toBe('segmentation fault at line 25: write at address 0x0');
  });

  it('kills an integer division by zero with SIGFPE at its line', () => {
    const { killed, proc } = crash('div');
    expect(proc).toMatchObject({ signal: 'SIGFPE', exit: null, stdout: 'start\n' });
    expect(killed?.location?.line).toBe(27);
    expect(killed?.note).toBe('floating point exception at line 27: integer division by zero');
  });

  it('kills INT_MIN / -1 with SIGFPE, as the idiv instruction traps', () => {
    const { killed, proc } = crash('overflow');
    expect(proc).toMatchObject({ signal: 'SIGFPE', exit: null, stdout: 'start\n' });
    expect(killed?.location?.line).toBe(29);
  });

  it('kills endless recursion with SIGSEGV when the 8 MB stack runs out, in well under a few seconds', () => {
    const t0 = performance.now();
    const { killed, proc } = crash('deep');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(proc).toMatchObject({ signal: 'SIGSEGV', exit: null, stdout: 'start\n' });
    expect(killed?.location?.line).toBe(15);
    expect(killed?.note).toMatch(/^segmentation fault at line 15: stack overflow/);
  });

  it('kills abort() with SIGABRT, losing the unflushed line', () => {
    const { killed, proc } = crash('abort');
    expect(proc).toMatchObject({ signal: 'SIGABRT', exit: null, stdout: 'start\n' });
    expect(killed?.location?.line).toBe(32);
  });

  it('runs to the end without a fault', () => {
    const { killed, proc } = crash('none');
    expect(killed).toBeNull();
    expect(proc).toMatchObject({ signal: null, exit: 0, stdout: 'start\nend\n' });
  });
});

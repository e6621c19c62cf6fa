/**
 * The diagram of every built-in scenario, step by step: nothing jumps between steps, every
 * object says in words what it is, and the words match the kernel's state.
 */
import { describe, expect, it } from 'vitest';
import { layoutState, type Shape } from '../diagram';
import { LIBRARY, runLibrary } from './library';

/** Kinds whose place is fixed for the whole run. */
const FIXED = new Set(['process', 'socket', 'fsentry', 'fd', 'backlog', 'queue', 'sendbuf']);

/** What each kind's label must begin with. */
const STARTS: Record<string, RegExp> = {
  process: /^process /,
  fd: /^fd /,
  socket: /^socket /,
  backlog: /^backlog of /,
  pending: /^pending connection /,
  queue: /^receive queue of /,
  segment: /^(bytes written|message): /,
  sendbuf: /^send buffer of /,
  fsentry: /^file /,
  callout: /^.+: /,
  link: /^(fd \d+ of .+ refers to|socket \d+ and socket \d+ are connected|socket \d+ is bound to)/,
};

describe('the diagram of each scenario', () => {
  for (const s of LIBRARY) {
    it(`${s.id}: nothing jiggles between steps, and every object is labelled in words`, () => {
      const run = runLibrary(s.id);
      let previous: Map<string, Shape> | null = null;
      for (let i = 0; i <= run.steps.length; i++) {
        const layout = layoutState(
          run.timeline.stateAt(i).machine.kernel,
          run.plan,
          i > 0 ? run.steps[i - 1] : null,
        );
        const ids = new Set<string>();
        for (const shape of layout.shapes) {
          expect(ids.has(shape.id), `duplicate id ${shape.id} at step ${i}`).toBe(false);
          ids.add(shape.id);
          expect(shape.label, `${shape.id} at step ${i}`).toMatch(STARTS[shape.kind]);
          const before = previous?.get(shape.id);
          if (
            before &&
            FIXED.has(shape.kind) &&
            before.kind === shape.kind &&
            'box' in before &&
            'box' in shape
          ) {
            expect(shape.box, `${shape.id} moved between steps ${i - 1} and ${i}`).toEqual(before.box);
          }
          if ('box' in shape) {
            expect(shape.box.x + shape.box.w, `${shape.id} leaves the drawing`).toBeLessThanOrEqual(
              layout.width,
            );
            expect(shape.box.y + shape.box.h, `${shape.id} leaves the drawing`).toBeLessThanOrEqual(
              layout.height,
            );
          }
        }
        previous = new Map(layout.shapes.map((sh) => [sh.id, sh]));
      }
    });
  }

  it('a pending connection keeps its id when accept() turns it into a socket (so it can slide into place)', () => {
    const run = runLibrary('stream-echo');
    const connect = run.steps.findIndex((st) => st.call?.name === 'connect') + 1;
    const accept = run.steps.findIndex((st) => st.call?.name === 'accept' && st.outcome === 'done') + 1;
    const at = (i: number) =>
      layoutState(run.timeline.stateAt(i).machine.kernel, run.plan, run.steps[i - 1]).shapes;
    const pending = at(connect).find((sh) => sh.kind === 'pending');
    expect(pending).toBeDefined();
    const after = at(accept).find((sh) => sh.id === pending?.id);
    expect(after?.kind).toBe('socket');
  });

  it('draws the backlog of listen(s, 1) as 2 slots, full when two clients wait', () => {
    const run = runLibrary('backlog-full');
    const full = run.steps.findIndex((st) => st.call?.name === 'connect' && st.outcome === 'blocked') + 1;
    const shapes = layoutState(
      run.timeline.stateAt(full).machine.kernel,
      run.plan,
      run.steps[full - 1],
    ).shapes;
    const backlog = shapes.find((sh) => sh.kind === 'backlog');
    expect(backlog).toMatchObject({ slots: 2, used: 2 });
    expect(shapes.filter((sh) => sh.kind === 'pending')).toHaveLength(2);
    expect(
      shapes.find((sh) => sh.kind === 'process' && sh.label === 'process server child: asleep in connect()'),
    ).toBeDefined();
  });
});

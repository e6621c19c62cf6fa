/**
 * A stress scenario for the UI benchmark (not in the library list): 32 processes, each with a
 * socketpair (64 sockets), each writing 32 small messages into its pair (over 1,000 queued
 * segments). Each then waits for a reply that never comes, so the run ends with everything queued.
 */
import * as S from '../script/dsl';
import type { ScriptLine } from '../script/script';
import type { Scenario } from './types';

function worker(n: number) {
  const lines: ScriptLine[] = [S.socketpair('sv', 'dgram')];
  for (let i = 0; i < 32; i++) lines.push(S.write('sv0', `m${n}.${i}`));
  // Then wait for an answer that never comes, keeping everything queued.
  lines.push(S.read('sv0', 'buf', 64, 'r'));
  return { name: `worker ${n}`, lines };
}

/** 32 workers filling their own socketpairs. */
export const stress: Scenario = {
  id: 'stress',
  title: 'Stress: 32 processes, 64 sockets, 1,000 queued messages',
  summary: 'For measuring the visualizer: 32 processes each fill a datagram socketpair with 32 messages.',
  processes: Array.from({ length: 32 }, (_, i) => worker(i + 1)),
};

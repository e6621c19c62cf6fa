/** The positioned shapes the diagram draws. Every shape has a stable id across steps. */

/** A rectangle in diagram units (the SVG viewBox). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How a process is doing, as a word the diagram shows (never colour alone). */
export type ProcessStatus = 'running' | 'asleep' | 'exited' | 'killed';

export type Shape =
  | {
      kind: 'process';
      id: string;
      box: Box;
      name: string;
      pid: number;
      state: string;
      status: ProcessStatus;
      label: string;
    }
  | {
      kind: 'fd';
      id: string;
      box: Box;
      fd: string;
      text: string;
      target: string | null;
      shared: number;
      label: string;
    }
  | {
      kind: 'socket';
      id: string;
      box: Box;
      title: string;
      sockType: string;
      stateWord: string;
      name: string | null;
      readShut: boolean;
      writeShut: boolean;
      err: string | null;
      listening: boolean;
      label: string;
    }
  | { kind: 'backlog'; id: string; box: Box; slots: number; shown: number; used: number; label: string }
  | { kind: 'pending'; id: string; box: Box; label: string }
  | { kind: 'queue'; id: string; box: Box; bytes: number; peeked: number; hidden: number; label: string }
  | {
      kind: 'segment';
      id: string;
      box: Box;
      text: string;
      bytes: number;
      peeked: number;
      message: boolean;
      fds: number;
      oob: boolean;
      label: string;
    }
  | { kind: 'sendbuf'; id: string; box: Box; fill: number; label: string }
  | { kind: 'fsentry'; id: string; box: Box; path: string; alive: boolean; label: string }
  | { kind: 'callout'; id: string; box: Box; text: string; tone: 'error' | 'signal' | 'info'; label: string }
  | {
      kind: 'link';
      id: string;
      from: { x: number; y: number };
      to: { x: number; y: number };
      linkKind: 'fd' | 'peer' | 'bound';
      label: string;
    };

/** A whole diagram: its size and its shapes, drawn in order. */
export interface Layout {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The centre of a box. */
export function centre(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

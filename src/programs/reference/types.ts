/** The shape of a reference card (one per system call, or a pair of them) and a builder for its errors. */
import type { CProcessSpec } from '../c/scenario';
import { type CLibraryScenario, cLibraryScenario, cProcess } from '../scenarios/c/types';

/** One error a call can return, with a scenario that makes it happen. */
export interface CardError {
  /** The errno name: 'EADDRINUSE'. */
  errno: string;
  /** One plain sentence: when the kernel returns it. */
  when: string;
  /** A tiny C program that gets exactly this errno; its id is `card-<card>-<errno>`. */
  scenario: CLibraryScenario;
}

/** What a reader needs about one call: what it does, its arguments, what it returns, how it fails. */
export interface ReferenceCard {
  /** 'listen', 'read-write', 'send-recv', 'sendmsg-recvmsg'. */
  id: string;
  /** The call names a `?call=` deep link may use: ['read', 'write']. */
  calls: string[];
  title: string;
  /** The headers and C prototypes, as a man page's SYNOPSIS gives them. */
  synopsis: string[];
  /** What it does, in 2-4 plain sentences, AF_UNIX-specific where it matters. */
  does: string;
  args: { name: string; meaning: string }[];
  returns: string;
  errors: CardError[];
  /** The man7.org page. */
  man: string;
}

/**
 * An error of a card with its scenario: one C file, run by one process unless `processes` says
 * otherwise. The scenario's id is `card-<card>-<errno>`.
 */
export function cardError(e: {
  card: string;
  errno: string;
  when: string;
  title: string;
  summary: string;
  file: string;
  code: string;
  process?: string;
  processes?: CProcessSpec[];
}): CardError {
  return {
    errno: e.errno,
    when: e.when,
    scenario: cLibraryScenario({
      id: `card-${e.card}-${e.errno}`,
      title: e.title,
      summary: e.summary,
      files: { [e.file]: e.code },
      processes: e.processes ?? [cProcess(e.process ?? 'demo', e.file)],
    }),
  };
}

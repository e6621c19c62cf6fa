/** Permalinks: the link to what is on screen, and opening one. */

import type { StoreApi } from 'zustand';
import { parseScenario } from '../../programs/c/scenario';
import type { AppState } from '../appState';
import { DEFAULT_ID, SHARED, USER_IDS } from '../library';
import { parseBranches, permalink, unpack } from '../permalink';
import { scenarioJson } from '../programs';
import { keepDraft } from './shared';

type Set = StoreApi<AppState>['setState'];
type Get = () => AppState;

/** The store's links part. */
export function linksSlice(set: Set, get: Get) {
  return {
    async shareLink() {
      const { run, cursor, drafts } = get();
      const id = run.scenario.id;
      if (run.source.kind === 'trace') return null;
      const program =
        run.source.kind === 'c' && (USER_IDS.includes(id) || id in drafts)
          ? scenarioJson(run.source.c)
          : null;
      const branches = run.branchedAt.map((at): [number, number] => [at, run.steps[at]?.pid ?? 0]);
      const base = `${window.location.origin}${window.location.pathname}`;
      return permalink(base, USER_IDS.includes(id) ? SHARED : id, cursor, {
        program,
        branches,
        profile: get().profile,
      });
    },
    async openLink(params) {
      const data = params.get('program');
      let id = params.get('scenario') ?? DEFAULT_ID;
      if (data) {
        try {
          const parsed = parseScenario(await unpack(data));
          if ('error' in parsed) throw new Error(parsed.error);
          keepDraft(set, get, SHARED, parsed.scenario);
          id = SHARED;
        } catch (e) {
          set({
            notice: `The programs in this link could not be read (${e instanceof Error ? e.message : String(e)}); the default scenario is shown instead.`,
          });
          return;
        }
      }
      get().openScenario(id);
      for (const [at, pid] of parseBranches(params.get('branches'))) {
        if (at > get().run.steps.length) break;
        set({ cursor: at });
        get().chooseNext(pid);
      }
      get().goTo(Number(params.get('step') ?? 0));
      // The link has been opened: the programs now live in this browser (?scenario=shared).
      const rest = new URLSearchParams(window.location.search);
      rest.delete('program');
      rest.delete('branches');
      window.history.replaceState(null, '', `${window.location.pathname}?${rest}`);
    },
  } satisfies Partial<AppState>;
}

/** The user's C programs: drafts kept in the browser, Run (built in slices so Stop works), Reset, Import scenario. */

import type { StoreApi } from 'zustand';
import { Timeline } from '../../engine';
import { buildScenario, parseScenario } from '../../programs/c/scenario';
import type { AppState } from '../appState';
import { IMPORTED, USER_IDS } from '../library';
import { saveDrafts } from '../programs';
import { buildRun, MAX_STEP_LIMIT, type RunControl, type ScenarioMeta, STEP_LIMIT } from '../run';
import { active, drive, endNotice, entryCOf, keepDraft, stopBuilding } from './shared';

type Set = StoreApi<AppState>['setState'];
type Get = () => AppState;

/** The store's programs part. */
export function programsSlice(set: Set, get: Get) {
  return {
    building: null,
    reveal: null,
    stepLimit: STEP_LIMIT,
    setStepLimit(n) {
      if (Number.isInteger(n) && n >= 100 && n <= MAX_STEP_LIMIT) set({ stepLimit: n });
    },
    revealLine(file, line) {
      set({ reveal: { file, line, at: Date.now() } });
    },
    program() {
      const { run, drafts } = get();
      if (run.source.kind !== 'c') return null;
      return drafts[run.scenario.id] ?? entryCOf(run.scenario.id, drafts) ?? run.source.c;
    },
    editFile(file, text) {
      const c = get().program();
      if (!c || c.files[file] === text) return;
      keepDraft(set, get, get().run.scenario.id, { ...c, files: { ...c.files, [file]: text } });
    },
    setStdin(index, text) {
      const c = get().program();
      if (!c?.processes[index]) return;
      const processes = c.processes.map((p, i) => (i === index ? { ...p, stdin: text } : p));
      keepDraft(set, get, get().run.scenario.id, { ...c, processes });
    },
    runPrograms() {
      const c = get().program();
      if (!c) return;
      stopBuilding();
      const meta: ScenarioMeta = get().run.scenario;
      const built = buildScenario(c, get().profile);
      const errors = built.diagnostics.filter((d) => d.severity === 'error').length;
      if (!built.machine) {
        set({
          diagnostics: built.diagnostics,
          notice: `The programs did not compile: ${errors} error${errors === 1 ? '' : 's'}, shown beside the code. The last run stays on screen.`,
        });
        return;
      }
      const control: RunControl = { stop: false, limit: get().stepLimit };
      active.control = control;
      const gen = buildRun(meta, { kind: 'c', c }, new Timeline(built.machine), [], [], control);
      set({
        diagnostics: built.diagnostics,
        building: { steps: 0, prepared: 0 },
        playing: false,
        notice: null,
      });
      drive(gen, control, set, (run) => {
        set({
          run: run,
          cursor: 0,
          lastMove: 'jump',
          building: null,
          session: null,
          notice: endNotice(run),
        });
      });
    },
    stopRun() {
      stopBuilding();
    },
    resetPrograms() {
      const id = get().run.scenario.id;
      const drafts = { ...get().drafts };
      delete drafts[id];
      const error = saveDrafts(drafts);
      set({ drafts, notice: error });
      if (!USER_IDS.includes(id)) get().openScenario(id);
    },
    importScenario(text) {
      const parsed = parseScenario(text);
      if ('error' in parsed) return parsed.error;
      keepDraft(set, get, IMPORTED, parsed.scenario);
      get().openScenario(IMPORTED);
      return null;
    },
  } satisfies Partial<AppState>;
}

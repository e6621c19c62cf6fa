/** Imported traces: checked, replayed in a worker, prepared for the views in slices; and the import of any dropped or picked file. */

import type { StoreApi } from 'zustand';
import { summaryLine } from '../../programs/replay/report';
import type { AppState } from '../appState';
import { TRACE_ID } from '../library';
import type { RunControl, ScenarioMeta } from '../run';
import { keepTrace } from '../trace/kept';
import { traceTools } from '../trace/load';
import type { TraceTools } from '../trace/tools';
import { active, drive, endNotice, stopBuilding } from './shared';

type Set = StoreApi<AppState>['setState'];
type Get = () => AppState;

/** The store's traces part. */
export function tracesSlice(set: Set, get: Get) {
  /** Checks, replays and opens a trace once the tools have loaded. */
  function openTrace(tools: TraceTools, text: string, name: string, step: number): void {
    const refusal = tools.refuse(name, text);
    if (refusal) {
      set({ notice: refusal });
      return;
    }
    stopBuilding();
    const title = name.replace(/\.(strace|txt|log)$/, '');
    set({ importing: { name, phase: 'reading', done: 0, total: 0 }, notice: null, playing: false });
    tools
      .replayInWorker(title, text, (phase, done, total) => set({ importing: { name, phase, done, total } }))
      .then((source) => {
        const malformed = source.analysis.report.malformed.length;
        const control: RunControl = { stop: false };
        active.control = control;
        set({
          importing: null,
          pendingVerdict: summaryLine(source.analysis.report),
          building: { steps: source.analysis.steps.length, prepared: 0 },
        });
        const meta: ScenarioMeta = {
          id: TRACE_ID,
          title: `Trace: ${title}`,
          summary: `An strace log replayed on the kernel model: ${summaryLine(source.analysis.report)}.`,
        };
        const gen = tools.buildTraceRun(meta, source, control);
        drive(gen, control, set, (run) => {
          const kept = keepTrace(title, text);
          const notes = [
            malformed > 0
              ? `${malformed} line${malformed === 1 ? ' was' : 's were'} not understood and skipped (listed beside the trace).`
              : '',
            kept ?? '',
            endNotice(run) ?? '',
          ].filter(Boolean);
          const cursor = Number.isInteger(step) && step >= 0 && step <= run.steps.length ? step : 0;
          set({
            run: run,
            cursor,
            lastMove: 'jump',
            building: null,
            session: null,
            pendingVerdict: null,
            diagnostics: [],
            notice: notes.length > 0 ? notes.join(' ') : null,
          });
        });
      })
      .catch((err: unknown) => {
        set({
          importing: null,
          notice: `${name} could not be replayed: ${err instanceof Error ? err.message : String(err)}`,
        });
      });
  }

  return {
    importing: null,
    pendingVerdict: null,
    importTrace(text, name, step = 0) {
      traceTools().then(
        (tools) => openTrace(tools, text, name, step),
        (err: unknown) =>
          set({
            notice: `The trace tools could not be loaded (${err instanceof Error ? err.message : String(err)}); reload the page and try again.`,
          }),
      );
    },
    importFile(name, text) {
      const trimmed = text.trimStart();
      if (name.endsWith('.json') || trimmed.startsWith('{')) {
        let raw: unknown = null;
        try {
          raw = JSON.parse(text);
        } catch {
          raw = null;
        }
        if (raw && typeof raw === 'object' && typeof (raw as { trace?: unknown }).trace === 'string') {
          const t = raw as { trace: string; title?: unknown };
          get().importTrace(t.trace, typeof t.title === 'string' ? t.title : name);
          return;
        }
        const error = get().importScenario(text);
        if (error) set({ notice: `${name} could not be opened: ${error}` });
        return;
      }
      get().importTrace(text, name);
    },
  } satisfies Partial<AppState>;
}

/** The page header: the title, the scenario picker and the display settings. */
import { useRef } from 'react';
import type { KernelProfile } from '../../engine';
import { IMPORTED, LIBRARY, SHARED, USER_IDS } from '../library';
import { type Theme, useApp } from '../store';

/** "Import trace…": a button in front of the file input labelled "Import trace". */
function ImportTrace() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import trace…
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        aria-label="Import trace"
        tabIndex={-1}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          if (f) useApp.getState().importFile(f.name, await f.text());
          e.target.value = '';
        }}
      />
    </>
  );
}

export function Header() {
  const id = useApp((s) => s.run.scenario.id);
  const current = useApp((s) => s.run.scenario);
  const imported = useApp((s) => s.drafts[IMPORTED]);
  const shared = useApp((s) => s.drafts[SHARED]);
  const largeType = useApp((s) => s.largeType);
  const theme = useApp((s) => s.theme);
  const profile = useApp((s) => s.profile);
  const { openScenario, setLargeType, setTheme } = useApp.getState();
  return (
    <header className="app-header">
      <h1>Rendezvous</h1>
      <label className="picker">
        Scenario{' '}
        <select value={id} onChange={(e) => openScenario(e.target.value)}>
          {LIBRARY.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          {imported ? <option value={IMPORTED}>Imported: {imported.title}</option> : null}
          {shared ? <option value={SHARED}>Shared: {shared.title}</option> : null}
          {!LIBRARY.some((s) => s.id === id) && !USER_IDS.includes(id) ? (
            <option value={id}>{current.title}</option>
          ) : null}
        </select>
      </label>
      <label>
        Kernel{' '}
        <select
          value={profile}
          onChange={(e) => useApp.getState().setProfile(e.target.value as KernelProfile)}
        >
          <option value="linux">Linux 6.18</option>
          <option value="4.3bsd">4.3BSD (1986)</option>
        </select>
      </label>
      <button type="button" onClick={() => useApp.getState().setLessonsOpen(true)}>
        Lessons
      </button>
      <button type="button" onClick={() => useApp.getState().setCard('')}>
        Reference
      </button>
      <ImportTrace />
      <div className="settings">
        <label>
          <input type="checkbox" checked={largeType} onChange={(e) => setLargeType(e.target.checked)} /> Large
          type
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            <option value="auto">Auto</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="projector">Projector (high contrast)</option>
          </select>
        </label>
      </div>
    </header>
  );
}

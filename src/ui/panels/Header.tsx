/** The page header: the title, the scenario picker and the display settings. */
import { SCENARIOS } from '../../programs/scenarios';
import { useApp } from '../store';

export function Header() {
  const id = useApp((s) => s.run.scenario.id);
  const largeType = useApp((s) => s.largeType);
  const theme = useApp((s) => s.theme);
  const { openScenario, setLargeType, setTheme } = useApp.getState();
  return (
    <header className="app-header">
      <h1>Rendezvous</h1>
      <label className="picker">
        Scenario{' '}
        <select value={id} onChange={(e) => openScenario(e.target.value)}>
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <div className="settings">
        <label>
          <input type="checkbox" checked={largeType} onChange={(e) => setLargeType(e.target.checked)} /> Large
          type
        </label>
        <label>
          Theme{' '}
          <select value={theme} onChange={(e) => setTheme(e.target.value as 'auto' | 'light' | 'dark')}>
            <option value="auto">Auto</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </div>
    </header>
  );
}

/**
 * Every step's diagram as standalone SVG, drawn off screen with the same components as the
 * page (so the export looks like the screen), for the animated GIF.
 */

import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { layoutState } from '../../diagram';
import { DiagramDefs } from '../diagram/DiagramDefs';
import { ShapeView } from '../diagram/ShapeView';
import type { Run } from '../run';
import { pageCss, standaloneSvg } from './svg';

/** The SVG text of each step 1..N (the state after it), with progress reported. */
export async function stepSvgs(run: Run, progress: (done: number, total: number) => void): Promise<string[]> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:2000px;height:2000px;overflow:hidden;';
  document.body.appendChild(host);
  const root = createRoot(host);
  const css = pageCss();
  const out: string[] = [];
  try {
    for (let i = 1; i <= run.steps.length; i++) {
      const layout = layoutState(run.timeline.stateAt(i).machine.kernel, run.plan, run.steps[i - 1]);
      flushSync(() =>
        root.render(
          <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className="diagram-svg">
            <title>{`${run.scenario.title}, step ${i}`}</title>
            <DiagramDefs />
            {layout.shapes.map((s) => (
              <ShapeView key={s.id} shape={s} />
            ))}
          </svg>,
        ),
      );
      const svg = host.querySelector('svg');
      if (svg) out.push(standaloneSvg(svg, `${run.scenario.title}, step ${i}`, css));
      progress(i, run.steps.length);
      if (i % 8 === 0) await new Promise((r) => setTimeout(r, 0));
    }
  } finally {
    root.unmount();
    host.remove();
  }
  return out;
}

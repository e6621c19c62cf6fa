/**
 * Sharing and exporting what is on screen: a permalink (or the scenario file when a link would
 * be too long), the iframe snippet to embed it, the diagram as SVG or PNG, the whole scenario
 * as an animated GIF, the narration as a text transcript, and presentation mode.
 */
import { useState } from 'react';
import { describeStep } from '../../diagram';
import { stepSvgs } from '../export/frames';
import { encodeGif } from '../export/gif';
import { download, rasterize, standaloneSvg, svgSize } from '../export/svg';
import { scenarioJson } from '../programs';
import { codeOf, type Run } from '../run';
import { useApp } from '../store';

function diagramSvg(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('section[aria-label="Kernel diagram"] svg');
}

/** The narration of every step, as plain text. */
export function transcript(run: Run): string {
  const lines = [run.scenario.title, '', run.scenario.summary, ''];
  run.steps.forEach((st, i) => {
    lines.push(
      `Step ${i + 1}. ${describeStep(st, run.names.get(st.pid) ?? `pid ${st.pid}`, codeOf(run, st))}`,
    );
    lines.push(`  ${run.narration[i]?.text ?? ''}`, '');
  });
  return `${lines.join('\n')}\n`;
}

const slug = (run: Run) => run.scenario.id.replace(/[^a-z0-9-]+/gi, '-');

export function ShareBar() {
  const [dialog, setDialog] = useState<{ title: string; text: string; note?: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const app = useApp.getState();

  const copyLink = async () => {
    const url = await app.shareLink();
    const run = useApp.getState().run;
    if (url) {
      try {
        await navigator.clipboard?.writeText(url);
      } catch {
        // Copying may be refused; the link is shown to copy by hand.
      }
      setDialog({
        title: 'Link to this view',
        text: url,
        note: 'The link holds the programs as they are now and the step shown.',
      });
    } else if (run.source.kind === 'c') {
      download(`${slug(run)}.json`, scenarioJson(run.source.c), 'application/json');
      setDialog({
        title: 'Link to this view',
        text: '',
        note: 'A link would be too long for these programs, so the scenario file was saved instead: share it, and open it with Import scenario.',
      });
    } else {
      setDialog({
        title: 'Link to this view',
        text: '',
        note: 'A link cannot hold this trace: use Save as scenario and share the file.',
      });
    }
  };

  const embed = () => {
    const { run, cursor } = useApp.getState();
    const params = new URLSearchParams({
      embed: '1',
      scenario: run.scenario.id,
      step: String(cursor),
      controls: '1',
    });
    const src = `${window.location.origin}${window.location.pathname}?${params}`;
    setDialog({
      title: 'Embed this view',
      text: `<iframe src="${src}" title="Rendezvous: ${run.scenario.title.replace(/"/g, '&quot;')}" width="960" height="600" style="border:0"></iframe>`,
      note: 'Options: end=N (last step), controls=0, autoplay=1, speed=0.5|1|2|4, view=diagram|code|sequence.',
    });
  };

  const exportSvg = () => {
    const svg = diagramSvg();
    const run = useApp.getState().run;
    if (svg)
      download(
        `${slug(run)}-step-${useApp.getState().cursor}.svg`,
        standaloneSvg(svg, run.scenario.title),
        'image/svg+xml',
      );
  };

  const exportPng = async () => {
    const svg = diagramSvg();
    if (!svg) return;
    const run = useApp.getState().run;
    const text = standaloneSvg(svg, run.scenario.title);
    const { width, height } = svgSize(text);
    const canvas = await rasterize(text, width * 2, height * 2);
    canvas.toBlob(
      (b) => b && download(`${slug(run)}-step-${useApp.getState().cursor}.png`, b, 'image/png'),
      'image/png',
    );
  };

  const exportGif = async () => {
    const run = useApp.getState().run;
    setBusy('Drawing the steps…');
    try {
      const svgs = await stepSvgs(run, (done, total) => setBusy(`Drawing step ${done} of ${total}…`));
      const size = svgs
        .map(svgSize)
        .reduce((a, b) => ({ width: Math.max(a.width, b.width), height: Math.max(a.height, b.height) }), {
          width: 1,
          height: 1,
        });
      const frames: ImageData[] = [];
      for (const [i, t] of svgs.entries()) {
        const canvas = await rasterize(t, size.width, size.height);
        frames.push(
          (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, size.width, size.height),
        );
        if (i % 5 === 0) setBusy(`Encoding frame ${i + 1} of ${svgs.length}…`);
      }
      download(`${slug(run)}.gif`, encodeGif(frames, size.width, size.height) as BlobPart, 'image/gif');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="share-bar" role="toolbar" aria-label="Share and export">
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" onClick={embed}>
        Embed…
      </button>
      <button type="button" onClick={exportSvg}>
        Export SVG
      </button>
      <button type="button" onClick={() => void exportPng()}>
        Export PNG
      </button>
      <button type="button" onClick={() => void exportGif()} disabled={busy !== null}>
        Export GIF
      </button>
      <button
        type="button"
        onClick={() =>
          download(`${slug(useApp.getState().run)}.txt`, transcript(useApp.getState().run), 'text/plain')
        }
      >
        Export transcript
      </button>
      <button type="button" onClick={() => app.setPresenting(true)}>
        Present
      </button>
      {busy ? <span role="status">{busy}</span> : null}
      {dialog ? (
        <div className="share-dialog" role="dialog" aria-label={dialog.title}>
          <h3>{dialog.title}</h3>
          {dialog.text ? (
            <textarea
              readOnly
              rows={3}
              value={dialog.text}
              aria-label={dialog.title}
              onFocus={(e) => e.currentTarget.select()}
            />
          ) : null}
          {dialog.note ? <p>{dialog.note}</p> : null}
          <button type="button" onClick={() => setDialog(null)}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}

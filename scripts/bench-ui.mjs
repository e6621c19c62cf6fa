#!/usr/bin/env node
// npm run bench:ui: the visualizer's speed in Chromium, one figure a line as `NAME VALUE UNIT`.
//   ui_first_render_ms    navigation start to the first diagram on screen (stress scenario)
//   ui_step_settle_ms_p95 "Step forward" to the new diagram in the DOM, 95th percentile (reduced motion)
//   ui_frame_ms_p95       frame time while playing and animating, 95th percentile
//   trace_import_ms_100k  "Import trace" of a 100,000-line log until the verdict shows; with
//                         trace_views_ms_100k (until the views are ready), trace_longest_task_ms
//                         (the longest main-thread task meanwhile) and trace_heap_mb (after import)
//   ui_js_gzip_kb         the JavaScript the page loads at once, gzipped
//   ui_js_lazy_gzip_kb    the JavaScript it loads later (the code editor), gzipped
// The stress scenario has 32 processes, 64 sockets and over 1,000 queued messages.
// Targets: frames <= 16.7 ms, step <= 50 ms, JS <= 250 kB, trace import < 2,000 ms.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const PORT = 4183;

function print(name, value, unit, digits = 1) {
  process.stdout.write(`${name} ${value.toFixed(digits)} ${unit}\n`);
}

function p95(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

// The page loads the entry chunk at once; the code editor (CodeMirror) is a lazy chunk it
// fetches after the first paint. Both are reported; the budget is for what loads at once.
let js = 0;
let lazy = 0;
for (const f of readdirSync('dist/assets')) {
  if (!f.endsWith('.js')) continue;
  const size = gzipSync(readFileSync(join('dist/assets', f)), { level: 9 }).length;
  if (f.startsWith('index-')) js += size;
  else lazy += size;
}

const server = spawn(
  join(root, 'node_modules/.bin/vite'),
  ['preview', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
const base = `http://localhost:${PORT}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

  // First render.
  const firsts = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${base}/?scenario=stress&step=1000`);
    await page.getByText(/^Step 1000 of \d+$/).waitFor();
    firsts.push(
      await page.evaluate(
        () => performance.getEntriesByName('rendezvous:diagram:stress')[0]?.startTime ?? Number.NaN,
      ),
    );
  }
  print('ui_first_render_ms', Math.min(...firsts), 'ms');

  // Step forward to the settled diagram (no animation).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}/?scenario=stress&step=990`);
  await page.getByText(/^Step 990 of \d+$/).waitFor();
  const settle = await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Step forward');
    const out = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  });
  print('ui_step_settle_ms_p95', p95(settle), 'ms');

  // Frames while playing and animating.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto(`${base}/?scenario=stress&step=900`);
  await page.getByText(/^Step 900 of \d+$/).waitFor();
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const times = [];
        const start = performance.now();
        const tick = (t) => {
          times.push(t);
          if (t - start < 4000) requestAnimationFrame(tick);
          else resolve(times.slice(1).map((v, i) => v - times[i]));
        };
        requestAnimationFrame(tick);
      }),
  );
  print('ui_frame_ms_p95', p95(frames), 'ms');

  // Importing a 100,000-line trace: the verdict (from the worker), then the views.
  const tracePath = join(tmpdir(), 'rendezvous-bench-100k.strace');
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/generatedTrace.ts', tracePath, '100000'], {
    cwd: root,
  });
  await page.goto(`${base}/?scenario=peek`);
  await page.getByText(/^Step 0 of \d+$/).waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const t0 = Date.now();
  await page.getByLabel('Import trace').setInputFiles(tracePath);
  await page.getByLabel('Replay verdict').first().waitFor({ timeout: 60000 });
  const verdictMs = Date.now() - t0;
  await page
    .getByRole('combobox', { name: 'Scenario' })
    .and(page.locator('select'))
    .evaluate(
      (el) =>
        new Promise((resolve) => {
          const check = () => (el.value === 'trace' ? resolve(null) : setTimeout(check, 20));
          check();
        }),
    );
  const viewsMs = Date.now() - t0;
  const longest = await page.evaluate(() => window.__longest);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  print('trace_import_ms_100k', verdictMs, 'ms');
  print('trace_views_ms_100k', viewsMs, 'ms');
  print('trace_longest_task_ms', longest, 'ms');
  print('trace_heap_mb', heap.usedSize / 1048576, 'MB', 1);
  print('ui_frame_ms_max', Math.max(...frames), 'ms');
  print('ui_js_gzip_kb', js / 1024, 'kB');
  print('ui_js_lazy_gzip_kb', lazy / 1024, 'kB');
} finally {
  await browser.close();
  server.kill();
}

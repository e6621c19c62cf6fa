import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';

// `vite build --mode singlefile` writes one self-contained HTML file for offline use: release/rendezvous.html.
// The trace replay worker is its own file, fetched when a trace is imported; the offline build
// inlines it (a page opened from file:// cannot load a worker file).
export default defineConfig(({ mode }) => ({
  base: './',
  resolve: {
    alias: [
      {
        find: /^@replay-worker$/,
        replacement: `/src/ui/trace/replayWorker.ts?worker${mode === 'singlefile' ? '&inline' : ''}`,
      },
    ],
  },
  plugins:
    mode === 'singlefile' ? [react(), viteSingleFile({ outputFileName: 'rendezvous.html' })] : [react()],
  build: mode === 'singlefile' ? { outDir: 'release', emptyOutDir: false } : { outDir: 'dist' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
  },
}));

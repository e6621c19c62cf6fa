import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';

// `vite build --mode singlefile` writes one self-contained HTML file for offline use: release/rendezvous.html.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins:
    mode === 'singlefile' ? [react(), viteSingleFile({ outputFileName: 'rendezvous.html' })] : [react()],
  build: mode === 'singlefile' ? { outDir: 'release', emptyOutDir: false } : { outDir: 'dist' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
  },
}));

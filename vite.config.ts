import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { dropUnusedArcoVariants } from './arco-css-pruning';

// The renderer is built into dist/renderer and served to the window by main's app:// protocol handler.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  css: { postcss: { plugins: [dropUnusedArcoVariants()] } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // The packaged app is a recent Chromium: no legacy syntax, no module-preload polyfill script.
    target: 'chrome130',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Two chunks beside the entry: what the first screen needs, and everything loaded on demand (screens, drawers,
        // the operation's views) together. Each on-demand part as a chunk of its own (and their shared parts as more
        // chunks) came to 25 files, each a round trip and each compressed alone, 17 KiB gzip more in all.
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'on-demand', priority: 1 },
          ],
        },
      },
    },
  },
});

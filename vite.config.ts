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
  },
});

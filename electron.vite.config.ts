import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspMetaPlugin } from './src-main/electron/csp-meta.ts';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        // The XLSX worker is an entry of its own: xlsx-reader.ts starts it from out/main/xlsx-worker.js.
        input: { main: resolve('src-main/electron/main.ts'), 'xlsx-worker': resolve('src-main/core/import/xlsx-worker.ts') },
      },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), cspMetaPlugin()],
    // Minified: the first screen parses a third of the script it would otherwise (a faster start).
    build: { minify: true, rollupOptions: { input: { index: resolve('src-renderer/index.html') } } },
  },
});

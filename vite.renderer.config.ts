/**
 * Builds the renderer (the React UI) into out/renderer. The same files are loaded by the
 * Electron window (file://, hence the relative `base`) and served by the browser host.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP is script-src 'self': no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    // Which chunk each entry and page needs (.vite/manifest.json): test/renderer/chunks.test.ts reads it.
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
});

/**
 * Builds the head-office console (React + antd) into out/console. Head office serves it at
 * /console/ on its own HTTPS, so `base` is that path; each page is its own chunk (console/pages.tsx).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./console', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./out/console', import.meta.url)),
    emptyOutDir: true,
    // The CSP is script-src 'self': no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});

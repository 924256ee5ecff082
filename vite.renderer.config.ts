/**
 * Builds the renderer (the React UI) into out/renderer. The same files are loaded by the
 * Electron window (file://, hence the relative `base`) and served by the browser host.
 * main.tsx loads either the print chunk or the app; each page is a chunk of its own
 * (renderer/shell/shell.tsx), so the first screen does not wait for every page.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes out/renderer-chunks.json: the source modules each chunk holds, by path from the
 * repository. Beside out/renderer, not in it, so neither the host nor the installer ships it;
 * test/e2e/routes.test.ts reads it to prove the print chunk holds no page and no antd.
 */
function chunkModules(): Plugin {
  return {
    name: 'counterdesk-chunk-modules',
    writeBundle(options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle))
        if (output.type === 'chunk')
          chunks[file] = output.moduleIds.map((id) => relative(root, id).replace(/\\/g, '/'));
      writeFileSync(join(dirname(options.dir!), 'renderer-chunks.json'), `${JSON.stringify(chunks, null, 1)}\n`);
    },
  };
}

export default defineConfig({
  root: join(root, 'renderer'),
  base: './',
  plugins: [react(), chunkModules()],
  build: {
    outDir: join(root, 'out/renderer'),
    emptyOutDir: true,
    // The CSP is script-src 'self': no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    // Which chunks each entry and page needs (.vite/manifest.json), read by test/e2e/routes.test.ts.
    manifest: true,
    chunkSizeWarningLimit: 700,
  },
});

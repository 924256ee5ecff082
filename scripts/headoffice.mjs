// `npm run headoffice` / `npm run headoffice:admin -- <command>`: builds head office (Vite, Node
// bundle; its npm dependencies stay in node_modules) into out/headoffice-server or -admin, then runs it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const admin = process.argv[2] === '--admin';
const entry = admin ? 'headoffice/admin/cli.ts' : 'headoffice/main.ts';
const fileName = admin ? 'admin.js' : 'headoffice.js';

// The console (a browser app) is built with the server, so `npm run headoffice` serves it.
if (!admin) await build({ configFile: `${root}vite.console.config.ts`, logLevel: 'warn' });
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: entry,
    outDir: `out/headoffice-${admin ? 'admin' : 'server'}`,
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: fileName } },
  },
});
const child = spawn(
  process.execPath,
  [`${root}out/headoffice-${admin ? 'admin' : 'server'}/${fileName}`, ...process.argv.slice(admin ? 3 : 2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));

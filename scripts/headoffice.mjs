// `npm run headoffice` / `npm run headoffice:admin -- <command>`: builds head office into
// out/headoffice (scripts/headoffice-build.mjs; run from the repository, its npm packages come from
// the repository's node_modules), then runs the server or the admin CLI with the arguments given.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHeadOfficeBundles, buildHeadOfficeDist } from './headoffice-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'out/headoffice');
const admin = process.argv[2] === '--admin';

// The admin CLI needs only the bundles: rebuilding them leaves the console (and a server running
// from the same folder) alone.
if (admin) await buildHeadOfficeBundles(outDir);
else await buildHeadOfficeDist({ outDir });
const child = spawn(
  process.execPath,
  [join(outDir, admin ? 'admin.js' : 'headoffice.js'), ...process.argv.slice(admin ? 3 : 2)],
  { stdio: 'inherit' },
);
// The child gets the terminal's Ctrl-C itself; a SIGTERM sent to this script is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

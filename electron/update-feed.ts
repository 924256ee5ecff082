/**
 * Where the counter's updates come from: the head office it is enrolled with, at
 * `<server>/updates/<platform>` (headoffice/updates/routes.ts), trusted as its sync is (the CA given
 * at enrolment) and authenticated as its sync is (a 15-minute access token from the PC's refresh
 * secret, fetched before each check). electron-builder.yml's `publish` URL is only a placeholder
 * for electron-builder; the feed is set here with `setFeedURL`. No `electron` import.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { CredentialStore } from '../db/sync/credentials';
import { createSyncHttp } from '../db/sync/client';
import type { TokenResponse } from '../db/sync/protocol';
import { PinnedHttpExecutor } from './update-http';

export type FeedPlatform = 'win' | 'linux';

export function feedPlatform(platform: NodeJS.Platform): FeedPlatform | null {
  return platform === 'win32' ? 'win' : platform === 'linux' ? 'linux' : null;
}

export type FeedAccess = { url: string; caCert: string | null; token: string };

export function feedUrl(serverUrl: string, platform: FeedPlatform): string {
  return new URL(`/updates/${platform}`, serverUrl).href;
}

/** The feed for this PC now, or null when it is not enrolled. Throws when head office cannot be asked. */
export async function fetchFeedAccess({
  credentials,
  server,
  platform,
}: {
  credentials: CredentialStore;
  server: { url: string; caCert: string | null } | null;
  platform: FeedPlatform;
}): Promise<FeedAccess | null> {
  const device = credentials.load();
  if (!device || !server) return null;
  const http = createSyncHttp({ baseUrl: server.url, caCert: server.caCert });
  try {
    const answer = await http.request('POST', '/sync/v1/token', {
      body: { deviceId: device.deviceId, refreshSecret: device.refreshSecret },
    });
    if (answer.status !== 200) throw new Error(`Head office refused this PC's token request (${answer.status})`);
    const { accessToken } = answer.body as TokenResponse;
    return { url: feedUrl(server.url, platform), caCert: server.caCert, token: accessToken };
  } finally {
    http.close();
  }
}

/** The parts of electron-updater's AppUpdater the feed sets. */
export type FeedTarget = {
  setFeedURL(options: { provider: 'generic'; url: string; useMultipleRangeRequest?: boolean }): void;
  requestHeaders: OutgoingHttpHeaders | null;
};

/**
 * Points `updater` at the feed. electron-updater keeps its HTTP client in a field it does not
 * expose (`httpExecutor`, which its own tests replace the same way); ours trusts the enrolment CA.
 * setFeedURL after it, so the provider is rebuilt with the new client.
 */
export function applyFeed(
  updater: FeedTarget,
  access: FeedAccess,
  current: { url: string; caCert: string | null } | null,
  newExecutor: (caCert: string | null) => PinnedHttpExecutor = (caCert) => new PinnedHttpExecutor(caCert),
): void {
  const internals = updater as unknown as { httpExecutor: PinnedHttpExecutor };
  if (!current || current.url !== access.url || current.caCert !== access.caCert) {
    internals.httpExecutor = newExecutor(access.caCert);
    updater.setFeedURL({ provider: 'generic', url: access.url });
  }
  updater.requestHeaders = { authorization: `Bearer ${access.token}` };
  // A download already running takes the renewed token from its next request on (update-http.ts).
  internals.httpExecutor.setToken(access.url, access.token);
}

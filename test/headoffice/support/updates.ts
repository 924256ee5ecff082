/**
 * What the update-feed tests need besides a head office: fake releases (an "installer" of random
 * bytes, its block map made by app-builder-lib's own code, and the latest.yml electron-builder
 * would write), and electron-updater's NsisUpdater driven in plain Node — the way electron-builder's
 * own tests drive it (test/src/helpers/TestAppAdapter.ts there): an AppAdapter that is not
 * Electron's, the Windows platform as a test option, and our HTTP client (electron/update-http.ts)
 * wrapped to count the bytes each URL brings.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap';
import { NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { applyFeed, type FeedAccess } from '../../../electron/update-feed';
import { PinnedHttpExecutor } from '../../../electron/update-http';

export const installerName = (version: string) => `Counterdesk-Setup-${version}.exe`;

/** A release folder as electron-builder leaves it: the installer, its .blockmap, latest.yml. */
export async function writeRelease(dir: string, version: string, bytes: Buffer): Promise<string> {
  mkdirSync(dir, { recursive: true });
  // On disk with spaces, in latest.yml with dashes, as electron-builder names them.
  const file = join(dir, `Counterdesk Setup ${version}.exe`);
  writeFileSync(file, bytes);
  const info = await buildBlockMap(file, 'gzip', `${file}.blockmap`);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  if (info.sha512 !== sha512) throw new Error('blockmap sha512 differs');
  writeFileSync(
    join(dir, 'latest.yml'),
    [
      `version: ${version}`,
      'files:',
      `  - url: ${installerName(version)}`,
      `    sha512: ${sha512}`,
      `    size: ${bytes.length}`,
      `path: ${installerName(version)}`,
      `sha512: ${sha512}`,
      `releaseDate: '2026-12-07T10:00:00.000Z'`,
      '',
    ].join('\n'),
  );
  return dir;
}

/** Version 2 of an installer: a few short stretches changed, one inserted; the rest as it was. */
export function nextInstaller(previous: Buffer): Buffer {
  const next = Buffer.from(previous);
  for (const at of [300_000, 1_700_000, 3_100_000]) randomBytes(64).copy(next, at);
  return Buffer.concat([next.subarray(0, 2_500_000), randomBytes(1000), next.subarray(2_500_000)]);
}

/** Bytes of response bodies per URL path, as the counter received them. */
export class CountingExecutor extends PinnedHttpExecutor {
  readonly received = new Map<string, number>();
  readonly requests: Array<{ path: string; range: string | null; status: number }> = [];

  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    const path = String(options.path ?? '').split('?')[0]!;
    const headers = (options.headers ?? {}) as Record<string, string>;
    const range = headers.Range ?? headers.range ?? null;
    return super.createRequest(options, (response) => {
      this.requests.push({ path, range, status: response.statusCode ?? 0 });
      callback(response);
      response.on('data', (chunk: Buffer) => this.received.set(path, (this.received.get(path) ?? 0) + chunk.length));
    });
  }
}

class NodeAppAdapter implements AppAdapter {
  readonly name = 'counterdesk';
  readonly isPackaged = true;
  constructor(
    readonly version: string,
    private readonly dir: string,
  ) {}
  get appUpdateConfigPath() {
    return join(this.dir, 'app-update.yml');
  }
  get userDataPath() {
    return this.dir;
  }
  get baseCachePath() {
    return this.dir;
  }
  whenReady() {
    return Promise.resolve();
  }
  relaunch() {}
  quit() {}
  onQuit() {}
}

export const UPDATER_CACHE = 'counterdesk-updater';

/**
 * A Windows counter at `version` whose files live in `dir`: electron-updater's NsisUpdater with the
 * feed applied as electron/updater.ts applies it, then our counting client in place of the one
 * applyFeed made (same class, same CA).
 */
export function counterUpdater(
  version: string,
  dir: string,
  access: FeedAccess,
  { differential, multipleRanges = true }: { differential: boolean; multipleRanges?: boolean },
): { updater: NsisUpdater; http: CountingExecutor } {
  mkdirSync(dir, { recursive: true });
  // electron-builder writes app-update.yml into the app's resources; the updater reads its cache folder name there.
  writeFileSync(
    join(dir, 'app-update.yml'),
    `provider: generic\nurl: ${access.url}\nupdaterCacheDirName: ${UPDATER_CACHE}\n`,
  );
  const updater = new NsisUpdater(null, new NodeAppAdapter(version, dir));
  const internals = updater as unknown as { _testOnlyOptions: unknown; httpExecutor: PinnedHttpExecutor };
  // Windows' feed on this Linux machine; in test mode a failed differential download throws
  // instead of quietly falling back to a full one, so a test cannot pass by the fallback.
  internals._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: differential };
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.logger = null;
  applyFeed(updater, access, null);
  const http = new CountingExecutor(access.caCert);
  internals.httpExecutor = http;
  updater.setFeedURL({ provider: 'generic', url: access.url, useMultipleRangeRequest: multipleRanges });
  return { updater, http };
}

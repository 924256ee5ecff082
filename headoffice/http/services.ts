/**
 * What every route of head office works with, made once per app by `buildHeadOffice` and handed to
 * each route plugin as its options: the database, head office's clock, the time (injectable for
 * tests of token expiry and clock skew) and where errors are logged.
 */
import { createHlc, type Hlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { readMeta, type HqDatabase } from '../db/open';

export type HeadOfficeServices = {
  db: HqDatabase;
  hqClock: Hlc;
  now: () => number;
  log: (line: string) => void;
  /** The secret access tokens are signed with (server_meta), read once. */
  tokenSecret(): Promise<string>;
};

export function createServices({
  db,
  now = Date.now,
  log = () => {},
  hqClock = createHlc({ node: HQ_NODE, now }),
}: {
  db: HqDatabase;
  now?: () => number;
  log?: (line: string) => void;
  /** Head office's clock, when something outside the app writes with it too (a test's SMS sender). */
  hqClock?: Hlc;
}): HeadOfficeServices {
  let secret: Promise<string> | null = null;
  return {
    db,
    hqClock,
    now,
    log,
    tokenSecret() {
      // A failed read (database down) is not kept: the next request reads again.
      secret ??= readMeta(db, 'token_secret').catch((error: unknown) => {
        secret = null;
        throw error;
      });
      return secret;
    },
  };
}

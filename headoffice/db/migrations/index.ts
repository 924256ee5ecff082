/** Head office's migrations, listed in code; forward-only, never edited once landed. */
import type { Kysely } from 'kysely';
import * as m0001 from './0001-init';
import * as m0002 from './0002-feed-json';
import * as m0003 from './0003-state-json';
import * as m0004 from './0004-phone-digits';
import * as m0005 from './0005-link-store-check';
import * as m0006 from './0006-push-batch';
import * as m0008 from './0008-device-counter';
import * as m0009 from './0009-console';
import * as m0010 from './0010-feed-scope';
import * as m0011 from './0011-report-rollups';
import * as m0012 from './0012-join-review';
import * as m0013 from './0013-stores-devices';
import * as m0014 from './0014-update-releases';
import * as m0016 from './0016-sms-outbox';
import * as m0017 from './0017-progress-page';
import * as m0018 from './0018-warranty-ends-and-sms-templates';

export type HqMigration = {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
  up: (db: Kysely<any>) => Promise<void>;
};

export const hqMigrations: ReadonlyArray<HqMigration> = [
  { version: 1, name: 'init', up: m0001.up },
  { version: 2, name: 'feed-json', up: m0002.up },
  { version: 3, name: 'state-json', up: m0003.up },
  { version: 4, name: 'phone-digits', up: m0004.up },
  { version: 5, name: 'link-store-check', up: m0005.up },
  { version: 6, name: 'push-batch', up: m0006.up },
  { version: 8, name: 'device-counter', up: m0008.up },
  { version: 9, name: 'console', up: m0009.up },
  { version: 10, name: 'feed-scope', up: m0010.up },
  { version: 11, name: 'report-rollups', up: m0011.up },
  { version: 12, name: 'join-review', up: m0012.up },
  { version: 13, name: 'stores-devices', up: m0013.up },
  { version: 14, name: 'update-releases', up: m0014.up },
  { version: 16, name: 'sms-outbox', up: m0016.up },
  { version: 17, name: 'progress-page', up: m0017.up },
  { version: 18, name: 'warranty-ends-and-sms-templates', up: m0018.up },
];

/**
 * The migrations, listed in code (not read from a folder: that breaks inside a packaged asar and
 * under a bundler; docs/STYLE.md §10). Numbered, forward-only, never edited once landed.
 */
import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-customer-file';
import * as m0003 from './0003-tickets';
import * as m0004 from './0004-parts';
import * as m0005 from './0005-sync';
import * as m0006 from './0006-print';
import * as m0007 from './0007-sla-targets';
import * as m0008 from './0008-search-backlog';
import * as m0009 from './0009-ticket-backlog';
import * as m0010 from './0010-parts-cancel-locations';
import * as m0011 from './0011-ticket-link';
import * as m0012 from './0012-pending-kind';
import * as m0013 from './0013-ack-marks';
import * as m0014 from './0014-pin-lockout';
import * as m0015 from './0015-kept-aside-reason';
import * as m0016 from './0016-sla-clock-regions';
import * as m0017 from './0017-join-offers';
import * as m0018 from './0018-update-window';
import * as m0019 from './0019-manager-route-calendar-days';
import * as m0020 from './0020-charges';
import * as m0021 from './0021-estimates';
import * as m0022 from './0022-sanbao-windows';
import * as m0023 from './0023-customer-messages';
import * as m0024 from './0024-purchase-orders';
import * as m0025 from './0025-supplier-return-steps';
import * as m0026 from './0026-requisition-line-decisions';
import * as m0027 from './0027-labels-blind-counts';
import * as m0028 from './0028-training';

export type Migration = {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
  up: (db: Kysely<any>) => Promise<void>;
};

export const migrations: ReadonlyArray<Migration> = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'customer-file', up: m0002.up },
  { version: 3, name: 'tickets', up: m0003.up },
  { version: 4, name: 'parts', up: m0004.up },
  { version: 5, name: 'sync', up: m0005.up },
  { version: 6, name: 'print', up: m0006.up },
  { version: 7, name: 'sla-targets', up: m0007.up },
  { version: 8, name: 'search-backlog', up: m0008.up },
  { version: 9, name: 'ticket-backlog', up: m0009.up },
  { version: 10, name: 'parts-cancel-locations', up: m0010.up },
  { version: 11, name: 'ticket-link', up: m0011.up },
  { version: 12, name: 'pending-kind', up: m0012.up },
  { version: 13, name: 'ack-marks', up: m0013.up },
  { version: 14, name: 'pin-lockout', up: m0014.up },
  { version: 15, name: 'kept-aside-reason', up: m0015.up },
  { version: 16, name: 'sla-clock-regions', up: m0016.up },
  { version: 17, name: 'join-offers', up: m0017.up },
  { version: 18, name: 'update-window', up: m0018.up },
  { version: 19, name: 'manager-route-calendar-days', up: m0019.up },
  { version: 20, name: 'charges', up: m0020.up },
  { version: 21, name: 'estimates', up: m0021.up },
  { version: 22, name: 'sanbao-windows', up: m0022.up },
  { version: 23, name: 'customer-messages', up: m0023.up },
  { version: 24, name: 'purchase-orders', up: m0024.up },
  { version: 25, name: 'supplier-return-steps', up: m0025.up },
  { version: 26, name: 'requisition-line-decisions', up: m0026.up },
  { version: 27, name: 'labels-blind-counts', up: m0027.up },
  { version: 28, name: 'training', up: m0028.up },
];

/** The schema version this build of the app writes. */
export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

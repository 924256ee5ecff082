/**
 * `npm run headoffice:admin -- <command>`: head office's tools until it has a web console.
 *   add-store CODE NAME            a store that PCs can enroll into
 *   issue-code STORE [--hours H]   a one-time enrollment code (at most 24 h)
 *   devices                        enrolled PCs, their store, counter number, enrollment and last sync
 *   revoke DEVICE_ID               stop a PC (stolen, retired); it keeps its local data, and its
 *                                  counter number is free for another PC of the store
 *   rejected [--limit N]           changes head office refused, with the reason
 *   import-catalogue FILE          parts and prices from CSV or XLSX (part_no,name,spec,unit,cost_fen,price_fen)
 *   find-customer PHONE|NAME       customers whose phone (or part, e.g. the last 4 digits) or name matches:
 *                                  id, name, phones and the stores that see them
 *   link-customer ID|PHONE STORE   let a store see a customer, given by id or by phone (refuses
 *                                  to guess when several customers share the phone)
 *   create-admin USERNAME NAME     the console's first administrator (or another); the password is
 *                                  read from HEADOFFICE_ADMIN_PASSWORD or asked for on the terminal
 *   after-restore                  run after restoring the database from a backup
 *   compact HORIZON_SEQ            drop feed rows up to a seq (replicas behind it reset)
 *   release upload|list|rollout|pause|resume …
 *                                  app releases for the counters' updates (admin/releases.ts)
 * The database: --database-url, or the one `npm run headoffice` started (read from --data-dir).
 * Release files: --updates-dir, HEADOFFICE_UPDATES_DIR, or <data dir>/updates.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { issueEnrollmentCode, revokeDevice } from '../auth';
import { connectHq, migrateHq } from '../db/open';
import { importCatalogue } from './catalogue';
import { findCustomers, formatMatches, linkCustomerByIdOrPhone } from './customers';
import { recordAudit } from '../console/audit';
import { passwordSchema, usernameSchema } from '../console/contract/session';
import { createStaff } from '../console/sessions';
import { addStore, afterRestore, compactFeed, listDevices, listRejected } from './ops';
import { askPassword } from './password-prompt';
import { runReleaseCommand } from './releases';

const USAGE =
  'usage: headoffice-admin <add-store|issue-code|devices|revoke|rejected|import-catalogue|find-customer|link-customer|create-admin|after-restore|compact|release> … [--database-url URL | --data-dir DIR]';

/** Where the console is, from the connection file `npm run headoffice` writes (else a placeholder). */
function consoleAddress(dataDir: string): string {
  try {
    const { server } = JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')) as { server?: string };
    if (server) return `${server}/console/`;
  } catch {
    // No connection file: head office runs elsewhere.
  }
  return 'https://<head office>/console/';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      hours: { type: 'string' },
      limit: { type: 'string' },
      'updates-dir': { type: 'string' },
      stores: { type: 'string' },
      percent: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (!command) throw new Error(USAGE);
  const dataDir = resolve(values['data-dir'] ?? process.env.HEADOFFICE_DATA_DIR ?? '.headoffice');
  let url = values['database-url'] ?? process.env.HEADOFFICE_DATABASE_URL;
  if (!url) {
    try {
      url = (JSON.parse(readFileSync(join(dataDir, 'connection.json'), 'utf8')) as { url: string }).url;
    } catch {
      throw new Error(
        `No database: pass --database-url, or start \`npm run headoffice\` (it writes ${join(dataDir, 'connection.json')})`,
      );
    }
  }
  const db = connectHq(url, { max: 2 });
  const need = (n: number, what: string) => {
    if (args.length < n) throw new Error(`${command} needs ${what}`);
  };
  try {
    await migrateHq(db);
    const out = (value: unknown) =>
      process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
    switch (command) {
      case 'add-store':
        need(2, 'a store code and a name, e.g. add-store S012 南京西路店');
        out(`Store ${args[0]} added (${await addStore(db, args[0]!, args.slice(1).join(' '))})`);
        break;
      case 'issue-code': {
        need(1, 'a store code');
        const issued = await issueEnrollmentCode(db, args[0]!, { ttlHours: Number(values.hours ?? 24) });
        out(`Enrollment code for ${args[0]}: ${issued.code} (one use, valid until ${issued.expiresAt})`);
        break;
      }
      case 'devices':
        out(await listDevices(db));
        break;
      case 'revoke':
        need(1, 'a device id (see `devices`)');
        out((await revokeDevice(db, args[0]!)) ? `Device ${args[0]} revoked` : `No active device ${args[0]}`);
        break;
      case 'rejected':
        out(await listRejected(db, Number(values.limit ?? 50)));
        break;
      case 'import-catalogue':
        need(1, 'a CSV or XLSX file');
        out(await importCatalogue(db, createHlc({ node: HQ_NODE }), args[0]!, readFileSync(args[0]!)));
        break;
      case 'find-customer': {
        need(1, 'a phone number (or part of one) or part of a name, e.g. find-customer 1111 or find-customer 张');
        const matches = await findCustomers(db, args.join(' '));
        out(matches.length > 0 ? formatMatches(matches) : `No customer at head office matches ${args.join(' ')}`);
        break;
      }
      case 'link-customer':
        need(2, 'a customer id or phone number and a store code, e.g. link-customer 13800001111 S020');
        // The store comes last, so a phone typed with spaces (138 0000 1111) still reads whole.
        out(await linkCustomerByIdOrPhone(db, args.slice(0, -1).join(' '), args.at(-1)!));
        break;
      case 'create-admin': {
        need(2, 'a user name and a display name, e.g. create-admin wang.li 王力');
        const username = usernameSchema.parse(args[0]);
        const password = passwordSchema.parse(
          process.env.HEADOFFICE_ADMIN_PASSWORD ?? (await askPassword(`Password for ${username}: `)),
        );
        const staff = await createStaff(db, {
          username,
          displayName: args.slice(1).join(' '),
          role: 'admin',
          password,
        });
        await recordAudit(db, null, {
          action: 'staff.create',
          target: username,
          before: null,
          after: { username, role: 'admin' },
        });
        out(`Administrator ${staff.username} created: sign in at ${consoleAddress(dataDir)}`);
        break;
      }
      case 'after-restore':
        out(`New epoch ${await afterRestore(db)}: replicas will re-push what the backup lost and re-pull`);
        break;
      case 'compact':
        need(1, 'the highest feed seq to drop');
        out(`Removed ${await compactFeed(db, Number(args[0]))} feed rows`);
        break;
      case 'release': {
        const updatesDir = resolve(
          values['updates-dir'] ?? process.env.HEADOFFICE_UPDATES_DIR ?? join(dataDir, 'updates'),
        );
        out(await runReleaseCommand(db, updatesDir, args, { stores: values.stores, percent: values.percent }));
        break;
      }
      default:
        throw new Error(`Unknown command ${command}\n${USAGE}`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`headoffice-admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

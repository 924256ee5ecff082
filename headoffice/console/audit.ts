/**
 * The audit log of the console: who changed what, with the values before and after. Every console
 * route that writes records one, in the same transaction as the write, so there is no change
 * without its entry and no entry for a change that was rolled back. Values are plain JSON; never a
 * password or its hash.
 */
import type { Kysely, Transaction } from 'kysely';
import type { HqDB } from '../db/schema';
import type { ConsoleStaff } from './contract/session';

export type AuditEntry = { action: string; target: string; before: unknown; after: unknown };

const MAX_VALUE_CHARS = 200_000;

function json(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  // An import of thousands of lines is summarised by its route; this only stops a runaway value.
  return text.length > MAX_VALUE_CHARS ? JSON.stringify({ truncated: true, chars: text.length }) : text;
}

export async function recordAudit(
  db: Kysely<HqDB> | Transaction<HqDB>,
  staff: Pick<ConsoleStaff, 'id' | 'username'> | null,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('consoleAudit')
    .values({
      staffId: staff?.id ?? null,
      // A change made from the admin CLI has no staff member: it is the server's operator.
      username: staff?.username ?? '(admin CLI)',
      action: entry.action,
      target: entry.target.slice(0, 200),
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

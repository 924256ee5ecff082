/**
 * Where a customer checks their ticket's progress: head office's progress page, at the address
 * this PC enrolled with (docs/architecture/progress-page.md). A standalone PC has no head office,
 * so its receipts point nowhere. Only an https address is printed: the page is served nowhere else.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';

export async function progressPageUrl(db: Kysely<DB>): Promise<string | null> {
  const rows = await db
    .selectFrom('syncState')
    .select(['key', 'value'])
    .where('key', 'in', ['device_id', 'server_url'])
    .execute();
  const state = new Map(rows.map((row) => [row.key, row.value]));
  const server = state.get('server_url');
  if (!state.get('device_id') || !server) return null;
  try {
    const url = new URL('/progress', server);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

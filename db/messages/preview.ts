/**
 * What the message settings page fills a template's preview with: this store's own name and
 * phone, and a ticket number in this counter's real format — the last one it issued, or the one
 * the next ticket would get today — so the previewed length is the length customers receive.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import type { StoreRow } from '../schema';
import { numberPrefix } from '../tickets/number';

export type MessagePreview = Readonly<{ store: string; ticket: string; storePhone: string }>;

export async function messagePreview(
  db: Kysely<DB>,
  store: Pick<StoreRow, 'id' | 'name' | 'phone' | 'code' | 'counterNo'>,
  localDate: string,
): Promise<MessagePreview> {
  const last = await db
    .selectFrom('ticket')
    .select('number')
    .where('storeId', '=', store.id)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    store: store.name,
    ticket: last?.number ?? `${numberPrefix(store.code, store.counterNo, localDate)}0001`,
    storePhone: store.phone ?? '',
  };
}

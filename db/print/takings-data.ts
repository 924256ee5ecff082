/** The data of the day's takings hand-over sheet (收款交班单): the takings of db/charges under the letterhead. */
import type { Kysely } from 'kysely';
import { loadTakings } from '../charges/takings';
import type { DB } from '../schema';
import type { TakingsPrintData } from './form-data';
import { loadStoreHeader } from './store-header';

export async function loadTakingsPrint(db: Kysely<DB>, date: string, nowIso: string): Promise<TakingsPrintData> {
  const store = await loadStoreHeader(db);
  return { ...(await loadTakings(db, date, nowIso)), store, number: `${store.code}-${date.replaceAll('-', '')}` };
}

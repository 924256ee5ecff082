/**
 * Who owns the part catalogue and prices: the one place the rule lives (docs/SYNC.md §2.5).
 *
 * Head office holds the catalogue and prices (docs/DOMAIN.md "Head office"), but a store that has not
 * been enrolled with head office yet has nobody to receive them from, so until then the store's
 * admin keeps them. Enrolment writes `device_id` into sync_state (docs/SYNC.md §2.1); from then on the
 * store edits only its own attributes of a part (bin, reorder level and quantity), and
 * head-office rows arrive by sync. The sync engine switches the rule here, nowhere else.
 */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { isEnrolled } from '../enrolment';

export type CatalogueOwner = 'store' | 'head_office';

/** Part fields a store keeps for itself even when head office owns the rest (LWW per field). */
export const STORE_OWNED_PART_FIELDS = ['bin', 'reorderLevel', 'reorderQty'] as const;

export async function catalogueOwner(db: Kysely<DB>): Promise<CatalogueOwner> {
  return (await isEnrolled(db)) ? 'head_office' : 'store';
}

/** Refuses a store-side edit of head-office-owned catalogue data (parts, prices, suppliers). */
export async function assertCatalogueEditable(db: Kysely<DB>): Promise<void> {
  if ((await catalogueOwner(db)) === 'head_office') throw new DeskFailure('permission_denied', 'catalogue_hq_owned');
}

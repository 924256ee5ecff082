/** The letterhead every form is headed with. */
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import type { DB } from '../schema';
import { findStoreRow } from '../store/queries';
import type { PrintPerson, PrintStoreHeader } from './form-data';

export async function loadStoreHeader(db: Kysely<DB>): Promise<PrintStoreHeader> {
  const store = await findStoreRow(db);
  if (!store) throw new DeskFailure('setup_needed', 'setup_needed');
  return {
    code: store.code,
    name: store.name,
    counterNo: store.counterNo,
    phone: store.phone ?? '',
    address: store.address ?? '',
  };
}

/** Staff names by id, for the signatures and "who" columns of a form. */
export async function staffNames(db: Kysely<DB>, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function person(names: ReadonlyMap<string, string>, id: string | null, at: string | null): PrintPerson | null {
  if (id === null || at === null) return null;
  return { name: names.get(id) ?? '—', at };
}

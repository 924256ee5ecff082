/**
 * Duplicate phones (docs/SYNC.md §2.5): two customers with a live phone of the same digits are
 * likely one person entered twice, at two stores or offline. Head office keeps a phone's digits in
 * their own indexed column (entity_state.phone_digits) and flags each such pair for review
 * (duplicate_flag); merging them stays a person's decision.
 */
import { sql, type Transaction } from 'kysely';
import type { BatchFollowUp } from './batch-types';
import type { HqDB } from './db/schema';

type Fields = Readonly<Record<string, unknown>>;
type PhoneDigits = { digits: string; customerId: string };

/** What entity_state.phone_digits holds for a record: a customer phone's digits, null for any other record. */
export function indexedPhoneDigits(entity: string, fields: Fields): string | null {
  return entity === 'customer_phone' && typeof fields.digits === 'string' ? fields.digits : null;
}

/** Gathers the batch's live phones as merged, and flags them once the batch's states are saved. */
export function duplicatePhoneCheck(): BatchFollowUp {
  const phones: PhoneDigits[] = [];
  return {
    merged({ change, merged }) {
      if (change.entity !== 'customer_phone' || merged.deleted) return;
      const { digits, customerId } = merged.fields;
      if (typeof digits === 'string' && typeof customerId === 'string') phones.push({ digits, customerId });
    },
    afterStates: (trx) => (phones.length > 0 ? flagDuplicatePhones(trx, phones) : Promise.resolve()),
  };
}

/** Another customer's live phone with the same digits: a likely duplicate, flagged for review. */
export async function flagDuplicatePhones(trx: Transaction<HqDB>, phones: ReadonlyArray<PhoneDigits>): Promise<void> {
  // The phones holding these digits, by the digits column's index (migration 0004); only those
  // states are read for their tombstone.
  const holders = await sql<{ digits: string; customerRef: string }>`
    SELECT s.phone_digits AS digits, s.customer_ref FROM entity_state s
    WHERE s.phone_digits = ANY(${[...new Set(phones.map((p) => p.digits))]}::text[])
      AND s.state->>'deleted' IS NULL AND s.customer_ref IS NOT NULL`.execute(trx);
  const byDigits = new Map<string, Set<string>>();
  for (const row of holders.rows)
    byDigits.set(row.digits, (byDigits.get(row.digits) ?? new Set()).add(row.customerRef));
  const pairs = new Map<string, [digits: string, a: string, b: string]>();
  for (const phone of phones) {
    for (const other of byDigits.get(phone.digits) ?? []) {
      if (other === phone.customerId) continue;
      const [a, b] = phone.customerId < other ? [phone.customerId, other] : [other, phone.customerId];
      pairs.set(`${a} ${b}`, [phone.digits, a, b]);
    }
  }
  if (pairs.size === 0) return;
  const list = [...pairs.values()];
  await sql`
    INSERT INTO duplicate_flag (digits, customer_a, customer_b)
    SELECT * FROM unnest(${list.map((p) => p[0])}::text[], ${list.map((p) => p[1])}::text[], ${list.map((p) => p[2])}::text[])
    ON CONFLICT DO NOTHING`.execute(trx);
}

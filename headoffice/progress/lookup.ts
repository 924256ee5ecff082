/**
 * Finds a ticket for the progress page from the number on its receipt and the last 4 digits of the
 * customer's phone. A wrong number, a wrong phone tail, a number whose store code is not the store
 * the ticket belongs to and a deleted ticket all give the same `null`, and all do the same work:
 * every query runs whether or not the one before found anything (against an id that matches
 * nothing), and the phone tails are compared in constant time against every phone without
 * stopping at the first match. The route adds a floor on the answer's time (routes.ts), so what
 * little differs cannot be measured from outside.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { RecordState } from '../../db/sync/protocol';
import type { HqDatabase } from '../db/open';
import { ticketProgress, type TicketProgress } from './ticket-progress';

export type FoundProgress = TicketProgress & Readonly<{ number: string; timeZone: string }>;

/** An id no record has: the queries still run when the ticket or customer was not found. */
const NOBODY = '~none';
/** How many merges a customer id is followed through (a merged duplicate's survivor, and so on). */
const MERGE_HOPS = 3;
/** At most this many phones per customer are compared (a customer has a handful). */
const MAX_PHONES = 20;

type TicketRow = {
  entityId: string;
  state: RecordState;
  ownerStoreId: string | null;
  code: string | null;
  timeZone: string | null;
};

async function ticketByNumber(db: HqDatabase, number: string): Promise<TicketRow | null> {
  const rows = await sql<TicketRow>`
    SELECT e.entity_id, e.state, e.owner_store_id, s.code, s.time_zone
    FROM entity_state e LEFT JOIN hq_store s ON s.id = e.owner_store_id
    WHERE e.entity = 'ticket' AND e.state->'fields'->>'number' = ${number}
    LIMIT 5`.execute(db);
  // A number is unique in the chain: it starts with its store's code and each counter numbers its own.
  const storeCode = number.slice(0, number.indexOf('-'));
  return rows.rows.find((row) => row.code === storeCode && row.state.deleted === null) ?? null;
}

/** The customer and the survivors it was merged into (their phones may have moved there). */
async function customerIds(db: HqDatabase, customerId: string): Promise<string[]> {
  const ids = [customerId];
  let current = customerId;
  for (let hop = 0; hop < MERGE_HOPS; hop += 1) {
    const row = await db
      .selectFrom('entityState')
      .select('state')
      .where('entity', '=', 'customer_merge')
      .where('entityId', '=', current)
      .executeTakeFirst();
    const into = row && row.state.deleted === null ? row.state.fields.intoId : null;
    if (typeof into !== 'string' || ids.includes(into)) current = NOBODY;
    else ids.push((current = into));
  }
  return ids;
}

async function phoneDigits(db: HqDatabase, customers: ReadonlyArray<string>): Promise<string[]> {
  const rows = await db
    .selectFrom('entityState')
    .select(['phoneDigits', 'state'])
    .where('entity', '=', 'customer_phone')
    .where('customerRef', 'in', customers)
    .limit(MAX_PHONES)
    .execute();
  return rows.filter((row) => row.state.deleted === null && row.phoneDigits).map((row) => row.phoneDigits!);
}

type ChildRow = { entity: string; state: RecordState };

async function ticketChildren(db: HqDatabase, ticketId: string, storeId: string): Promise<ChildRow[]> {
  const rows = await sql<ChildRow>`
    SELECT entity, state FROM entity_state
    WHERE entity IN ('ticket_event', 'charge_line', 'payment')
      AND state->'fields'->>'ticketId' = ${ticketId}
      AND owner_store_id = ${storeId}`.execute(db);
  return rows.rows;
}

/** What a phone too short to have a tail compares as: never four digits, so never a match. */
const NO_TAIL = '----';

/** Whether any phone ends with `tail` (4 digits), comparing every phone in constant time. */
export function anyPhoneEndsWith(phones: ReadonlyArray<string>, tail: string): boolean {
  if (!/^\d{4}$/.test(tail)) return false;
  const given = Buffer.from(tail);
  let matched = 0;
  // One comparison more than there are phones, so a customer with no phone costs the same as one.
  for (const phone of [...phones, '']) {
    const own = /^\d{4,}$/.test(phone) ? phone.slice(-4) : NO_TAIL;
    matched |= Number(timingSafeEqual(Buffer.from(own), given));
  }
  return matched === 1;
}

/** The ticket's progress, or null when the number and phone tail do not name one ticket together. */
export async function lookUpProgress(db: HqDatabase, number: string, tail: string): Promise<FoundProgress | null> {
  const ticket = await ticketByNumber(db, number);
  const customerId = ticket?.state.fields.customerId;
  const customers = await customerIds(db, typeof customerId === 'string' ? customerId : NOBODY);
  const phones = await phoneDigits(db, customers);
  const children = await ticketChildren(db, ticket?.entityId ?? NOBODY, ticket?.ownerStoreId ?? NOBODY);
  const matches = anyPhoneEndsWith(phones, tail);
  if (!ticket || !matches) return null;
  const of = (entity: string) => children.filter((row) => row.entity === entity).map((row) => row.state);
  return {
    ...ticketProgress(ticket.state.fields, of('ticket_event'), of('charge_line'), of('payment')),
    number,
    timeZone: ticket.timeZone ?? 'Asia/Shanghai',
  };
}

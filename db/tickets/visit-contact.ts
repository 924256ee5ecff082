/**
 * Who sees a customer's address and phones on a ticket (docs/DOMAIN.md §9). Roles with
 * `customers.personal` serve customers and see them. A technician sees them only on a repair on
 * site that is assigned to them: the address is where they go, the phone is how they announce the
 * visit. Everyone else gets the phones masked and the address withheld entirely (part of an
 * address still locates a home), on the ticket page, in the signed service form and on paper.
 * Lists carry neither, so only the readers of one ticket apply this.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import { maskPhone } from '../customers/phone';
import { roleCan } from '../staff/roles';

type Viewer = Pick<Actor, 'staffId' | 'role'>;
type Subject = Readonly<{ type: string; assigneeId: string | null; form: Readonly<Record<string, unknown>> }>;

/** A repair on site whose technician is this viewer. */
export function isOwnVisit(viewer: Viewer, ticket: Subject): boolean {
  return (
    ticket.type === 'repair' &&
    ticket.form.location === 'on_site' &&
    ticket.assigneeId !== null &&
    ticket.assigneeId === viewer.staffId
  );
}

export function seesTicketContact(viewer: Viewer, ticket: Subject): boolean {
  return roleCan(viewer.role, 'customers.personal') || isOwnVisit(viewer, ticket);
}

/** The form (intake, or signed service form) as a viewer who may not see the address gets it. */
export function withoutAddress<T extends Readonly<Record<string, unknown>>>(form: T): T {
  const { address: _address, ...rest } = form;
  return rest as T;
}

/** The customer's phones in their order: in full, or masked (138****5678). */
export async function customerPhones(db: Kysely<DB>, customerId: string, full: boolean): Promise<string[]> {
  const rows = await db
    .selectFrom('customerPhone')
    .select('number')
    .where('customerId', '=', customerId)
    .orderBy('position')
    .execute();
  return rows.map((row) => (full ? row.number : maskPhone(row.number)));
}

/** Phones of several customers in one read, in each one's order: in full, or masked. */
export async function phonesByCustomer(
  db: Kysely<DB>,
  customerIds: ReadonlyArray<string>,
  full: boolean,
): Promise<Map<string, string[]>> {
  const byCustomer = new Map<string, string[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db
    .selectFrom('customerPhone')
    .select(['customerId', 'number'])
    .where('customerId', 'in', [...new Set(customerIds)])
    .orderBy('customerId')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = byCustomer.get(row.customerId) ?? [];
    list.push(full ? row.number : maskPhone(row.number));
    byCustomer.set(row.customerId, list);
  }
  return byCustomer;
}

/**
 * One ticket as its page shows it: the header and intake form, the customer and product with the
 * warranty status, the SLA clocks, the full timeline, attachments and signatures, and the steps
 * the signed-in staff member may take now. `loadTicketHeader` is the small read other areas use
 * (spare-parts requisitions link to repair tickets; printing reads the job sheet from the detail).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../handler';
import type { DB } from '../schema';
import type { StoreCalendar } from './calendar';
import { foldTicket, locationOf } from './events';
import { parseAbout, type TicketForm } from './intake';
import { listQuery, toListItem } from './list';
import { machineOf } from './machines/index';
import { currentCompletion, loadServiceFormSource } from './service-form-source';
import { checkSignatures } from './signature-check';
import { loadSignatures } from './signatures';
import { decidedPlan, linkedTicket, repairJobOf } from './repair-job';
import { computeSla, type Clock } from './sla';
import { allowedSteps } from './steps';
import type { AboutView, ClockView, ProductRef, SignatureView, TicketDetail, TimelineEntry } from './views';
import { customerPhones, seesTicketContact, withoutAddress } from './visit-contact';
import type { EventAction, TicketType } from './workflow';

export type TicketHeader = Readonly<{
  id: string;
  number: string;
  type: TicketType;
  status: string;
  isOpen: boolean;
  customerId: string;
  productId: string | null;
  assigneeId: string | null;
  summary: string;
}>;

export async function loadTicketHeader(db: Kysely<DB>, id: string): Promise<TicketHeader | undefined> {
  const row = await db
    .selectFrom('ticket')
    .select(['id', 'number', 'type', 'status', 'isOpen', 'customerId', 'productId', 'assigneeId', 'summary'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, isOpen: row.isOpen === 1 } : undefined;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function clockView(clock: Clock): ClockView {
  return {
    targetMinutes: clock.targetMinutes,
    state: clock.state,
    elapsedMinutes: Math.round(clock.elapsedMinutes),
    dueAt: iso(clock.dueAt),
    breachedAt: iso(clock.breachedAt),
  };
}

async function loadProduct(db: Kysely<DB>, productId: string | null): Promise<ProductRef | null> {
  if (productId === null) return null;
  const row = await db
    .selectFrom('product')
    .select(['id', 'brand', 'model', 'serial', 'purchaseDate', 'warrantyEnd'])
    .where('id', '=', productId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    label: `${row.brand} ${row.model}`.trim(),
    serial: row.serial,
    purchaseDate: row.purchaseDate,
    warrantyEnd: row.warrantyEnd,
  };
}

export async function loadTicketDetail(
  db: Kysely<DB>,
  id: string,
  actor: Actor,
  cal: StoreCalendar,
  now: number,
): Promise<TicketDetail | undefined> {
  const fold = await foldTicket(db, id);
  if (!fold) return undefined;
  const { ticket, derived, events } = fold;
  const row = await listQuery(db).where('ticket.id', '=', id).executeTakeFirstOrThrow();
  const item = toListItem(row, cal, now);
  const machine = machineOf(ticket.type);
  const stored = JSON.parse(ticket.form) as TicketForm;
  // The visit address and full phones only for those who may see them (visit-contact.ts).
  const contact = seesTicketContact(actor, { type: ticket.type, assigneeId: derived.assigneeId, form: stored });
  const form = contact ? stored : withoutAddress(stored);
  const clocks = computeSla(machine, derived, cal, now);

  const staffIds = [
    ...new Set([ticket.createdBy, ...events.map((e) => e.staffId)].filter((s): s is string => s !== null)),
  ];
  const staff =
    staffIds.length > 0
      ? await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute()
      : [];
  const nameOf = (staffId: string | null): string | null => staff.find((s) => s.id === staffId)?.name ?? null;
  const flagged = new Set(derived.flagged);
  const timeline: TimelineEntry[] = events.map((e) => ({
    id: e.id,
    action: e.action as EventAction,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    staffName: nameOf(e.staffId),
    at: e.at,
    note: e.note,
    data: JSON.parse(e.data) as Record<string, unknown>,
    flagged: flagged.has(e.id),
  }));

  const attachmentRows = await db
    .selectFrom('ticketAttachment')
    .leftJoin('staff', 'staff.id', 'ticketAttachment.createdBy')
    .select([
      'ticketAttachment.id',
      'fileName',
      'mime',
      'size',
      'caption',
      'ticketAttachment.createdAt',
      'staff.name as createdByName',
    ])
    .where('ticketId', '=', id)
    .orderBy('ticketAttachment.createdAt')
    .execute();

  const product = await loadProduct(db, ticket.productId);
  // Judged once, in the list row (warranty-of-ticket.ts), so queues and the page agree.
  const warranty = item.sanbao?.status ?? null;
  const source = ticket.type === 'repair' ? await loadServiceFormSource(db, id) : null;
  const signed = await checkSignatures(db, id, source);

  return {
    ...item,
    form,
    product,
    warranty,
    createdByName: nameOf(ticket.createdBy),
    version: ticketVersion(ticket),
    allowedSteps: allowedSteps(machine, { ...derived, location: locationOf(ticket) }, actor),
    clocks: { respond: clockView(clocks.respond), resolve: clockView(clocks.resolve) },
    clockCounts: derived.targets.counts,
    about: ticket.type === 'complaint' ? await aboutView(db, stored.about) : null,
    timeline,
    attachments: attachmentRows,
    signatures: (await loadSignatures(db, id)).map((stored) => {
      const check = signed.checks.find((c) => c.signatureId === stored.id);
      const view = {
        ...stored,
        intact: check?.intact ?? false,
        matches: check?.matches ?? false,
        changes: check?.changes ?? [],
      };
      return contact ? view : withoutSignedAddress(view);
    }),
    formAgreement: signed.agreement,
    customerPhones: await customerPhones(db, ticket.customerId, contact),
    contactHidden: !contact,
    plan: ticket.type === 'aftersales' ? decidedPlan(events) : null,
    repairJob: ticket.type === 'aftersales' ? await repairJobOf(db, ticket.id) : null,
    sourceRequest: await linkedTicket(db, ticket.parentTicketId),
    flaggedEvents: derived.flagged.length,
    currentWork: source ? currentCompletion(events, '') : null,
    serviceFormSource: source && !contact ? { ...source, form: withoutAddress(source.form) } : source,
  };
}

/** A signature as a reader who may not see the visit address gets it: the address blanked, even in what changed. */
function withoutSignedAddress(view: SignatureView): SignatureView {
  return {
    ...view,
    form: { ...view.form, address: '' },
    changes: view.changes.map((c) =>
      c.kind === 'text' && c.field === 'address' ? { ...c, signed: '', current: '' } : c,
    ),
  };
}

async function aboutView(db: Kysely<DB>, value: unknown): Promise<AboutView> {
  const about = parseAbout(value);
  if (about.kind !== 'staff') return about;
  const staff = await db.selectFrom('staff').select('name').where('id', '=', about.staffId).executeTakeFirst();
  return { ...about, name: staff?.name ?? '' };
}

/** The later of the header's stamp and the last state change's: what a stale edit is judged by. */
export function ticketVersion(ticket: { hlc: string; stateHlc: string }): string {
  return ticket.hlc > ticket.stateHlc ? ticket.hlc : ticket.stateHlc;
}

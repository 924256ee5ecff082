/**
 * The data of a ticket's forms (service form, job sheet, intake receipt), read from the ticket
 * tables (db/tickets/tables.ts, migration 0003), the customer file (0002) and the parts issued to
 * the ticket through requisitions (0004), its charges and payments (0020). The events are read as
 * stored: the plan, the work done and the signature are what the ticket's own steps recorded; the
 * signature comes with whether the form still matches it (db/tickets/signature-check.ts).
 */
import type { Kysely } from 'kysely';
import { loadChargeSummary } from '../charges/summary';
import { maskPhone } from '../customers/phone';
import { underWarranty } from '../customers/warranty';
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { issuedToTicket, partDescription } from '../parts/requisitions/issued-to-ticket';
import type { DB } from '../schema';
import { checkSignatures } from '../tickets/signature-check';
import { seesTicketContact } from '../tickets/visit-contact';
import { loadTicketWarranty } from '../tickets/warranty-of-ticket-load';
import type { TicketPrintData, TicketPrintLine } from './form-data';
import { progressPageUrl } from './progress-url';
import { loadStoreHeader, staffNames } from './store-header';

type EventData = Readonly<Record<string, unknown>>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function parseObject(json: string): EventData {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as EventData) : {};
  } catch {
    return {};
  }
}

/** The last event of these actions, in the order the ticket's fold reads them (HLC). */
async function lastEvent(db: Kysely<DB>, ticketId: string, actions: ReadonlyArray<string>): Promise<EventData | null> {
  const row = await db
    .selectFrom('ticketEvent')
    .select('data')
    .where('ticketId', '=', ticketId)
    .where('action', 'in', actions)
    .orderBy('hlc', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? parseObject(row.data) : null;
}

async function issuedParts(db: Kysely<DB>, ticketId: string): Promise<TicketPrintLine[]> {
  return (await issuedToTicket(db, ticketId)).map((part) => ({
    partNo: part.partNo,
    description: partDescription(part),
    qty: part.qty,
    unit: part.unit,
    unitFen: part.priceFen,
    amountFen: part.priceFen * part.qty,
  }));
}

function parseStrokes(json: string): ReadonlyArray<ReadonlyArray<readonly [number, number]>> {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error('signature strokes are not an array');
  return value.map((stroke: unknown) => {
    if (!Array.isArray(stroke)) throw new Error('a signature stroke is not an array');
    return stroke.map((point: unknown) => {
      if (!Array.isArray(point) || typeof point[0] !== 'number' || typeof point[1] !== 'number')
        throw new Error('a signature point is not [x, y]');
      return [point[0], point[1]] as const;
    });
  });
}

export async function loadTicketPrint(ctx: HandlerContext, ticketId: string): Promise<TicketPrintData> {
  const db = ctx.trx;
  const ticket = await db.selectFrom('ticket').selectAll().where('id', '=', ticketId).executeTakeFirst();
  if (!ticket) throw new DeskFailure('not_found', 'not_found', 'ticketId');
  const customer = await db
    .selectFrom('customer')
    .select('name')
    .where('id', '=', ticket.customerId)
    .executeTakeFirstOrThrow();
  const phones = await db
    .selectFrom('customerPhone')
    .select('number')
    .where('customerId', '=', ticket.customerId)
    .orderBy('position')
    .execute();
  const form = parseObject(ticket.form);
  // Counter roles, and the technician on their own on-site job, see phones and the address (visit-contact.ts).
  const personal = seesTicketContact(requireActor(ctx), { type: ticket.type, assigneeId: ticket.assigneeId, form });
  const savedAddress = await db
    .selectFrom('customerAddress')
    .select('address')
    .where('customerId', '=', ticket.customerId)
    .orderBy('position')
    .limit(1)
    .executeTakeFirst();
  // An on-site repair's address is where the technician goes; else the customer's first address.
  const address = text(form.address) || savedAddress?.address || '';

  const product = ticket.productId
    ? await db
        .selectFrom('product')
        .leftJoin('productCategory', 'productCategory.code', 'product.category')
        .selectAll('product')
        .select(['productCategory.nameZh', 'productCategory.nameEn'])
        .where('product.id', '=', ticket.productId)
        .executeTakeFirst()
    : undefined;

  const plan = await lastEvent(db, ticketId, ['decide_plan']);
  const work = await lastEvent(db, ticketId, ['complete', 'mark_done', 'record_work']);
  const signature = await db
    .selectFrom('ticketSignature')
    .selectAll()
    .where('ticketId', '=', ticketId)
    .orderBy('hlc', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sla = await db
    .selectFrom('ticketSla')
    .select('resolveDueAt')
    .where('ticketId', '=', ticketId)
    .executeTakeFirst();
  const lines = await issuedParts(db, ticketId);
  const { checks, agreement } = await checkSignatures(db, ticketId);
  const check = checks.find((c) => c.signatureId === signature?.id);
  const names = await staffNames(db, [ticket.createdBy, ticket.assigneeId]);

  const warrantyEnd = product?.warrantyEnd ?? null;
  const purchaseDate = text(form.purchaseDate) || product?.purchaseDate || null;
  return {
    store: await loadStoreHeader(db),
    ticket: {
      id: ticket.id,
      number: ticket.number,
      type: ticket.type,
      priority: ticket.priority,
      status: ticket.status,
      summary: ticket.summary,
      channel: ticket.channel,
      createdAt: ticket.createdAt,
      createdByName: ticket.createdBy ? (names.get(ticket.createdBy) ?? null) : null,
    },
    customer: {
      name: customer.name,
      phones: phones.map((phone) => (personal ? phone.number : maskPhone(phone.number))),
      // Without the right to see it, the address is withheld entirely: a part of it still locates a home.
      address: personal ? address : '',
      masked: !personal,
    },
    purchase: {
      category: product?.nameZh ? { zh: product.nameZh, en: product.nameEn ?? product.nameZh } : null,
      brand: product?.brand ?? '',
      model: text(form.model) || product?.model || '',
      serial: text(form.serial) || product?.serial || '',
      purchaseDate,
      purchaseStore: product?.purchaseStore ?? '',
      receiptNo: text(form.receiptNo) || product?.receiptNo || '',
      warrantyEnd,
    },
    inWarranty: warrantyEnd === null ? null : underWarranty(warrantyEnd, ticket.createdAt),
    sanbao: await loadTicketWarranty(db, ticket.id),
    intake: Object.entries(form)
      .filter(([key]) => personal || key !== 'address')
      .map(([key, value]) => ({ key, value: typeof value === 'boolean' ? String(value) : text(value) })),
    plan: plan ? { remedy: text(plan.plan), details: text(plan.details) } : null,
    lines,
    partsTotalFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
    technician: ticket.assigneeId ? (names.get(ticket.assigneeId) ?? null) : null,
    plannedDate: ticket.plannedDate,
    appointmentAt: ticket.appointmentAt,
    promisedAt: ticket.promisedReplyAt ?? sla?.resolveDueAt ?? null,
    workDone: text(work?.workDone),
    result: text(work?.result),
    charges: await loadChargeSummary(db, ticketId),
    signature: signature
      ? {
          signerName: signature.signerName,
          signedAt: signature.signedAt,
          width: signature.width,
          height: signature.height,
          strokes: parseStrokes(signature.strokes),
          matches: check?.matches ?? false,
          changes: (check?.changes ?? []).map((c) =>
            !personal && c.kind === 'text' && c.field === 'address' ? { ...c, signed: '', current: '' } : c,
          ),
          acceptance: agreement?.signatureId === signature.id ? agreement.acceptance : null,
        }
      : null,
    progressUrl: await progressPageUrl(db),
  };
}

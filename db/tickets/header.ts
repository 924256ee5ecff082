/**
 * The ticket header: written once at intake, corrected field by field afterwards (last writer wins
 * per field by HLC, docs/SYNC.md §2.5, so each changed field is stamped in row_clock). The intake form is
 * logged and stamped key by key (`form.fault`: form-sync.ts), so corrections of different details
 * made on two PCs both survive. The derived columns start as the initial state and are rewritten
 * from the events by refreshTicket.
 */
import { newId } from '../ids';
import type { StoreRow } from '../schema';
import { changedFields, recordChange, stampFields, type TxContext } from '../sync/change-log';
import { compositeChanges, parseComposite } from '../sync/composite';
import { initialDerived } from './derive';
import { TICKET_FORM } from './form-sync';
import { categoryOf, channelOf, formOf, summaryOf, type TicketIntake } from './intake';
import { machineOf } from './machines/index';
import { nextTicketNumber } from './number';
import type { TicketRow } from './tables';

/** The header fields: what the change log carries besides the form's keys (derived columns are never sent). */
const HEADER_FIELDS = [
  'number',
  'storeId',
  'customerId',
  'productId',
  'type',
  'priority',
  'channel',
  'category',
  'summary',
  'createdBy',
  'createdAt',
  'updatedAt',
  'parentTicketId',
] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];

function headerOf(row: TicketRow): Pick<TicketRow, HeaderField> {
  const header = {} as Record<HeaderField, unknown>;
  for (const field of HEADER_FIELDS) header[field] = row[field];
  return header as Pick<TicketRow, HeaderField>;
}

export async function insertTicket(
  tx: TxContext,
  store: StoreRow,
  intake: TicketIntake,
  localDate: string,
  parentTicketId: string | null = null,
): Promise<TicketRow> {
  const hlc = tx.stamp();
  const form = formOf(intake);
  const row: TicketRow = {
    id: newId(),
    number: await nextTicketNumber(tx.trx, store.code, store.counterNo, localDate),
    storeId: store.id,
    customerId: intake.customerId,
    productId: 'productId' in intake ? (intake.productId ?? null) : null,
    type: intake.type,
    priority: intake.priority,
    channel: channelOf(intake),
    category: categoryOf(intake),
    summary: summaryOf(intake),
    form: JSON.stringify(form),
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    updatedAt: tx.nowIso,
    parentTicketId,
    hlc,
    ...initialDerived(machineOf(intake.type)),
    isOpen: 1,
    stateHlc: hlc,
    flaggedEvents: 0,
  };
  await tx.trx.insertInto('ticket').values(row).execute();
  const fields = { ...headerOf(row), ...compositeChanges(TICKET_FORM, {}, form) };
  await recordChange(tx, { entity: 'ticket', entityId: row.id, op: 'insert', hlc, fields });
  await stampFields(tx, 'ticket', row.id, Object.keys(fields), hlc);
  return row;
}

/** Corrected intake details; returns the columns that changed. */
export async function updateTicketHeader(
  tx: TxContext,
  before: TicketRow,
  intake: TicketIntake,
): Promise<Partial<TicketRow>> {
  const form = formOf(intake);
  const formKeys = compositeChanges(TICKET_FORM, parseComposite(before.form), form);
  const changed: Partial<TicketRow> = changedFields(before, {
    productId: 'productId' in intake ? (intake.productId ?? null) : null,
    priority: intake.priority,
    channel: channelOf(intake),
    category: categoryOf(intake),
    summary: summaryOf(intake),
  });
  if (Object.keys(formKeys).length > 0) changed.form = JSON.stringify(form);
  if (Object.keys(changed).length === 0) return {};
  const hlc = tx.stamp();
  const { form: _column, ...logged } = changed;
  await tx.trx
    .updateTable('ticket')
    .set({ ...changed, updatedAt: tx.nowIso, hlc })
    .where('id', '=', before.id)
    .execute();
  await recordChange(tx, {
    entity: 'ticket',
    entityId: before.id,
    op: 'update',
    hlc,
    fields: { ...logged, ...formKeys, updatedAt: tx.nowIso },
  });
  await stampFields(tx, 'ticket', before.id, [...Object.keys(logged), ...Object.keys(formKeys)], hlc);
  return changed;
}

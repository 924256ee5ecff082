/**
 * A repair carried to the customer's signature, with what the signature binds: two pumps issued
 * from the stock ledger, labour and a part charged, a deposit taken. Charge lines and payments are
 * written as rows of their tables (migration 0020), the same rows the charges methods write.
 */
import { createHash } from 'node:crypto';
import {
  buildServiceForm,
  canonicalJson,
  type ServiceFormSource,
  type StepInput,
  type TicketDetail,
} from '../../../db/api';
import type { ChargeLineKind, PaymentKind } from '../../../db/charges/tables';
import { newId } from '../../../db/ids';
import { approvedEstimate } from '../../support/estimate-approval';
import { openPartsDesk, openRepairTicket, stockUp, type PartsDesk } from '../../support/parts-desk';

export const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [
    Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number]),
    Array.from({ length: 6 }, (_, i) => [200 + i * 8, 60 + i * 6] as [number, number]),
  ],
};

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function formHash(source: ServiceFormSource, workDone: string, result: string, signerName: string): string {
  return sha256(canonicalJson(buildServiceForm(source, { workDone, result, signerName })));
}

export type SignedRepair = Readonly<{
  d: PartsDesk;
  ticket: TicketDetail;
  technicianId: string;
  requisitionId: string;
  pumpLineId: string;
  depositId: string;
}>;

export async function act(d: PartsDesk, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok('tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

export async function get(d: PartsDesk, id: string): Promise<TicketDetail> {
  return d.ok('tickets.get', { id });
}

let stamp = 0;

export async function addCharge(
  d: PartsDesk,
  ticketId: string,
  line: {
    kind: ChargeLineKind;
    description: string;
    quantity?: number;
    unitPriceFen: number;
    covered?: boolean;
    reason?: string;
  },
): Promise<string> {
  stamp += 1;
  const quantity = line.quantity ?? 1;
  const covered = line.covered ?? false;
  const id = newId();
  await d.desk
    .store!.db.insertInto('chargeLine')
    .values({
      id,
      ticketId,
      kind: line.kind,
      description: line.description,
      partId: null,
      sourceId: null,
      quantity,
      unitPriceFen: line.unitPriceFen,
      covered: covered ? 1 : 0,
      amountFen: covered ? 0 : line.kind === 'discount' ? -line.unitPriceFen : quantity * line.unitPriceFen,
      reason: line.reason ?? '',
      createdBy: null,
      createdAt: new Date(Date.parse('2026-11-23T02:00:00Z') + stamp * 1000).toISOString(),
      voidedAt: null,
      voidedBy: null,
      voidReason: '',
      hlc: `z-charge-${String(stamp).padStart(4, '0')}`,
    })
    .execute();
  return id;
}

export async function addPayment(
  d: PartsDesk,
  ticketId: string,
  payment: {
    kind: PaymentKind;
    method: 'cash' | 'wechat' | 'alipay' | 'card' | 'account';
    amountFen: number;
    refundOf?: string;
    reason?: string;
  },
): Promise<string> {
  stamp += 1;
  const id = newId();
  await d.desk
    .store!.db.insertInto('payment')
    .values({
      id,
      ticketId,
      kind: payment.kind,
      method: payment.method,
      amountFen: payment.amountFen,
      refundOf: payment.refundOf ?? null,
      reason: payment.reason ?? '',
      takenBy: null,
      deviceId: 'S012-2',
      takenAt: new Date(Date.parse('2026-11-23T03:00:00Z') + stamp * 1000).toISOString(),
      hlc: `z-pay-${String(stamp).padStart(4, '0')}`,
    })
    .execute();
  return id;
}

/** Requested by the technician, signed by the parts lead, issued by the clerk. */
export async function issueParts(d: PartsDesk, ticketId: string, lines: Array<{ partNo: string; qty: number }>) {
  const requested = await d.ok(
    'parts.requisitionCreate',
    { ticketId, lines: lines.map((l) => ({ partId: d.partId(l.partNo), qty: l.qty })) },
    d.as.technician,
  );
  await d.ok('parts.requisitionApprove', { requisitionId: requested.id }, d.as.lead);
  await d.ok(
    'parts.requisitionIssue',
    { requisitionId: requested.id, lines: requested.lines.map((l) => ({ lineId: l.id, qty: l.requestedQty })) },
    d.as.clerk,
  );
  return requested;
}

export const WORK_DONE = '更换排水泵两只，清理排水管';
export const RESULT = '排水正常，试机 30 分钟无漏水';

/** The repair in work, parts issued and charged, a deposit taken, completed with the customer's signature. */
export async function signedRepair(): Promise<SignedRepair> {
  const d = await openPartsDesk();
  await stockUp(d, { 'WM-PUMP-01': 5, 'WM-BELT-02': 4 }, '2026-01-02');
  const opened = await openRepairTicket(d);
  const technicianId = (await d.ok('session.status', {}, d.as.technician)).staff!.id;
  let ticket = await get(d, opened.id);
  ticket = await act(d, ticket, { action: 'schedule', technicianId });
  // Out of warranty: the customer approved the estimate before the work started.
  await approvedEstimate((method, input) => d.ok(method, input), ticket.id, '吴先生');
  ticket = await act(d, await get(d, ticket.id), { action: 'start_work' });
  // Issued parts are charged at the catalogue price of the moment (db/charges/part-lines.ts): ¥45.50 here.
  const pump = await d.ok('parts.get', { id: d.partId('WM-PUMP-01') });
  await d.ok('parts.update', {
    ...pump,
    models: [...pump.models],
    supplierIds: pump.suppliers.map((supplier) => supplier.id),
    priceFen: 4_550,
  });
  const requested = await issueParts(d, ticket.id, [{ partNo: 'WM-PUMP-01', qty: 2 }]);
  await addCharge(d, ticket.id, { kind: 'labour', description: '上门检测及更换', unitPriceFen: 8_000 });
  const depositId = await addPayment(d, ticket.id, { kind: 'deposit', method: 'cash', amountFen: 5_000 });
  ticket = await get(d, ticket.id);
  ticket = await act(d, ticket, {
    action: 'complete',
    workDone: WORK_DONE,
    result: RESULT,
    signerName: '顾客甲',
    signature: SIGNATURE,
    formHash: formHash(ticket.serviceFormSource!, WORK_DONE, RESULT, '顾客甲'),
  });
  return { d, ticket, technicianId, requisitionId: requested.id, pumpLineId: requested.lines[0]!.id, depositId };
}

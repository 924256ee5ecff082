/**
 * A signature binds what it signs (docs/architecture/signed-forms.md): the work done, the parts
 * from the ledger, the charges, the payments and the terms. Each is changed after signing, and
 * the ticket page and the printed form both say the signature no longer matches, naming the
 * change; a new signature, or a lead's recorded reason, lets the repair close.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, type FormChange, type TicketDetail } from '../../../db/api';
import { buildServiceFormV1 } from '../../../db/tickets/service-form-v1';
import {
  act,
  addCharge,
  addPayment,
  formHash,
  get,
  issueParts,
  RESULT,
  sha256,
  SIGNATURE,
  signedRepair,
  WORK_DONE,
  type SignedRepair,
} from './fixture';

async function printed(s: SignedRepair) {
  return s.d.ok('print.ticket', { ticketId: s.ticket.id });
}

async function expectChanged(s: SignedRepair, expected: Partial<FormChange>): Promise<TicketDetail> {
  const ticket = await get(s.d, s.ticket.id);
  const signature = ticket.signatures.at(-1)!;
  expect(signature).toMatchObject({ intact: true, matches: false });
  expect(signature.changes).toContainEqual(expect.objectContaining(expected));
  expect(ticket.formAgreement).toMatchObject({ state: 'changed', acceptance: null });
  const print = await printed(s);
  expect(print.signature).toMatchObject({ matches: false, acceptance: null });
  expect(print.signature!.changes).toContainEqual(expect.objectContaining(expected));
  return ticket;
}

describe('the signed service form', () => {
  it('binds parts, charges, payments and terms, and matches the ticket right after signing', async () => {
    const s = await signedRepair();
    const [signature] = s.ticket.signatures;
    expect(signature).toMatchObject({ intact: true, matches: true, changes: [] });
    expect(s.ticket.formAgreement).toMatchObject({ state: 'matches' });
    expect(signature!.form).toMatchObject({
      form: 'repair-service-form/2',
      workDone: WORK_DONE,
      parts: [{ partNo: 'WM-PUMP-01', qty: 2 }],
      charges: [
        { kind: 'labour', amountFen: 8_000 },
        { kind: 'part', quantity: 2, unitPriceFen: 4_550, amountFen: 9_100 },
      ],
      payments: [{ kind: 'deposit', method: 'cash', amountFen: 5_000 }],
      totals: { chargesFen: 17_100, coveredFen: 0, paidFen: 5_000, balanceFen: 12_100 },
      terms: { version: 'repair-terms/2026-12' },
    });
    expect((await printed(s)).signature).toMatchObject({ matches: true, changes: [] });
  });

  it('no longer matches when a part is returned to stock', async () => {
    const s = await signedRepair();
    await s.d.ok(
      'parts.requisitionReturn',
      { requisitionId: s.requisitionId, reason: '只用了一只', lines: [{ lineId: s.pumpLineId, qty: 1 }] },
      s.d.as.clerk,
    );
    await expectChanged(s, {
      kind: 'part',
      signed: expect.objectContaining({ partNo: 'WM-PUMP-01', qty: 2 }),
      current: expect.objectContaining({ partNo: 'WM-PUMP-01', qty: 1 }),
    });
  });

  it('no longer matches when a part is added', async () => {
    const s = await signedRepair();
    await issueParts(s.d, s.ticket.id, [{ partNo: 'WM-BELT-02', qty: 1 }]);
    await expectChanged(s, { kind: 'part', signed: null, current: expect.objectContaining({ partNo: 'WM-BELT-02' }) });
  });

  it('no longer matches when a labour line is added', async () => {
    const s = await signedRepair();
    await addCharge(s.d, s.ticket.id, { kind: 'labour', description: '复检', unitPriceFen: 3_000 });
    await expectChanged(s, { kind: 'charge', signed: null, current: expect.objectContaining({ amountFen: 3_000 }) });
    await expectChanged(s, { kind: 'total', field: 'balanceFen', signed: 12_100, current: 15_100 });
  });

  it('no longer matches when a discount is given', async () => {
    const s = await signedRepair();
    await addCharge(s.d, s.ticket.id, {
      kind: 'discount',
      description: '老客户',
      unitPriceFen: 1_000,
      reason: '老客户',
    });
    await expectChanged(s, {
      kind: 'charge',
      signed: null,
      current: expect.objectContaining({ kind: 'discount', amountFen: -1_000 }),
    });
  });

  it('no longer matches when a payment is taken', async () => {
    const s = await signedRepair();
    await addPayment(s.d, s.ticket.id, { kind: 'payment', method: 'wechat', amountFen: 12_100 });
    await expectChanged(s, { kind: 'total', field: 'balanceFen', signed: 12_100, current: 0 });
    await expectChanged(s, { kind: 'payment', signed: null, current: expect.objectContaining({ method: 'wechat' }) });
  });

  it('no longer matches when a payment is refunded', async () => {
    const s = await signedRepair();
    await addPayment(s.d, s.ticket.id, { kind: 'refund', method: 'cash', amountFen: 5_000, refundOf: s.depositId });
    await expectChanged(s, {
      kind: 'payment',
      signed: null,
      current: expect.objectContaining({ kind: 'refund', refundOf: s.depositId }),
    });
  });

  it('no longer matches when the work done changes (reopened, worked again)', async () => {
    const s = await signedRepair();
    let ticket = await s.d.ok('tickets.recordFollowUp', {
      ticketId: s.ticket.id,
      version: s.ticket.version,
      reached: true,
      rating: 2,
      problemSolved: false,
    });
    ticket = await act(s.d, ticket, { action: 'reschedule', technicianId: s.technicianId, reason: '仍漏水' });
    ticket = await act(s.d, ticket, { action: 'start_work' });
    await act(s.d, ticket, { action: 'record_work', workDone: '更换进水阀密封圈' });
    await expectChanged(s, { kind: 'text', field: 'workDone', signed: WORK_DONE, current: '更换进水阀密封圈' });
  });

  it('no longer matches when the terms changed since signing (signed under older terms)', async () => {
    const s = await signedRepair();
    // As if signed on a release whose terms said something else: the row is intact, its terms old.
    const db = s.d.desk.store!.db;
    const row = await db.selectFrom('ticketSignature').select(['id', 'formJson']).executeTakeFirstOrThrow();
    const form = JSON.parse(row.formJson) as { terms: { version: string; zh: string[]; en: string[] } };
    form.terms = { version: 'repair-terms/2025-01', zh: ['旧条款'], en: ['Old terms'] };
    const json = canonicalJson(form);
    await db
      .updateTable('ticketSignature')
      .set({ formJson: json, formHash: sha256(json) })
      .where('id', '=', row.id)
      .execute();
    await expectChanged(s, { kind: 'terms', signed: 'repair-terms/2025-01', current: 'repair-terms/2026-12' });
  });

  it('a tampered signature row is neither intact nor matching', async () => {
    const s = await signedRepair();
    const db = s.d.desk.store!.db;
    await db
      .updateTable('ticketSignature')
      .set({ formHash: sha256('something else') })
      .execute();
    const ticket = await get(s.d, s.ticket.id);
    expect(ticket.signatures[0]).toMatchObject({ intact: false, matches: false });
    expect(ticket.formAgreement?.state).toBe('changed');
  });
});

describe('closing a repair whose signed form changed', () => {
  async function changedRepair() {
    const s = await signedRepair();
    await addPayment(s.d, s.ticket.id, { kind: 'payment', method: 'alipay', amountFen: 12_100 });
    return { ...s, ticket: await get(s.d, s.ticket.id) };
  }
  const satisfied = (ticket: TicketDetail) => ({
    ticketId: ticket.id,
    version: ticket.version,
    reached: true,
    rating: 5,
    problemSolved: true,
  });

  it('is refused, changing nothing, until the customer signs the current form; then it closes', async () => {
    const s = await changedRepair();
    expect(await s.d.call('tickets.recordFollowUp', satisfied(s.ticket))).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'signed_form_changed' },
    });
    expect((await get(s.d, s.ticket.id)).status).toBe('follow_up');

    // The hash of the form as first signed is refused: the customer must see what they sign now.
    const stale = s.ticket.signatures[0]!.formHash;
    expect(
      await s.d.call('tickets.signAgain', {
        ticketId: s.ticket.id,
        version: s.ticket.version,
        signerName: '顾客甲',
        signature: SIGNATURE,
        formHash: stale,
      }),
    ).toMatchObject({ ok: false, error: { key: 'signature_form_changed' } });
    // The parts clerk works no tickets.
    expect(
      await s.d.call(
        'tickets.signAgain',
        {
          ticketId: s.ticket.id,
          version: s.ticket.version,
          signerName: '顾客甲',
          signature: SIGNATURE,
          formHash: formHash(s.ticket.serviceFormSource!, WORK_DONE, RESULT, '顾客甲'),
        },
        s.d.as.clerk,
      ),
    ).toMatchObject({ ok: false, error: { code: 'permission_denied' } });

    const signed = await s.d.ok(
      'tickets.signAgain',
      {
        ticketId: s.ticket.id,
        version: s.ticket.version,
        signerName: '顾客甲',
        signature: SIGNATURE,
        formHash: formHash(
          s.ticket.serviceFormSource!,
          s.ticket.currentWork!.workDone,
          s.ticket.currentWork!.result,
          '顾客甲',
        ),
      },
      s.d.as.counter,
    );
    expect(signed.signatures.map((sig) => sig.matches)).toEqual([false, true]);
    expect(signed.formAgreement).toMatchObject({ state: 'matches' });
    expect(signed.timeline.at(-1)).toMatchObject({ action: 'sign', data: { again: true } });
    expect((await s.d.ok('print.ticket', { ticketId: s.ticket.id })).signature).toMatchObject({
      matches: true,
      changes: [],
    });
    expect(await s.d.ok('tickets.recordFollowUp', satisfied(signed))).toMatchObject({ status: 'closed' });
  });

  it('closes on a lead’s recorded reason, bound to the content they saw', async () => {
    const s = await changedRepair();
    const hash = s.ticket.formAgreement!.currentHash;
    const input = { ticketId: s.ticket.id, version: s.ticket.version, currentHash: hash, reason: '顾客电话确认已付清' };
    // Counter staff and the parts lead may not; the reason is required and bounded.
    expect(await s.d.call('tickets.acceptFormChange', input, s.d.as.counter)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(await s.d.call('tickets.acceptFormChange', input, s.d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(await s.d.call('tickets.acceptFormChange', { ...input, reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'reason' },
    });
    expect(await s.d.call('tickets.acceptFormChange', { ...input, reason: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'reason' },
    });
    // Accepting a content other than the current one is refused.
    expect(await s.d.call('tickets.acceptFormChange', { ...input, currentHash: sha256('x') })).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'ticket_stale' },
    });

    const accepted = await s.d.ok('tickets.acceptFormChange', input);
    expect(accepted.formAgreement).toMatchObject({
      state: 'accepted',
      acceptance: { reason: '顾客电话确认已付清', staffName: expect.any(String) },
    });
    expect((await s.d.ok('print.ticket', { ticketId: s.ticket.id })).signature).toMatchObject({
      matches: false,
      acceptance: { reason: '顾客电话确认已付清' },
    });

    // A further change after the acceptance needs another.
    await addCharge(s.d, s.ticket.id, { kind: 'discount', description: '抹零', unitPriceFen: 100, reason: '抹零' });
    const again = await get(s.d, s.ticket.id);
    expect(again.formAgreement).toMatchObject({ state: 'changed' });
    expect(await s.d.call('tickets.recordFollowUp', satisfied(again))).toMatchObject({
      ok: false,
      error: { key: 'signed_form_changed' },
    });
    const second = await s.d.ok('tickets.acceptFormChange', {
      ...input,
      version: again.version,
      currentHash: again.formAgreement!.currentHash,
      reason: '抹零已告知顾客',
    });
    expect(await s.d.ok('tickets.recordFollowUp', satisfied(second))).toMatchObject({ status: 'closed' });
  });

  it('a form that still matches needs no reason, and a repair never signed has none to accept', async () => {
    const s = await signedRepair();
    expect(
      await s.d.call('tickets.acceptFormChange', {
        ticketId: s.ticket.id,
        version: s.ticket.version,
        currentHash: s.ticket.formAgreement!.currentHash,
        reason: '无',
      }),
    ).toMatchObject({ ok: false, error: { key: 'signed_form_unchanged' } });
  });
});

describe('a signature on the first version of the form', () => {
  it('stays readable and is checked in its own version, which does not cover parts or money', async () => {
    const s = await signedRepair();
    const db = s.d.desk.store!.db;
    // As the earlier release stored it: ticket fields and the completion text only.
    const source = s.ticket.serviceFormSource!;
    const v1 = buildServiceFormV1(source, { workDone: WORK_DONE, result: RESULT, signerName: '顾客甲' });
    const json = canonicalJson(v1);
    await db
      .updateTable('ticketSignature')
      .set({ formJson: json, formHash: sha256(json) })
      .execute();
    let ticket = await get(s.d, s.ticket.id);
    expect(ticket.signatures[0]).toMatchObject({ form: { form: 'repair-service-form/1' }, matches: true });
    await addPayment(s.d, s.ticket.id, { kind: 'payment', method: 'card', amountFen: 100 });
    expect((await get(s.d, s.ticket.id)).signatures[0]).toMatchObject({ matches: true });
    // What it did cover still binds: the fault as taken in.
    await db
      .updateTable('ticket')
      .set({ form: JSON.stringify({ ...source.form, fault: '不脱水' }) })
      .execute();
    ticket = await get(s.d, s.ticket.id);
    expect(ticket.signatures[0]).toMatchObject({ matches: false });
    expect(ticket.signatures[0]!.changes).toContainEqual(
      expect.objectContaining({ kind: 'text', field: 'fault', signed: '洗衣机不排水', current: '不脱水' }),
    );
  });
});

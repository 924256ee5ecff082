/**
 * Estimates (报价单) and the customer's approval: totals with covered lines, versions, the decision
 * bound to the version's hash, expiry, the gate on work that costs money, roles and bounds.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  estimateCanonicalJson,
  type EstimateLineInput,
  type EstimatesView,
  type EstimateView,
  type TicketDetail,
} from '../../db/api';
import { count, readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hashOf = (e: EstimateView): string => sha256(estimateCanonicalJson(e));

const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number])],
};

async function repair(d: TicketDesk, purchaseDate?: string): Promise<TicketDetail> {
  const customer = await d.customer('吴先生');
  return d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    model: 'KFR-35GW',
    fault: '空调制热时外机噪音大',
    condition: '外壳有轻微划痕',
    ...(purchaseDate ? { purchaseDate } : {}),
  });
}

async function scheduled(d: TicketDesk, purchaseDate?: string): Promise<TicketDetail> {
  const ticket = await repair(d, purchaseDate);
  return d.ok('repair_lead', 'tickets.act', {
    ticketId: ticket.id,
    version: ticket.version,
    step: { action: 'schedule', technicianId: d.idOf('technician') },
  });
}

async function startWork(d: TicketDesk, ticketId: string) {
  const ticket = await d.ok('technician', 'tickets.get', { id: ticketId });
  return d.call('technician', 'tickets.act', {
    ticketId,
    version: ticket.version,
    step: { action: 'start_work' },
  });
}

async function motor(d: TicketDesk): Promise<string> {
  const part = await d.ok('admin', 'parts.create', {
    partNo: 'FAN-35',
    name: '外机风扇电机',
    spec: '35W',
    unit: '个',
    costFen: 9000,
    priceFen: 18_000,
  });
  return part.id;
}

const LABOUR: EstimateLineInput = { kind: 'labour', description: '拆机检修外机', quantity: 1, unitPriceFen: 8000 };

function save(
  d: TicketDesk,
  who: Who,
  ticketId: string,
  estimateId: string | null,
  lines: EstimateLineInput[],
  validUntil = '2026-11-30',
) {
  return d.call(who, 'tickets.estimateSave', { ticketId, estimateId, validUntil, lines });
}

function approve(d: TicketDesk, who: Who, e: EstimateView, hash = hashOf(e)) {
  return d.call(who, 'tickets.estimateDecide', {
    estimateId: e.id,
    decision: 'approved',
    method: 'signature',
    customerName: '吴先生',
    estimateHash: hash,
    signature: SIGNATURE,
  });
}

function current(view: EstimatesView): EstimateView {
  return view.versions[0]!;
}

describe('an estimate', () => {
  it('prices parts from the catalogue, shows covered lines at zero, and totals what the customer pays', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const partId = await motor(d);
    const ticket = await repair(d);
    const view = await d.ok('technician', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: null,
      validUntil: '2026-11-30',
      // The price sent for a part is ignored: the catalogue's is used.
      lines: [
        LABOUR,
        { kind: 'part', partId, quantity: 2, unitPriceFen: 1, covered: false },
        { kind: 'labour', description: '上门检测', quantity: 1, unitPriceFen: 5000, covered: true },
      ],
    });
    expect(view.warrantyCovers).toBe(false);
    expect(current(view)).toMatchObject({
      version: 1,
      status: 'draft',
      totalFen: 8000 + 2 * 18_000,
      coveredFen: 5000,
      lines: [
        { kind: 'labour', amountFen: 8000, covered: false },
        { kind: 'part', description: '外机风扇电机 (35W)', partNo: 'FAN-35', unitPriceFen: 18_000, amountFen: 36_000 },
        { kind: 'labour', covered: true, amountFen: 0 },
      ],
    });
    expect(view.gate).toBe('estimate_not_approved');
  });

  it('starts lines as covered when the warranty covers the job, and such a job needs no estimate', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await scheduled(d, '2026-06-01');
    const view = await d.ok('counter', 'tickets.estimates', { ticketId: ticket.id });
    expect(view).toMatchObject({ warrantyCovers: true, gate: null, versions: [] });
    const saved = await d.ok('counter', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: null,
      validUntil: '2026-11-30',
      lines: [LABOUR],
    });
    expect(current(saved)).toMatchObject({ totalFen: 0, coveredFen: 8000, lines: [{ covered: true, amountFen: 0 }] });
    // A zero estimate needs no approval.
    expect(saved.gate).toBeNull();
    expect(await startWork(d, ticket.id)).toMatchObject({ ok: true });
  });

  it('is edited in place as a draft, and a change after it was sent or approved makes a new version', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await repair(d);
    let view = await d.ok('counter', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: null,
      validUntil: '2026-11-30',
      lines: [LABOUR],
    });
    const first = current(view);
    view = await d.ok('counter', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: first.id,
      validUntil: '2026-11-30',
      lines: [{ ...LABOUR, unitPriceFen: 9000 }],
    });
    expect(view.versions).toHaveLength(1);
    expect(current(view)).toMatchObject({ id: first.id, version: 1, totalFen: 9000 });

    view = await d.ok('counter', 'tickets.estimateSend', { estimateId: first.id });
    expect(current(view)).toMatchObject({ status: 'sent' });
    view = await d.ok('counter', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: first.id,
      validUntil: '2026-11-30',
      lines: [{ ...LABOUR, unitPriceFen: 9500 }],
    });
    expect(view.versions.map((v) => [v.version, v.status, v.totalFen])).toEqual([
      [2, 'draft', 9500],
      [1, 'superseded', 9000],
    ]);
    // Saving over the old version (another window still showed it) is refused.
    expect(await save(d, 'counter', ticket.id, first.id, [LABOUR])).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'estimate_superseded' },
    });
    expect(count(d.file, 'estimate')).toBe(2);
  });

  it('binds the approval to the version shown: an old version, a changed one or a second decision is refused', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await repair(d);
    const v1 = current(
      await d.ok('counter', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: null,
        validUntil: '2026-11-30',
        lines: [LABOUR],
      }),
    );
    await d.ok('counter', 'tickets.estimateSend', { estimateId: v1.id });
    const v2 = current(
      await d.ok('counter', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: v1.id,
        validUntil: '2026-11-30',
        lines: [{ ...LABOUR, unitPriceFen: 12_000 }],
      }),
    );
    expect(await approve(d, 'counter', v1)).toMatchObject({ ok: false, error: { key: 'estimate_superseded' } });
    // The customer was shown v1's figures with v2's id.
    expect(await approve(d, 'counter', v2, hashOf(v1))).toMatchObject({
      ok: false,
      error: { key: 'estimate_changed', field: 'estimateHash' },
    });
    // Approving in person needs the signature.
    expect(
      await d.call('counter', 'tickets.estimateDecide', {
        estimateId: v2.id,
        decision: 'approved',
        method: 'signature',
        customerName: '吴先生',
        estimateHash: hashOf(v2),
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation', field: 'signature' } });
    expect(count(d.file, 'estimate_decision')).toBe(0);

    const approved = await approve(d, 'counter', v2);
    expect(approved).toMatchObject({ ok: true });
    const view = await d.ok('counter', 'tickets.estimates', { ticketId: ticket.id });
    expect(current(view)).toMatchObject({
      version: 2,
      status: 'approved',
      decision: {
        decision: 'approved',
        method: 'signature',
        customerName: '吴先生',
        recordedByName: '李娜',
        intact: true,
        estimateHash: hashOf(v2),
      },
    });
    expect(view.gate).toBeNull();
    expect(await approve(d, 'counter', v2)).toMatchObject({ ok: false, error: { key: 'estimate_already_decided' } });
    const [row] = readTable<{ estimate_json: string; estimate_hash: string }>(
      d.file,
      'SELECT estimate_json, estimate_hash FROM estimate_decision',
    );
    expect(sha256(row!.estimate_json)).toBe(row!.estimate_hash);
  });

  it('cannot be approved once expired, and its validity is bounded', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await scheduled(d);
    expect(await save(d, 'counter', ticket.id, null, [LABOUR], '2026-11-22')).toMatchObject({
      ok: false,
      error: { key: 'estimate_valid_past', field: 'validUntil' },
    });
    expect(await save(d, 'counter', ticket.id, null, [LABOUR], '9999-12-31')).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'validUntil' },
    });
    expect(await save(d, 'counter', ticket.id, null, [LABOUR], '2027-03-01')).toMatchObject({
      ok: false,
      error: { key: 'estimate_valid_too_far' },
    });
    const saved = await save(d, 'counter', ticket.id, null, [LABOUR], '2026-11-24');
    if (!saved.ok) throw new Error('not saved');
    const v1 = current(saved.value);
    d.setTime(sh('2026-11-25 10:00'));
    const view = await d.ok('counter', 'tickets.estimates', { ticketId: ticket.id });
    expect(current(view).status).toBe('expired');
    expect(view.gate).toBe('estimate_expired');
    expect(await approve(d, 'counter', v1)).toMatchObject({ ok: false, error: { key: 'estimate_expired' } });
    // Setting the PC's clock back does not bring it back to life: the desk's clock never goes backwards.
    d.setTime(sh('2026-11-23 10:00'));
    expect(await approve(d, 'counter', v1)).toMatchObject({ ok: false, error: { key: 'estimate_expired' } });
    expect(await startWork(d, ticket.id)).toMatchObject({ ok: false, error: { key: 'estimate_expired' } });
  });
});

describe('the gate on work that costs money', () => {
  it('refuses to start an unpriced job outside warranty, allows it once approved, and asks again after a change', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await scheduled(d);
    expect(await startWork(d, ticket.id)).toMatchObject({
      ok: false,
      error: { code: 'validation', key: 'estimate_required' },
    });
    const v1 = current(
      await d.ok('technician', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: null,
        validUntil: '2026-11-30',
        lines: [LABOUR],
      }),
    );
    expect(await startWork(d, ticket.id)).toMatchObject({ ok: false, error: { key: 'estimate_not_approved' } });
    // By phone: who approved, how, and who recorded it.
    await d.ok('counter', 'tickets.estimateDecide', {
      estimateId: v1.id,
      decision: 'declined',
      method: 'phone',
      customerName: '吴先生',
      estimateHash: hashOf(v1),
      note: '嫌贵',
    });
    expect(await startWork(d, ticket.id)).toMatchObject({ ok: false, error: { key: 'estimate_declined' } });
    const v2 = current(
      await d.ok('technician', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: v1.id,
        validUntil: '2026-11-30',
        lines: [{ ...LABOUR, unitPriceFen: 6000 }],
      }),
    );
    expect(v2.version).toBe(2);
    await d.ok('cs_lead', 'tickets.estimateDecide', {
      estimateId: v2.id,
      decision: 'approved',
      method: 'phone',
      customerName: '吴太太',
      estimateHash: hashOf(v2),
    });
    expect(await startWork(d, ticket.id)).toMatchObject({ ok: true, value: { status: 'in_repair' } });
    expect(readTable(d.file, "SELECT id FROM ticket_event WHERE action = 'start_work'")).toHaveLength(1);
  });

  it('asks again when an approved estimate changes, before an on-site visit starts', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const customer = await d.customer('孙女士');
    let ticket = await d.ok('counter', 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'on_site',
      address: '上海市徐汇区淮海中路 100 号',
      model: 'XQG-80',
      fault: '不脱水',
    });
    ticket = await d.ok('repair_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'schedule', technicianId: d.idOf('technician') },
    });
    ticket = await d.ok('technician', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'contact_customer', appointmentAt: new Date(sh('2026-11-23 14:00')).toISOString() },
    });
    const v1 = current(
      await d.ok('technician', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: null,
        validUntil: '2026-11-30',
        lines: [LABOUR],
      }),
    );
    expect(await approve(d, 'counter', v1)).toMatchObject({ ok: true });
    await d.ok('technician', 'tickets.estimateSave', {
      ticketId: ticket.id,
      estimateId: v1.id,
      validUntil: '2026-11-30',
      lines: [LABOUR, { kind: 'labour', description: '更换排水泵', quantity: 1, unitPriceFen: 4000 }],
    });
    ticket = await d.ok('technician', 'tickets.get', { id: ticket.id });
    expect(
      await d.call('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'arrive' },
      }),
    ).toMatchObject({ ok: false, error: { key: 'estimate_not_approved' } });
  });
});

describe('who may and what is refused', () => {
  it('keeps estimates to those who price work, decisions to the counter, and refuses oversized or odd input', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const ticket = await repair(d);
    expect(await save(d, 'parts_clerk', ticket.id, null, [LABOUR])).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const v1 = current(
      await d.ok('technician', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId: null,
        validUntil: '2026-11-30',
        lines: [LABOUR],
      }),
    );
    // A technician prices the work; recording the customer's decision is the counter's.
    expect(await approve(d, 'technician', v1)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(await d.call('parts_clerk', 'tickets.estimateSend', { estimateId: v1.id })).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });

    const tooMany = Array.from({ length: 31 }, () => LABOUR);
    expect(await save(d, 'counter', ticket.id, v1.id, tooMany)).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'lines' },
    });
    expect(await save(d, 'counter', ticket.id, v1.id, [{ ...LABOUR, description: '修'.repeat(201) }])).toMatchObject({
      ok: false,
      error: { field: 'lines.0.description' },
    });
    expect(await save(d, 'counter', ticket.id, v1.id, [{ ...LABOUR, unitPriceFen: 100_000_001 }])).toMatchObject({
      ok: false,
      error: { field: 'lines.0.unitPriceFen' },
    });
    expect(await save(d, 'counter', ticket.id, v1.id, [{ ...LABOUR, unitPriceFen: 10.5 }])).toMatchObject({
      ok: false,
      error: { field: 'lines.0.unitPriceFen' },
    });
    expect(await save(d, 'counter', ticket.id, v1.id, [{ ...LABOUR, quantity: 0 }])).toMatchObject({
      ok: false,
      error: { field: 'lines.0.quantity' },
    });
    expect(
      await save(d, 'counter', ticket.id, v1.id, [
        { kind: 'part', partId: '01890a5d-ac96-774b-bcce-b302099a8057', quantity: 1 },
      ]),
    ).toMatchObject({ ok: false, error: { key: 'estimate_part_unknown', field: 'lines.0.partId' } });
    expect(
      await save(d, 'counter', ticket.id, v1.id, [{ kind: 'labour', description: '  ', quantity: 1 }]),
    ).toMatchObject({ ok: false, error: { field: 'lines.0.description' } });
    // Nothing half-written: still the one first draft.
    expect(readTable<{ total_fen: number }>(d.file, 'SELECT total_fen FROM estimate')).toEqual([{ total_fen: 8000 }]);

    const feedback = await d.ok('counter', 'tickets.create', {
      type: 'feedback',
      customerId: (await d.customer('赵')).id,
      channel: 'in_store',
      category: 'service',
      content: '服务很好',
    });
    expect(await save(d, 'counter', feedback.id, null, [LABOUR])).toMatchObject({
      ok: false,
      error: { key: 'estimate_wrong_type' },
    });
  });
});

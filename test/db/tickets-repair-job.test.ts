/**
 * An after-sales plan of "repair" opens the repair job (docs/DOMAIN.md §4 → §5): when the work starts,
 * a repair ticket is opened in the same call with the request's customer, product, fault, proof of
 * purchase, warranty and priority, linked both ways, and it is on the repair lead's board.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { buildServiceForm, canonicalJson, type REMEDIES, type StepInput, type TicketDetail } from '../../db/api';
import { changeLog, count } from '../support/inspect';
import { tempFile } from '../support/temp-store';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

type Remedy = (typeof REMEDIES)[number];

/** A request from 孙先生 for his registered washer (or unregistered goods), planned and confirmed. */
async function confirmedPlan(d: TicketDesk, plan: Remedy, withProduct = true): Promise<TicketDetail> {
  const owner = await d.customer('孙先生');
  const product = withProduct
    ? await d.ok('admin', 'customers.addProduct', {
        customerId: owner.id,
        category: 'washer',
        brand: '海尔',
        model: 'XQG100-14',
        serial: 'SN7781234',
        purchaseDate: '2026-03-01',
        receiptNo: 'R1',
      })
    : null;
  let ticket = await d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: owner.id,
    ...(product ? { productId: product.id } : {}),
    priority: 'high',
    channel: 'in_store',
    receiptNo: 'NO.20260301-778',
    purchaseDate: '2026-03-01',
    model: 'XQG100-14',
    serial: 'SN7781234',
    fault: '洗衣机脱水时剧烈震动并报 E4',
  });
  ticket = await act(d, 'counter', ticket, { action: 'verify', findings: '小票与型号、序列号一致，故障复现' });
  // Bought in March: a replace or refund is outside its 三包 window, so the manager gives the reason.
  ticket = await act(d, 'manager', ticket, {
    action: 'decide_plan',
    plan,
    details: '按方案处理',
    ...(plan === 'repair' ? {} : { overrideReason: '多次维修未果' }),
  });
  return act(d, 'counter', ticket, { action: 'customer_confirms' });
}

describe('starting a confirmed repair plan', () => {
  it('opens one repair job with the request’s details, linked both ways, on the repair board and in the change log', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const confirmed = await confirmedPlan(d, 'repair');
    // Confirming the plan is the customer's agreement only: no job yet.
    expect(confirmed).toMatchObject({ plan: 'repair', repairJob: null });

    const started = await act(d, 'repair_lead', confirmed, { action: 'start_work', condition: '外观完好，无划痕' });
    expect(started.status).toBe('in_progress');
    expect(started.repairJob).toMatchObject({ type: 'repair', status: 'received', isOpen: true });
    expect(started.repairJob!.number).toMatch(/^S012-2-20261123-\d{4}$/);

    const job = await d.ok('repair_lead', 'tickets.get', { id: started.repairJob!.id });
    expect(job).toMatchObject({
      type: 'repair',
      status: 'received',
      priority: 'high',
      customerId: started.customerId,
      product: { id: started.product!.id },
      warranty: 'in_warranty',
      form: {
        location: 'in_store',
        condition: '外观完好，无划痕',
        fault: '洗衣机脱水时剧烈震动并报 E4',
        model: 'XQG100-14',
        serial: 'SN7781234',
        receiptNo: 'NO.20260301-778',
        purchaseDate: '2026-03-01',
        warranty: 'in_warranty',
      },
      sourceRequest: { id: started.id, number: started.number, type: 'aftersales', status: 'in_progress' },
      repairJob: null,
    });
    // The normal creation path: a create event with its SLA targets and running clocks.
    expect(job.timeline.map((e) => e.action)).toEqual(['create']);
    expect(job.clocks.respond.state).toBe('running');

    const board = await d.ok('repair_lead', 'tickets.board', {});
    expect(board.jobs.map((j) => j.id)).toContain(job.id);

    const rows = changeLog(d.file).filter((c) => c.entity === 'ticket' && c.op === 'insert');
    expect(rows.find((r) => r.entityId === job.id)!.fields).toMatchObject({
      parentTicketId: started.id,
      type: 'repair',
      'form.fault': '洗衣机脱水时剧烈震动并报 E4',
    });
    expect(rows.find((r) => r.entityId === started.id)!.fields).toMatchObject({ parentTicketId: null });
    // The step and the job are one transaction.
    const startTx = changeLog(d.file).find(
      (c) => c.entity === 'ticket_event' && c.fields.action === 'start_work',
    )!.txId;
    expect(rows.find((r) => r.entityId === job.id)!.txId).toBe(startTx);
  });

  it('never opens a second job: a retried call is refused and nothing more is written', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const confirmed = await confirmedPlan(d, 'repair');
    await act(d, 'repair_lead', confirmed, {
      action: 'start_work',
      location: 'on_site',
      address: '浦东新区世纪大道100号 1202室',
    });
    const retried = await d.refused('repair_lead', 'tickets.act', {
      ticketId: confirmed.id,
      version: confirmed.version,
      step: { action: 'start_work', location: 'on_site', address: '浦东新区世纪大道100号 1202室' },
    });
    expect(retried.code).toBe('conflict');
    const again = await d.ok('repair_lead', 'tickets.get', { id: confirmed.id });
    expect(
      await d.refused('repair_lead', 'tickets.act', {
        ticketId: again.id,
        version: again.version,
        step: { action: 'start_work' },
      }),
    ).toMatchObject({ key: 'ticket_step_invalid' });
    expect(count(d.file, "ticket WHERE type = 'repair'")).toBe(1);
    expect((await d.ok('repair_lead', 'tickets.get', { id: again.repairJob!.id })).form).toMatchObject({
      location: 'on_site',
      address: '浦东新区世纪大道100号 1202室',
    });
  });

  it('refuses, changing nothing, a repair on site without the address', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const confirmed = await confirmedPlan(d, 'repair');
    expect(
      await d.refused('repair_lead', 'tickets.act', {
        ticketId: confirmed.id,
        version: confirmed.version,
        step: { action: 'start_work', location: 'on_site' },
      }),
    ).toMatchObject({
      key: 'repair_address_required',
      field: 'step.address',
    });
    expect((await d.ok('repair_lead', 'tickets.get', { id: confirmed.id })).status).toBe('confirmed');
    expect(count(d.file, "ticket WHERE type = 'repair'")).toBe(0);
  });

  it('carries "no product" through for goods that are not registered', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const confirmed = await confirmedPlan(d, 'repair', false);
    // In store by default; the goods' condition is noted when they come in.
    const started = await act(d, 'repair_lead', confirmed, { action: 'start_work' });
    const job = await d.ok('repair_lead', 'tickets.get', { id: started.repairJob!.id });
    expect(job).toMatchObject({
      product: null,
      warranty: 'in_warranty',
      form: { location: 'in_store', condition: '', model: 'XQG100-14', serial: 'SN7781234' },
    });
  });

  it('opens nothing for a replace or refund plan; completing the repair does not close the request', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    for (const plan of ['replace', 'refund'] as const) {
      const started = await act(d, 'repair_lead', await confirmedPlan(d, plan), { action: 'start_work' });
      expect(started).toMatchObject({ status: 'in_progress', plan, repairJob: null });
    }
    expect(count(d.file, "ticket WHERE type = 'repair'")).toBe(0);

    const request = await act(d, 'repair_lead', await confirmedPlan(d, 'repair'), {
      action: 'start_work',
      condition: '外观完好',
    });
    let job = await d.ok('repair_lead', 'tickets.get', { id: request.repairJob!.id });
    job = await act(d, 'repair_lead', job, { action: 'schedule', technicianId: d.idOf('technician') });
    job = await act(d, 'technician', job, { action: 'start_work' });
    const form = buildServiceForm(job.serviceFormSource!, {
      workDone: '更换减震器',
      result: '脱水平稳',
      signerName: '孙先生',
    });
    const strokes = [Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number])];
    const formHash = createHash('sha256').update(canonicalJson(form), 'utf8').digest('hex');
    job = await act(d, 'technician', job, {
      action: 'complete',
      workDone: '更换减震器',
      result: '脱水平稳',
      signerName: '孙先生',
      signature: { width: 400, height: 160, strokes },
      formHash,
    });
    expect(job.status).toBe('follow_up');
    // The request is still the after-sales staff's to mark done and follow up; its page shows the job's state.
    const after = await d.ok('repair_lead', 'tickets.get', { id: request.id });
    expect(after).toMatchObject({ status: 'in_progress', repairJob: { id: job.id, status: 'follow_up' } });
  });
});

describe('migration 0011 (ticket link)', () => {
  it('adds the link to a store at schema 10, its tickets unlinked', async () => {
    const file = tempFile();
    const sqlite = new Database(file);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
    await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version < 11) });
    const columns = () => (sqlite.pragma('table_info(ticket)') as Array<{ name: string }>).map((c) => c.name);
    expect(columns()).not.toContain('parent_ticket_id');
    expect(
      await migrate(db, { file, appVersion: '0.1.0', migrations: migrations.filter((m) => m.version <= 11) }),
    ).toEqual([11]);
    expect(columns()).toContain('parent_ticket_id');
    expect(
      sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ticket_parent'`).pluck().all(),
    ).toEqual(['ticket_parent']);
    await db.destroy();
  });
});

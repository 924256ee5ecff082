/**
 * Privacy by role on tickets (docs/DOMAIN.md §9): a technician sees the visit address
 * and the customer's phone only on a repair on site assigned to them — on the ticket page, in the
 * service form they have signed, and on the job sheet they print. Every other ticket, every list,
 * and the customer file stay masked for them, enforced in the main process.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildServiceForm, canonicalJson, type StepInput, type TicketDetail } from '../../db/api';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

const VISIT = '上海市静安区南京西路 1266 号 12 楼';
const HOME = '上海市徐汇区漕溪北路 88 号 3 室';
const PHONE = '13912345678';
const MASKED = '139****5678';

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

/** A repair for 吴先生 (phone and home address on file), scheduled to 陈师傅 (`technician`). */
async function scheduledRepair(d: TicketDesk, location: 'on_site' | 'in_store'): Promise<TicketDetail> {
  const customer = await d.ok('admin', 'customers.create', {
    name: '吴先生',
    phones: [{ number: PHONE }],
    addresses: [{ label: '家', address: HOME }],
  });
  const ticket = await d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location,
    // The visit address is optional in store; one typed there anyway must not reach the technician.
    address: VISIT,
    model: 'KFR-35GW',
    fault: '空调制热时外机噪音大',
    condition: location === 'in_store' ? '外壳有轻微划痕' : '',
  });
  await d.approveEstimate(ticket.id);
  return act(d, 'repair_lead', ticket, {
    action: 'schedule',
    technicianId: d.idOf('technician'),
    plannedDate: '2026-11-24',
  });
}

/** Neither the address (visit or home) nor the full phone appears anywhere in what was answered. */
function expectNoContact(value: unknown): void {
  const text = JSON.stringify(value);
  expect(text).not.toContain(VISIT);
  expect(text).not.toContain(HOME);
  expect(text).not.toContain(PHONE);
}

describe('a repair on site', () => {
  it('shows the assigned technician the visit address and the phone, on the ticket and the job sheet', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await scheduledRepair(d, 'on_site');

    const own = await d.ok('technician', 'tickets.get', { id: ticket.id });
    expect(own).toMatchObject({ contactHidden: false, customerPhones: [PHONE], form: { address: VISIT } });
    expect(own.serviceFormSource!.form.address).toBe(VISIT);

    const sheet = await d.ok('technician', 'print.ticket', { ticketId: ticket.id });
    expect(sheet.customer).toEqual({ name: '吴先生', phones: [PHONE], address: VISIT, masked: false });
    expect(sheet.intake).toContainEqual({ key: 'address', value: VISIT });
  });

  it('hides them from another technician on the same ticket, in the detail, the lists and the job sheet', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await scheduledRepair(d, 'on_site');

    const other = await d.ok('technician2', 'tickets.get', { id: ticket.id });
    expect(other).toMatchObject({ contactHidden: true, customerPhones: [MASKED], location: 'on_site' });
    expect(other.form).not.toHaveProperty('address');
    expect(other.serviceFormSource!.form).not.toHaveProperty('address');
    expectNoContact(other);

    const sheet = await d.ok('technician2', 'print.ticket', { ticketId: ticket.id });
    expect(sheet.customer).toEqual({ name: '吴先生', phones: [MASKED], address: '', masked: true });
    expect(sheet.intake.map((line) => line.key)).not.toContain('address');
    expectNoContact(sheet);

    // Lists carry no contact details for anyone, the job's own technician included; only their own
    // "my jobs today" carries the address of their own visit (tickets-board.test.ts).
    for (const who of ['technician', 'technician2'] as const) {
      expectNoContact(await d.ok(who, 'tickets.queue', { queue: 'all' }));
      expectNoContact(await d.ok(who, 'tickets.board', {}));
      expectNoContact(await d.ok(who, 'tickets.boardWeek', { date: '2026-11-24' }));
      expectNoContact(await d.ok(who, 'tickets.duePanel', {}));
    }
    expectNoContact(
      await d.ok('technician', 'tickets.technicianDay', { technicianId: d.idOf('technician'), date: '2026-11-24' }),
    );
    expectNoContact(
      await d.ok('repair_lead', 'tickets.technicianDay', { technicianId: d.idOf('technician'), date: '2026-11-24' }),
    );
    d.setTime(sh('2026-11-24 09:00'));
    expectNoContact(await d.ok('technician2', 'tickets.myJobs', {}));
  });

  it('goes with the job: once reassigned to another technician, the first one no longer sees them', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    let ticket = await scheduledRepair(d, 'on_site');
    ticket = await act(d, 'repair_lead', ticket, {
      action: 'reassign',
      assigneeId: d.idOf('technician2'),
      reason: '陈师傅请假',
    });
    expect(ticket.assignee?.name).toBe('王师傅');

    expect(await d.ok('technician2', 'tickets.get', { id: ticket.id })).toMatchObject({
      contactHidden: false,
      customerPhones: [PHONE],
      form: { address: VISIT },
    });
    expectNoContact(await d.ok('technician', 'tickets.get', { id: ticket.id }));
    expectNoContact(await d.ok('technician', 'print.ticket', { ticketId: ticket.id }));
    // "My jobs today" follows too: the visit (now overdue) with its address for the new technician only.
    d.setTime(sh('2026-12-01 09:00'));
    const theirs = await d.ok('technician2', 'tickets.myJobs', {});
    expect(theirs.jobs.map((job) => [job.id, job.address])).toEqual([[ticket.id, VISIT]]);
    expect((await d.ok('technician', 'tickets.myJobs', {})).jobs).toEqual([]);
  });

  it('keeps the address in the signed service form for the technician and counter, not for others', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    let ticket = await scheduledRepair(d, 'on_site');
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: new Date(sh('2026-11-24 14:00')).toISOString(),
    });
    d.setTime(sh('2026-11-24 14:10'));
    ticket = await act(d, 'technician', ticket, { action: 'arrive' });
    const [workDone, result, signerName] = ['更换启动电容', '运行正常', '吴先生'];
    const form = buildServiceForm(ticket.serviceFormSource!, { workDone, result, signerName });
    expect(form.address).toBe(VISIT);
    const formHash = createHash('sha256').update(canonicalJson(form), 'utf8').digest('hex');
    const signature = {
      width: 400,
      height: 160,
      strokes: [
        Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number]),
        Array.from({ length: 6 }, (_, i) => [200 + i * 8, 60 + i * 6] as [number, number]),
      ],
    };
    ticket = await act(d, 'technician', ticket, {
      action: 'complete',
      workDone,
      result,
      signerName,
      signature,
      formHash,
    });

    expect(ticket.signatures[0]).toMatchObject({ intact: true, form: { address: VISIT } });
    expect((await d.ok('counter', 'tickets.get', { id: ticket.id })).signatures[0]!.form.address).toBe(VISIT);
    const other = await d.ok('technician2', 'tickets.get', { id: ticket.id });
    expect(other.signatures[0]).toMatchObject({ intact: true, form: { address: '' } });
    expectNoContact(other);
  });
});

describe('a repair in store', () => {
  it('does not expose the address or the phone to its own technician', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await scheduledRepair(d, 'in_store');
    expect(ticket.assignee?.name).toBe('陈师傅');

    const own = await d.ok('technician', 'tickets.get', { id: ticket.id });
    expect(own).toMatchObject({ contactHidden: true, customerPhones: [MASKED] });
    expectNoContact(own);
    const sheet = await d.ok('technician', 'print.ticket', { ticketId: ticket.id });
    expect(sheet.customer).toMatchObject({ phones: [MASKED], address: '', masked: true });
    expectNoContact(sheet);

    // Counter staff serve the customer: they see it all.
    expect(await d.ok('counter', 'tickets.get', { id: ticket.id })).toMatchObject({
      contactHidden: false,
      customerPhones: [PHONE],
      form: { address: VISIT },
    });
  });
});

describe('the customer file', () => {
  it('stays masked for the technician even while they have an on-site job for that customer', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await scheduledRepair(d, 'on_site');

    const file = await d.ok('technician', 'customers.get', { id: ticket.customerId });
    expect(file).toMatchObject({ contactHidden: true, addresses: [], phones: [{ number: MASKED }] });
    expectNoContact(file);
    expectNoContact(await d.ok('technician', 'customers.history', { id: ticket.customerId }));
    expectNoContact(await d.ok('technician', 'customers.search', { query: '1391234' }));
  });
});

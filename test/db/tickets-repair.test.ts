/**
 * Repair (维修), in store or on site (docs/DOMAIN.md §5): the repair lead schedules a technician, the
 * technician fixes an appointment, arrives, repairs, and the customer signs the service form —
 * a signature bound to the SHA-256 of the form's canonical JSON. The board and a technician's day.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildServiceForm, canonicalJson, type TicketDetail } from '../../db/api';
import { count, readTable } from '../support/inspect';
import { act, newRepair, openTicketDesk, sh } from './tickets-fixture';

const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [
    Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number]),
    Array.from({ length: 6 }, (_, i) => [200 + i * 8, 60 + i * 6] as [number, number]),
  ],
};

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function completion(ticket: TicketDetail, workDone: string, result: string, signerName: string) {
  const form = buildServiceForm(ticket.serviceFormSource!, { workDone, result, signerName });
  return {
    action: 'complete' as const,
    workDone,
    result,
    signerName,
    signature: SIGNATURE,
    formHash: sha256(canonicalJson(form)),
  };
}

describe('a repair on site', () => {
  it('is scheduled, the appointment fixed, the technician arrives, repairs, and the customer signs', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    let ticket = await newRepair(d, 'on_site', { approved: true });
    expect(ticket).toMatchObject({
      status: 'received',
      location: 'on_site',
      form: { address: '上海市静安区南京西路 1266 号 12 楼' },
    });
    expect(
      await d.refused('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'schedule', technicianId: d.idOf('technician') },
      }),
    ).toMatchObject({
      key: 'ticket_role_not_allowed',
    });
    // Only technicians (or a repair lead) can be scheduled.
    expect(
      await d.refused('repair_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'schedule', technicianId: d.idOf('counter') },
      }),
    ).toMatchObject({
      key: 'ticket_technician_invalid',
      field: 'step.technicianId',
    });
    ticket = await act(d, 'repair_lead', ticket, {
      action: 'schedule',
      technicianId: d.idOf('technician'),
      plannedDate: '2026-11-24',
      note: '带好冷媒和扳手',
    });
    expect(ticket).toMatchObject({ status: 'scheduled', assignee: { name: '陈师傅' }, plannedDate: '2026-11-24' });

    // Another technician is not this job's technician.
    expect(
      await d.refused('technician2', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'contact_customer', appointmentAt: '2026-11-24T06:00:00.000Z' },
      }),
    ).toMatchObject({
      key: 'ticket_role_not_allowed',
    });
    // On site needs an appointment before work: no "start work" from scheduled.
    expect(
      await d.refused('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'start_work' },
      }),
    ).toMatchObject({ key: 'ticket_step_wrong_location' });
    expect(
      await d.refused('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'contact_customer', appointmentAt: '2026-11-22T06:00:00.000Z' },
      }),
    ).toMatchObject({
      key: 'appointment_in_past',
      field: 'step.appointmentAt',
    });
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: new Date(sh('2026-11-24 14:00')).toISOString(),
      note: '顾客要求下午',
    });
    // Calling ahead to move it.
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: new Date(sh('2026-11-24 15:30')).toISOString(),
      note: '堵车，改约',
    });
    expect(ticket).toMatchObject({
      status: 'appointment_set',
      appointmentAt: new Date(sh('2026-11-24 15:30')).toISOString(),
    });

    const day = await d.ok('repair_lead', 'tickets.technicianDay', {
      technicianId: d.idOf('technician'),
      date: '2026-11-24',
    });
    expect(day.jobs.map((j) => j.number)).toEqual([ticket.number]);
    expect(
      (await d.ok('repair_lead', 'tickets.technicianDay', { technicianId: d.idOf('technician'), date: '2026-11-23' }))
        .jobs,
    ).toEqual([]);

    d.setTime(sh('2026-11-24 15:25'));
    ticket = await d.ok('technician', 'tickets.get', { id: ticket.id });
    ticket = await act(d, 'technician', ticket, { action: 'arrive', note: '已出示工作证' });
    ticket = await act(d, 'technician', ticket, { action: 'record_work', workDone: '外机风扇叶片松动，已紧固' });
    expect(ticket.status).toBe('in_repair');

    // Completion needs the customer's signature…
    const unsigned = await d.refused('technician', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: {
        ...completion(ticket, '紧固风扇', '运行正常', '吴先生'),
        signature: { width: 400, height: 160, strokes: [] },
      },
    });
    expect(unsigned).toMatchObject({ code: 'validation', field: 'step.signature.strokes', key: 'signature_required' });
    // …on the very form: a hash of other content is refused and nothing is stored.
    const other = { ...completion(ticket, '紧固风扇', '运行正常', '吴先生'), result: '运行正常，已演示' };
    expect(
      await d.refused('technician', 'tickets.act', { ticketId: ticket.id, version: ticket.version, step: other }),
    ).toMatchObject({ code: 'conflict', key: 'signature_form_changed' });
    expect(count(d.file, 'ticket_signature')).toBe(0);

    ticket = await act(
      d,
      'technician',
      ticket,
      completion(ticket, '紧固外机风扇叶片，清洁滤网', '制热运行正常，噪音消除，已向顾客演示', '吴先生'),
    );
    expect(ticket).toMatchObject({ status: 'follow_up', followUpDue: '2026-11-27' });
    expect(ticket.signatures).toHaveLength(1);
    const signature = ticket.signatures[0]!;
    expect(signature).toMatchObject({
      signerName: '吴先生',
      intact: true,
      form: { ticketNumber: ticket.number, technician: '陈师傅', customer: '吴先生', product: 'KFR-35GW' },
    });
    expect(signature.strokes).toHaveLength(2);
    expect(ticket.timeline.slice(-2).map((e) => e.action)).toEqual(['complete', 'sign']);
    // The stored JSON is the canonical form and hashes to the stored hash.
    const [row] = readTable<{ form_json: string; form_hash: string }>(
      d.file,
      'SELECT form_json, form_hash FROM ticket_signature',
    );
    expect(sha256(row!.form_json)).toBe(row!.form_hash);
    expect(row!.form_json).toBe(canonicalJson(JSON.parse(row!.form_json)));
  });
});

describe('a repair that did not hold', () => {
  it('is reopened by the follow-up call and rescheduled by the repair lead', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    let ticket = await newRepair(d, 'in_store', { approved: true });
    ticket = await act(d, 'repair_lead', ticket, { action: 'schedule', technicianId: d.idOf('technician') });
    ticket = await act(d, 'technician', ticket, { action: 'start_work' });
    ticket = await act(d, 'technician', ticket, completion(ticket, '更换风扇电机', '噪音消除', '吴先生'));
    ticket = await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 4,
      problemSolved: false,
      productWorks: 'still_faulty',
      comments: '又响了',
    });
    expect(ticket.status).toBe('reopened');
    expect(
      await d.refused('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'reschedule', technicianId: d.idOf('technician2'), reason: 'x' },
      }),
    ).toMatchObject({ code: 'permission_denied' });
    ticket = await act(d, 'repair_lead', ticket, {
      action: 'reschedule',
      technicianId: d.idOf('technician2'),
      plannedDate: '2026-11-25',
      reason: '换人复查',
    });
    expect(ticket).toMatchObject({
      status: 'scheduled',
      assignee: { name: '王师傅' },
      plannedDate: '2026-11-25',
      followUpDue: null,
    });
  });
});

describe('a repair in store', () => {
  it('starts without an appointment, and "arrive" does not apply', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    let ticket = await newRepair(d, 'in_store', { approved: true });
    ticket = await act(d, 'repair_lead', ticket, { action: 'schedule', technicianId: d.idOf('technician') });
    expect(ticket.allowedSteps).not.toContain('arrive');
    ticket = await act(d, 'technician', ticket, { action: 'start_work' });
    expect(ticket.status).toBe('in_repair');
    expect(
      await d.refused('technician', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'arrive' },
      }),
    ).toMatchObject({ key: 'ticket_step_invalid' });
  });

  it('needs the condition of the goods received; on site needs the address', async () => {
    const d = await openTicketDesk();
    const customer = await d.customer();
    const inStore = await d.refused('counter', 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '不开机',
    });
    expect(inStore).toMatchObject({ field: 'condition', key: 'repair_condition_required' });
    const onSite = await d.refused('counter', 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'on_site',
      fault: '不开机',
    });
    expect(onSite).toMatchObject({ field: 'address', key: 'repair_address_required' });
  });
});

describe('the repair board', () => {
  it('lists open repairs by urgency, then due time, and each technician’s load', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const normal = await newRepair(d, 'in_store', { approved: true });
    d.advance(1);
    const urgent = await newRepair(d, 'on_site', { priority: 'urgent', approved: true });
    await act(d, 'repair_lead', urgent, {
      action: 'schedule',
      technicianId: d.idOf('technician2'),
      plannedDate: '2026-11-23',
    });
    const board = await d.ok('repair_lead', 'tickets.board', {});
    expect(board.today).toBe('2026-11-23');
    // The urgent one's 5-minute reply clock has been answered and its 6-hour resolve clock is due
    // after the normal one's 15-minute reply; urgency still puts it first (tickets-board.test.ts).
    expect(board.jobs.map((j) => j.id)).toEqual([urgent.id, normal.id]);
    expect(board.technicians).toEqual([
      { id: d.idOf('technician2'), name: '王师傅', role: 'technician', open: 1, today: 1, hoursBooked: 2 },
      { id: d.idOf('technician'), name: '陈师傅', role: 'technician', open: 0, today: 0, hoursBooked: 0 },
      { id: d.idOf('repair_lead'), name: '刘强', role: 'repair_lead', open: 0, today: 0, hoursBooked: 0 },
    ]);
  });
});

/**
 * Customer messages queued by the ticket workflow on the counter: consent and do-not-contact
 * honoured with the reason shown, the customer's language, quiet hours at night and with the PC
 * clock set back, one message per ticket, event and appointment, cancelling and resending, and
 * the settings' permission and checks.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { buildServiceForm, canonicalJson, type StepInput, type TicketDetail } from '../../db/api';
import { changeLog, readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

type Consent = { contactConsent?: boolean; doNotContact?: boolean; preferredChannel?: 'sms' | 'phone' | null };

let phoneSeq = 0;
async function customer(d: TicketDesk, consent: Consent, extra: { language?: 'en' | null; number?: string } = {}) {
  phoneSeq += 1;
  return d.ok('admin', 'customers.create', {
    name: '王芳',
    phones: [{ number: extra.number ?? `1380000${String(phoneSeq).padStart(4, '0')}` }],
    ...consent,
    language: extra.language ?? null,
  });
}

async function repair(d: TicketDesk, customerId: string, location: 'in_store' | 'on_site' = 'on_site') {
  return d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId,
    priority: 'normal',
    location,
    address: location === 'on_site' ? '上海市徐汇区漕溪北路 88 号' : '',
    model: 'KFR-35GW',
    fault: '不制冷',
    accessories: location === 'in_store' ? '遥控器' : '',
    condition: location === 'in_store' ? '外壳完好' : '',
  });
}

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

const messagesOf = (d: TicketDesk, ticketId: string, who: Who = 'counter') =>
  d.ok(who, 'tickets.messages', { ticketId });

const CONSENT: Consent = { contactConsent: true };

const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number])],
};

/** The completion step with the customer's signature on the service form as the ticket stands. */
function completion(ticket: TicketDetail): StepInput {
  const filled = { workDone: '更换电容', result: '试机正常', signerName: '王芳' };
  const form = buildServiceForm(ticket.serviceFormSource!, filled);
  const formHash = createHash('sha256').update(canonicalJson(form), 'utf8').digest('hex');
  return { action: 'complete', ...filled, signature: SIGNATURE, formHash };
}

describe('queuing a message at intake', () => {
  it('queues "ticket received" for a customer who agreed, with the store, number and progress hint', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT, { number: '13812345678' });
    const ticket = await repair(d, c.id);
    const view = await messagesOf(d, ticket.id);
    expect(view.blocked).toBeNull();
    expect(view.messages).toHaveLength(1);
    const [message] = view.messages;
    expect(message).toMatchObject({
      event: 'ticket_received',
      language: 'zh-CN',
      state: 'waiting',
      phone: '13812345678',
      notBefore: new Date(sh('2026-11-23 09:30')).toISOString(),
      canCancel: true,
      canResend: false,
    });
    expect(message!.body).toContain(ticket.number);
    expect(message!.body).toContain('凭单号和手机尾号4位可查询进度');
    // A technician does not see the customer's full number.
    expect((await messagesOf(d, ticket.id, 'technician')).messages[0]!.phone).toBe('138****5678');
    // The outbox row goes to head office like any change, written once.
    const logged = changeLog(d.file).filter((c) => c.entity === 'customer_message');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ op: 'insert' });
  });

  it('queues "estimate ready" when an estimate is handed over, once per version', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT);
    const ticket = await repair(d, c.id, 'in_store');
    const labour = { kind: 'labour' as const, description: '更换压缩机电容', quantity: 1, unitPriceFen: 12000 };
    const save = (estimateId: string | null, unitPriceFen: number) =>
      d.ok('counter', 'tickets.estimateSave', {
        ticketId: ticket.id,
        estimateId,
        validUntil: '2026-11-30',
        lines: [{ ...labour, unitPriceFen }],
      });
    const ready = async () =>
      (await messagesOf(d, ticket.id)).messages.filter((m) => m.event === 'estimate_ready').length;

    let view = await save(null, 12000);
    const first = view.versions[0]!;
    // A draft tells the customer nothing yet.
    expect(await ready()).toBe(0);
    await d.ok('counter', 'tickets.estimateSend', { estimateId: first.id });
    expect(await ready()).toBe(1);
    // Handing the same version over again (a reprint) sends nothing more.
    await d.ok('counter', 'tickets.estimateSend', { estimateId: first.id });
    expect(await ready()).toBe(1);
    // A changed estimate is a new version: the customer is told again.
    view = await save(first.id, 15000);
    await d.ok('counter', 'tickets.estimateSend', { estimateId: view.versions[0]!.id });
    expect(await ready()).toBe(2);
  });

  it('queues nothing, and says why, without consent, with do-not-contact, another channel or no mobile', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const cases: Array<[Consent, string | undefined, string]> = [
      [{}, undefined, 'no_consent'],
      [{ contactConsent: true, doNotContact: true }, undefined, 'do_not_contact'],
      [{ contactConsent: false, doNotContact: true }, undefined, 'do_not_contact'],
      [{ contactConsent: true, preferredChannel: 'phone' }, undefined, 'prefers_other_channel'],
      [{ contactConsent: true }, '021-64281234', 'no_mobile'],
    ];
    for (const [consent, number, reason] of cases) {
      const c = await customer(d, consent, number ? { number } : {});
      const ticket = await repair(d, c.id);
      const view = await messagesOf(d, ticket.id);
      expect(view.messages, reason).toEqual([]);
      expect(view.blocked).toBe(reason);
    }
    expect(readTable(d.file, 'SELECT id FROM customer_message')).toEqual([]);
  });

  it('writes in English for a customer who reads English, and not at all for a consultation', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT, { language: 'en' });
    const ticket = await repair(d, c.id);
    const [message] = (await messagesOf(d, ticket.id)).messages;
    expect(message).toMatchObject({ language: 'en' });
    expect(message!.body).toMatch(/has received your service ticket/);
    const consultation = await d.ok('counter', 'tickets.create', {
      type: 'consultation',
      customerId: c.id,
      priority: 'normal',
      channel: 'phone',
      question: '空调滤网多久清洗一次？',
      answer: '建议每两周清洗一次',
    });
    expect((await messagesOf(d, consultation.id)).messages).toEqual([]);
  });
});

describe('quiet hours', () => {
  it('holds a message taken at night until 08:00, also after the PC clock is set back', async () => {
    const d = await openTicketDesk(sh('2026-11-23 22:10'));
    const c = await customer(d, CONSENT);
    const first = await repair(d, c.id);
    const [late] = (await messagesOf(d, first.id)).messages;
    expect(late!.notBefore).toBe(new Date(sh('2026-11-24 08:00')).toISOString());
    // Someone sets the PC clock back to the afternoon: the desk's time does not go back with it,
    // so the next message is still held for the morning, not sent "at 15:00".
    d.setTime(sh('2026-11-23 15:00'));
    const second = await repair(d, c.id);
    const [held] = (await messagesOf(d, second.id)).messages;
    expect(held!.notBefore).toBe(new Date(sh('2026-11-24 08:00')).toISOString());
    expect(held!.createdAt >= late!.createdAt).toBe(true);
  });

  it('follows the quiet hours the store saves', async () => {
    const d = await openTicketDesk(sh('2026-11-23 19:30'));
    await d.ok('manager', 'tickets.saveMessageSettings', { quietStart: '19:00', quietEnd: '09:30', templates: [] });
    const c = await customer(d, CONSENT);
    const ticket = await repair(d, c.id);
    expect((await messagesOf(d, ticket.id)).messages[0]!.notBefore).toBe(
      new Date(sh('2026-11-24 09:30')).toISOString(),
    );
  });
});

describe('messages from the workflow', () => {
  it('books, moves and keeps one message per appointment', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT);
    let ticket = await repair(d, c.id);
    ticket = await act(d, 'repair_lead', ticket, {
      action: 'schedule',
      technicianId: d.idOf('technician'),
      plannedDate: '2026-11-24',
    });
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: '2026-11-24T06:00:00.000Z',
    });
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: '2026-11-24T07:00:00.000Z',
    });
    let view = await messagesOf(d, ticket.id);
    const byEvent = (event: string) => view.messages.filter((m) => m.event === event);
    expect(byEvent('appointment_booked')).toMatchObject([{ state: 'cancelled', cancelReason: 'appointment_moved' }]);
    expect(byEvent('appointment_changed')).toMatchObject([{ state: 'waiting' }]);
    expect(byEvent('appointment_changed')[0]!.body).toContain('15:00');
    // The same time again (a repeated call) queues nothing new.
    ticket = await act(d, 'technician', ticket, {
      action: 'contact_customer',
      appointmentAt: '2026-11-24T07:00:00.000Z',
    });
    view = await messagesOf(d, ticket.id);
    expect(byEvent('appointment_changed')).toHaveLength(1);
    expect(view.messages).toHaveLength(3);
  });

  it('tells an in-store customer the item is ready, then asks for a rating on the due day; a call cancels it', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT);
    let ticket = await repair(d, c.id, 'in_store');
    ticket = await act(d, 'repair_lead', ticket, { action: 'schedule', technicianId: d.idOf('technician') });
    // Out of warranty: the customer approves the estimate before the work starts.
    await d.approveEstimate(ticket.id);
    ticket = await d.ok('counter', 'tickets.get', { id: ticket.id });
    ticket = await act(d, 'technician', ticket, { action: 'start_work' });
    ticket = await act(d, 'technician', ticket, { action: 'record_work', workDone: '更换电容' });
    ticket = await act(d, 'technician', ticket, { action: 'record_work', workDone: '试机正常' });
    const events = (await messagesOf(d, ticket.id)).messages.map((m) => m.event);
    expect(events.filter((e) => e === 'ready_for_pickup')).toHaveLength(1);
    expect(events).toContain('ticket_received');

    d.setTime(sh('2026-11-23 16:00'));
    ticket = await act(d, 'technician', ticket, completion(ticket));
    expect(ticket.followUpDue).toBe('2026-11-26');
    const followUp = (await messagesOf(d, ticket.id)).messages.find((m) => m.event === 'follow_up')!;
    expect(followUp).toMatchObject({ state: 'waiting', notBefore: new Date(sh('2026-11-26 10:00')).toISOString() });
    expect(followUp.body).toContain('回复1-5');

    // The customer service called first: the rating request is no longer sent.
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: 5,
      problemSolved: true,
    });
    expect((await messagesOf(d, ticket.id)).messages.find((m) => m.event === 'follow_up')).toMatchObject({
      state: 'cancelled',
      cancelReason: 'follow_up_recorded',
    });
  });

  it('cancels and resends only what it may, for staff who work tickets', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const c = await customer(d, CONSENT);
    const ticket = await repair(d, c.id);
    const [message] = (await messagesOf(d, ticket.id)).messages;
    expect(await d.refused('parts_clerk', 'tickets.cancelMessage', { messageId: message!.id })).toMatchObject({
      code: 'permission_denied',
    });
    expect(await d.refused('counter', 'tickets.resendMessage', { messageId: message!.id })).toMatchObject({
      key: 'message_not_resendable',
    });
    const cancelled = await d.ok('counter', 'tickets.cancelMessage', { messageId: message!.id });
    expect(cancelled.messages[0]).toMatchObject({ state: 'cancelled', canResend: true, canCancel: false });
    expect(await d.refused('counter', 'tickets.cancelMessage', { messageId: message!.id })).toMatchObject({
      key: 'message_not_cancellable',
    });
    const resent = await d.ok('counter', 'tickets.resendMessage', { messageId: message!.id });
    expect(resent.messages.map((m) => m.state).sort()).toEqual(['cancelled', 'waiting']);
    // The customer withdrew consent meanwhile: nothing more is queued.
    await d.ok('admin', 'customers.update', {
      id: c.id,
      name: c.name,
      phones: [{ number: c.phones[0]!.number }],
      doNotContact: true,
    });
    const again = resent.messages.find((m) => m.state === 'waiting')!;
    await d.ok('counter', 'tickets.cancelMessage', { messageId: again.id });
    expect(await d.refused('counter', 'tickets.resendMessage', { messageId: again.id })).toMatchObject({
      key: 'message_no_consent',
    });
  });
});

describe('message settings', () => {
  it('are changed by leads and managers only, refusing a bad template and writing nothing then', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:30'));
    const save = { quietStart: '20:00', quietEnd: '09:00', templates: [] };
    for (const who of ['counter', 'technician', 'repair_lead'] as const)
      expect(await d.refused(who, 'tickets.saveMessageSettings', save)).toMatchObject({ code: 'permission_denied' });
    const bad = {
      quietStart: '20:00',
      quietEnd: '09:00',
      templates: [
        { event: 'job_done' as const, language: 'zh-CN' as const, body: '{store}完成了' },
        { event: 'follow_up' as const, language: 'zh-CN' as const, body: '亲爱的{name}，请回复1-5' },
      ],
    };
    expect(await d.refused('cs_lead', 'tickets.saveMessageSettings', bad)).toMatchObject({
      key: 'template_unknown_placeholder',
      field: 'templates.1.body',
    });
    expect(readTable(d.file, 'SELECT * FROM message_settings')).toEqual([]);
    expect(readTable(d.file, 'SELECT * FROM message_template')).toEqual([]);
    expect(await d.refused('cs_lead', 'tickets.saveMessageSettings', { ...save, quietStart: '25:00' })).toMatchObject({
      key: 'quiet_hours_format',
    });

    const saved = await d.ok('cs_lead', 'tickets.saveMessageSettings', { ...save, templates: [bad.templates[0]!] });
    expect(saved.quietHours).toEqual({ start: '20:00', end: '09:00' });
    expect(saved.templates.find((t) => t.event === 'job_done' && t.language === 'zh-CN')).toMatchObject({
      body: '{store}完成了',
      edited: true,
    });
    // Leaving a template out puts it back to the default.
    const reset = await d.ok('manager', 'tickets.saveMessageSettings', save);
    expect(reset.templates.every((t) => !t.edited)).toBe(true);
    expect(
      changeLog(d.file)
        .filter((c) => c.entity === 'message_template')
        .map((c) => c.op),
    ).toEqual(['insert', 'delete']);
  });
});

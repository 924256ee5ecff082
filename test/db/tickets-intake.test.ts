/**
 * Taking tickets at the counter: numbers that carry store, counter and local date; consultations
 * answered at once or promised; feedback; corrections with stale-edit detection; notes and photos.
 */
import { describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../db/api';
import { count, readTable } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

async function feedback(d: TicketDesk, content = '希望周末延长营业时间'): Promise<TicketDetail> {
  const customer = await d.customer();
  return d.ok('counter', 'tickets.create', {
    type: 'feedback',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service',
    content,
  });
}

const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('ticket numbers', () => {
  it('carry store code, counter number, the local date and the counter’s daily sequence', async () => {
    // 23:30 UTC on Sunday the 22nd is already Monday 07:30 in Shanghai.
    const d = await openTicketDesk(Date.parse('2026-11-22T23:30:00Z'));
    expect((await feedback(d)).number).toBe('S012-2-20261123-0001');
    expect((await feedback(d)).number).toBe('S012-2-20261123-0002');
    d.setTime(sh('2026-11-24 09:00'));
    expect((await feedback(d)).number).toBe('S012-2-20261124-0001');
    // Another counter PC of the store numbers its own tickets.
    const store = await d.ok('admin', 'store.get', {});
    await d.ok('admin', 'store.update', { ...store, workingDays: [...store.workingDays], counterNo: 3 });
    expect((await feedback(d)).number).toBe('S012-3-20261124-0001');
  });
});

describe('a consultation', () => {
  it('answered at once is logged as answered, with its first response met', async () => {
    const d = await openTicketDesk();
    const customer = await d.customer();
    const ticket = await d.ok('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '冰箱保修期多久？',
      answer: '整机一年，压缩机三年',
    });
    expect(ticket).toMatchObject({
      status: 'answered',
      sla: { level: 'done' },
      clocks: { respond: { state: 'stopped', breachedAt: null } },
    });
    expect(ticket.timeline.map((e) => e.action)).toEqual(['create', 'answer']);
  });

  it('with a promised reply is tracked in the follow-up list until answered', async () => {
    const d = await openTicketDesk();
    const customer = await d.customer();
    const missing = await d.refused('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '能否以旧换新？',
    });
    expect(missing).toMatchObject({ field: 'answer', key: 'consultation_answer_or_promise' });
    const past = await d.refused('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '能否以旧换新？',
      promisedReplyAt: new Date(sh('2026-11-22 15:00')).toISOString(),
    });
    expect(past).toMatchObject({ field: 'promisedReplyAt', key: 'promise_in_past' });

    let ticket = await d.ok('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '能否以旧换新？',
      promisedReplyAt: new Date(sh('2026-11-23 15:00')).toISOString(),
    });
    expect(ticket).toMatchObject({
      status: 'awaiting_reply',
      promisedReplyAt: new Date(sh('2026-11-23 15:00')).toISOString(),
    });
    const list = await d.ok('counter', 'tickets.followUps', {});
    expect(list.items.map((i) => i.id)).toEqual([ticket.id]);
    // The phone to call: in full for counter staff, masked in the payload for roles without personal data.
    const phone = list.items[0]!.phones[0]!;
    expect(phone).toMatch(/^1390000\d{4}$/);
    const masked = (await d.ok('technician', 'tickets.followUps', {})).items[0]!.phones;
    expect(masked).toEqual([`${phone.slice(0, 3)}****${phone.slice(-4)}`]);
    expect(JSON.stringify(await d.ok('parts_clerk', 'tickets.followUps', {}))).not.toContain(phone);
    const panel = await d.ok('counter', 'tickets.duePanel', {});
    expect(panel.dueToday.map((i) => i.id)).toContain(ticket.id);

    ticket = await d.ok('counter', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'answer', answer: '可以，旧机折价 300 元' },
    });
    expect(ticket.status).toBe('answered');
    expect((await d.ok('counter', 'tickets.followUps', {})).items).toEqual([]);
  });
});

describe('feedback', () => {
  it('is reviewed by a lead and closed', async () => {
    const d = await openTicketDesk();
    let ticket = await feedback(d);
    expect(ticket.category).toBe('service');
    expect(
      await d.refused('counter', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'review', response: '已转店长' },
      }),
    ).toMatchObject({ code: 'permission_denied' });
    ticket = await d.ok('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'review', response: '已转店长，春节期间试行延长营业' },
    });
    ticket = await d.ok('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'close' },
    });
    expect(ticket.status).toBe('closed');
  });
});

describe('voiding a ticket', () => {
  it('takes a lead and a reason, and leaves a finished ticket that takes no more steps', async () => {
    const d = await openTicketDesk();
    let ticket = await feedback(d, '重复登记');
    expect(
      await d.refused('counter', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'void', reason: '重复' },
      }),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      await d.refused('cs_lead', 'tickets.act', {
        ticketId: ticket.id,
        version: ticket.version,
        step: { action: 'void', reason: '' },
      }),
    ).toMatchObject({ field: 'step.reason', key: 'required' });
    ticket = await d.ok('cs_lead', 'tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'void', reason: '重复登记，见上一单' },
    });
    expect(ticket).toMatchObject({ status: 'voided', allowedSteps: [], sla: { level: 'done' } });
    expect((await d.ok('counter', 'tickets.queue', { queue: 'open' })).total).toBe(0);
    expect((await d.ok('counter', 'tickets.queue', { queue: 'all' })).total).toBe(1);
  });
});

describe('correcting a ticket', () => {
  it('updates the changed header fields, re-targets the SLA on a priority change, and refuses a stale edit', async () => {
    const d = await openTicketDesk();
    const customer = await d.customer();
    const intake = {
      type: 'complaint' as const,
      customerId: customer.id,
      channel: 'phone' as const,
      category: 'delivery' as const,
      whatHappened: '送货延误',
      customerWants: '尽快送达',
    };
    const ticket = await d.ok('counter', 'tickets.create', intake);
    const updated = await d.ok('counter', 'tickets.update', {
      id: ticket.id,
      version: ticket.version,
      intake: { ...intake, priority: 'urgent', whatHappened: '送货延误三天' },
    });
    expect(updated).toMatchObject({
      priority: 'urgent',
      summary: '送货延误三天',
      clocks: { respond: { targetMinutes: 5 }, resolve: { targetMinutes: 360 } },
    });
    expect(updated.timeline.at(-1)).toMatchObject({ action: 'set_priority', data: { priority: 'urgent' } });
    const fields = readTable<{ fields: string }>(
      d.file,
      "SELECT fields FROM change_log WHERE entity = 'ticket' AND op = 'update'",
    );
    expect(Object.keys(JSON.parse(fields[0]!.fields) as object).sort()).toEqual([
      'form.whatHappened',
      'priority',
      'summary',
      'updatedAt',
    ]);

    const stale = await d.refused('cs_lead', 'tickets.update', {
      id: ticket.id,
      version: ticket.version,
      intake: { ...intake, category: 'other' },
    });
    expect(stale).toMatchObject({ code: 'conflict', key: 'ticket_stale' });
    const retyped = await d.refused('cs_lead', 'tickets.update', {
      id: ticket.id,
      version: updated.version,
      intake: { type: 'feedback', customerId: customer.id, channel: 'phone', category: 'other', content: 'x' },
    });
    expect(retyped).toMatchObject({ key: 'ticket_customer_fixed' });
  });

  it('refuses a ticket for a customer who is not in the file', async () => {
    const d = await openTicketDesk();
    const error = await d.refused('counter', 'tickets.create', {
      type: 'feedback',
      customerId: '01937a4e-0000-7000-8000-000000000000',
      channel: 'online',
      category: 'other',
      content: 'x',
    });
    expect(error).toMatchObject({ key: 'ticket_customer_unknown', field: 'customerId' });
    expect(count(d.file, 'ticket')).toBe(0);
  });
});

describe('notes and photos', () => {
  it('are added to the timeline; photos are checked by their bytes and size', async () => {
    const d = await openTicketDesk();
    let ticket = await feedback(d);
    ticket = await d.ok('counter', 'tickets.note', { ticketId: ticket.id, note: '顾客留了微信号' });
    ticket = await d.ok('counter', 'tickets.attach', {
      ticketId: ticket.id,
      fileName: 'receipt.png',
      mime: 'image/png',
      dataBase64: PNG_1x1,
      caption: '购物小票',
    });
    expect(ticket.attachments).toMatchObject([
      { fileName: 'receipt.png', mime: 'image/png', size: 70, caption: '购物小票', createdByName: '李娜' },
    ]);
    expect(ticket.timeline.slice(-2).map((e) => [e.action, e.note])).toEqual([
      ['note', '顾客留了微信号'],
      ['attach', '购物小票'],
    ]);
    const back = await d.ok('parts_clerk', 'tickets.attachment', { id: ticket.attachments[0]!.id });
    expect(back).toMatchObject({ mime: 'image/png', dataBase64: PNG_1x1 });

    // A text file named .jpg is not a photo.
    const fake = await d.refused('counter', 'tickets.attach', {
      ticketId: ticket.id,
      fileName: 'x.jpg',
      mime: 'image/jpeg',
      dataBase64: Buffer.from('hello world').toString('base64'),
    });
    expect(fake).toMatchObject({ key: 'attachment_type' });
    const big = await d.refused('counter', 'tickets.attach', {
      ticketId: ticket.id,
      fileName: 'big.png',
      mime: 'image/png',
      dataBase64: Buffer.alloc(700 * 1024).toString('base64'),
    });
    expect(big).toMatchObject({ key: 'attachment_too_large', field: 'dataBase64' });
    expect(count(d.file, 'ticket_attachment')).toBe(1);
  });
});

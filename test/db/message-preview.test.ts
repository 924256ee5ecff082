/**
 * The message settings page previews templates with the store's own name and phone and a ticket
 * number in this counter's real format (db/messages/preview.ts), not a sample store's.
 */
import { describe, expect, it } from 'vitest';
import { openTicketDesk, sh } from './tickets-fixture';

describe('the message settings preview', () => {
  it('uses the store’s name and the next ticket number, then the last one issued', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const store = await d.ok('admin', 'store.get', {});
    const fresh = await d.ok('cs_lead', 'tickets.messageSettings', {});
    expect(fresh.preview).toEqual({ store: store.name, ticket: 'S012-2-20261123-0001', storePhone: store.phone });
    expect(fresh.preview.store).not.toBe('徐汇店');
    const customer = await d.customer('孙先生');
    const ticket = await d.ok('counter', 'tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '空调保修多久？',
      answer: '整机一年',
    });
    expect((await d.ok('cs_lead', 'tickets.messageSettings', {})).preview.ticket).toBe(ticket.number);
  });
});

/**
 * The takings hand-over sheet goes through the print path like every form (db/print): its data
 * under the letterhead, filed as the store and day, logged with copy numbers, and printable only
 * by those who may see the takings.
 */
import { describe, expect, it } from 'vitest';
import { openTicketDesk, sh } from '../tickets-fixture';
import { repairTicket } from './fixture';

describe('the takings hand-over sheet', () => {
  it('prints the day under the letterhead, is logged with copy numbers, and is refused to technicians', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await repairTicket(d);
    await d.ok('counter', 'charges.take', {
      ticketId: ticket.id,
      kind: 'deposit',
      method: 'alipay',
      amountFen: 12_345,
    });

    const sheet = await d.ok('counter', 'print.takings', { date: '2026-11-23' });
    expect(sheet).toMatchObject({
      number: 'S012-20261123',
      store: { code: 'S012', name: '南京西路店' },
      total: { netFen: 12_345, byMethod: { alipay: 12_345 } },
    });
    const record = {
      form: 'takings-handover',
      subjectId: '2026-11-23',
      language: 'zh-CN',
      output: 'pdf',
      result: 'saved',
    } as const;
    expect(await d.ok('counter', 'print.record', { ...record, copyNo: 0 })).toMatchObject({
      subjectNo: 'S012-20261123',
      copyNo: 0,
    });
    expect(await d.ok('counter', 'print.history', { form: 'takings-handover', subjectId: '2026-11-23' })).toMatchObject(
      { nextCopyNo: 1 },
    );

    expect(await d.refused('technician', 'print.takings', { date: '2026-11-23' })).toMatchObject({
      code: 'permission_denied',
    });
    expect(await d.refused('technician', 'print.record', { ...record, copyNo: 1 })).toMatchObject({
      code: 'permission_denied',
    });
    expect(await d.refused('counter', 'print.record', { ...record, subjectId: 'yesterday', copyNo: 0 })).toMatchObject({
      code: 'not_found',
    });
  });
});

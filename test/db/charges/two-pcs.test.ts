/**
 * Two counter PCs take money for one ticket while offline; when PC 2's payment is pulled onto
 * PC 1 (the sync engine's apply, db/sync/apply.ts), the balance adds both and the day's takings
 * name both PCs. Pulling the same payment twice counts it once: the ledger is keyed by its id.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids';
import { applyRecords } from '../../../db/sync/apply';
import { formatHlc } from '../../../db/sync/hlc';
import { stateOfChange } from '../../../db/sync/merge';
import type { FeedRecord } from '../../../db/sync/protocol';
import { syncedEntities } from '../../../db/synced-entities';
import { openTicketDesk, sh } from '../tickets-fixture';
import { repairTicket } from './fixture';

describe('payments from two PCs', () => {
  it('both count once they meet, and each PC is named in the takings', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await repairTicket(d);
    await d.ok('counter', 'charges.addLabour', {
      ticketId: ticket.id,
      description: '检修',
      quantity: 1,
      unitPriceFen: 20_000,
    });
    await d.ok('counter', 'charges.take', { ticketId: ticket.id, kind: 'deposit', method: 'cash', amountFen: 8_000 });

    // Meanwhile on counter 3, offline: the customer's partner paid the rest by WeChat.
    const id = newId();
    const hlc = formatHlc({ millis: sh('2026-11-23 10:05'), counter: 0, node: 'b'.repeat(32) });
    const fields = {
      ticketId: ticket.id,
      kind: 'payment',
      method: 'wechat',
      amountFen: 12_000,
      refundOf: null,
      reason: '',
      takenBy: d.idOf('cs_lead'),
      deviceId: 'S012-3',
      takenAt: new Date(sh('2026-11-23 10:05')).toISOString(),
    };
    const record: FeedRecord = {
      serverSeq: 7,
      txId: 'remote',
      entity: 'payment',
      entityId: id,
      state: stateOfChange('append', fields, hlc),
    };
    const store = d.desk.store!;
    const pull = () =>
      store.sqlite.transaction(() =>
        applyRecords(store.statements, [record], {
          rules: syncedEntities,
          hlc: store.hlc,
          serverTimeMs: sh('2026-11-23 10:06'),
          nowIso: new Date(sh('2026-11-23 10:06')).toISOString(),
        }),
      )();
    pull();
    pull();

    const charges = await d.ok('counter', 'charges.summary', { ticketId: ticket.id });
    expect(charges).toMatchObject({ chargesFen: 20_000, paidFen: 20_000, balanceFen: 0 });
    expect(charges.paymentViews.map((p) => [p.deviceId, p.amountFen, p.takenByName])).toEqual([
      ['S012-2', 8_000, '李娜'],
      ['S012-3', 12_000, '张敏'],
    ]);
    const takings = await d.ok('counter', 'charges.takings', { date: '2026-11-23' });
    expect(takings.byDevice.map((g) => [g.deviceId, g.netFen])).toEqual([
      ['S012-2', 8_000],
      ['S012-3', 12_000],
    ]);
  });
});

/**
 * Money taken for one ticket on two counter PCs of a store while each is offline: after both sync,
 * each PC and head office hold both payments, the balance adds them, each PC's takings name both
 * counters, and a refund made on one PC of the other's payment reaches both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from './support/counter';
import { startTestHeadOffice, type TestHeadOffice } from './support/hq';
import { expectInvariants } from './support/oracle';

let hq: TestHeadOffice;
let a: TestCounter;
let b: TestCounter;

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S031');
  a = await openCounter(hq, { storeCode: 'S031', counterNo: 1 });
  b = await openCounter(hq, { storeCode: 'S031', counterNo: 2 });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await hq?.close();
});

describe('payments from two PCs of one store', () => {
  it('merge: both count, the balance adds them, and a refund on the other PC reaches both', async () => {
    const customer = await a.ok('customers.create', { name: '周女士', phones: [{ number: '13800001111' }] });
    const ticket = await a.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '冰箱不制冷',
      condition: '外观完好',
    });
    await a.ok('charges.addLabour', {
      ticketId: ticket.id,
      description: '更换温控器工时',
      quantity: 1,
      unitPriceFen: 20_000,
    });
    await a.sync();
    await b.sync();
    expect((await b.ok('charges.summary', { ticketId: ticket.id })).balanceFen).toBe(20_000);

    // Offline, each PC takes money for the same ticket.
    const deposit = await a.ok('charges.take', {
      ticketId: ticket.id,
      kind: 'deposit',
      method: 'cash',
      amountFen: 5_000,
    });
    await b.ok('charges.take', { ticketId: ticket.id, kind: 'payment', method: 'wechat', amountFen: 15_000 });
    for (const counter of [a, b, a, b]) await counter.sync();

    for (const counter of [a, b]) {
      const charges = await counter.ok('charges.summary', { ticketId: ticket.id });
      expect(charges).toMatchObject({ chargesFen: 20_000, paidFen: 20_000, balanceFen: 0 });
      expect(charges.paymentViews.map((p) => [p.deviceId, p.method, p.amountFen]).sort()).toEqual([
        ['S031-1', 'cash', 5_000],
        ['S031-2', 'wechat', 15_000],
      ]);
      // Today in the store's own time zone, as the hand-over counts it.
      const { timeZone } = await counter.ok('charges.takings', { date: '2026-01-01' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
      const takings = await counter.ok('charges.takings', { date: today });
      expect(takings.byDevice.map((d) => [d.deviceId, d.netFen])).toEqual([
        ['S031-1', 5_000],
        ['S031-2', 15_000],
      ]);
    }

    // PC B refunds A's deposit: it is B's entry, against A's payment, and both PCs see it.
    const depositId = deposit.paymentViews.find((p) => p.kind === 'deposit')!.id;
    await b.ok('charges.refund', { paymentId: depositId, amountFen: 5_000, reason: '顾客改用微信支付' });
    await b.sync();
    await a.sync();
    const onA = await a.ok('charges.summary', { ticketId: ticket.id });
    expect(onA).toMatchObject({ paidFen: 15_000, balanceFen: 5_000 });
    expect(onA.paymentViews.find((p) => p.id === depositId)).toMatchObject({ refundableFen: 0 });
    expect(readTable(a.file, "SELECT device_id, refund_of FROM payment WHERE kind = 'refund'")).toEqual([
      { device_id: 'S031-2', refund_of: depositId },
    ]);
    await expectInvariants(hq, [a, b]);
  });
});

/**
 * Parts used at their price (db/charges/part-lines.ts): a part issued to a repair becomes a charge
 * line at the part's price at that moment, a later price change leaves it alone, a return voids
 * and re-prices what is still used at the price it was issued at, and a job under warranty gets
 * its parts covered at zero.
 */
import { describe, expect, it } from 'vitest';
import { openPartsDesk, openRepairTicket, PARTS_CATALOGUE, stockUp, type PartsDesk } from '../../support/parts-desk';

async function issued(d: PartsDesk, ticketId: string, partNo: string, qty: number) {
  const requested = await d.ok(
    'parts.requisitionCreate',
    { ticketId, note: '', lines: [{ partId: d.partId(partNo), qty }] },
    d.as.technician,
  );
  await d.ok('parts.requisitionApprove', { requisitionId: requested.id }, d.as.lead);
  const line = requested.lines[0]!;
  await d.ok('parts.requisitionIssue', { requisitionId: requested.id, lines: [{ lineId: line.id, qty }] }, d.as.clerk);
  return { requisitionId: requested.id, lineId: line.id };
}

async function setPrice(d: PartsDesk, partNo: string, priceFen: number) {
  const part = PARTS_CATALOGUE.find((p) => p.partNo === partNo)!;
  await d.ok('parts.update', { id: d.partId(partNo), ...part, models: [...part.models], supplierIds: [], priceFen });
}

describe('parts used at price', () => {
  it('charges an issued part at its price then, keeps it through a price change, and follows a return', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5 }, '2026-01-02');
    const ticket = await openRepairTicket(d);
    const { requisitionId, lineId } = await issued(d, ticket.id, 'WM-PUMP-01', 3);

    let charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(
      charges.lines.map((l) => [l.kind, l.description, l.quantity, l.unitPriceFen, l.covered, l.amountFen]),
    ).toEqual([['part', 'WM-PUMP-01 排水泵', 3, 8_800, false, 26_400]]);
    expect(charges.lines[0]!.partId).toBe(d.partId('WM-PUMP-01'));

    // Head office raises the price: what was issued keeps its price.
    await setPrice(d, 'WM-PUMP-01', 9_900);
    charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(charges.chargesFen).toBe(26_400);

    // One pump comes back unused: two stay charged at the price they were issued at.
    await d.ok('parts.requisitionReturn', { requisitionId, reason: '未使用', lines: [{ lineId, qty: 1 }] }, d.as.clerk);
    charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(charges.lines.map((l) => [l.quantity, l.unitPriceFen, l.amountFen])).toEqual([[2, 8_800, 17_600]]);

    // A part line is not voided by hand: the part goes back on its requisition.
    expect(
      await d.call('charges.voidLine', { lineId: charges.lines[0]!.id, reason: '不收' }, d.as.counter),
    ).toMatchObject({
      ok: false,
      error: { key: 'charge_part_line' },
    });

    // Everything returned: nothing is charged for parts.
    await d.ok('parts.requisitionReturn', { requisitionId, reason: '未使用', lines: [{ lineId, qty: 2 }] }, d.as.clerk);
    charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(charges).toMatchObject({ lines: [], chargesFen: 0 });

    // A second issue after the price change is charged at the new price.
    await issued(d, ticket.id, 'WM-PUMP-01', 1);
    charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(charges.lines.map((l) => [l.quantity, l.unitPriceFen])).toEqual([[1, 9_900]]);
  });

  it('covers parts at zero on a job under warranty, and counts what the warranty pays', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'AC-CAP-04': 3 }, '2026-01-02');
    const customer = await d.ok('customers.create', { name: '顾客乙', phones: [{ number: '13912340001' }] });
    const bought = new Date(Date.now() - 100 * 86_400_000).toISOString().slice(0, 10);
    const product = await d.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'tv',
      brand: '格力',
      model: 'KFR-35GW',
      purchaseDate: bought,
    });
    const ticket = await d.ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      productId: product.id,
      location: 'in_store',
      fault: '不启动',
      condition: '外观完好',
    });
    await issued(d, ticket.id, 'AC-CAP-04', 2);
    const charges = await d.ok('charges.summary', { ticketId: ticket.id }, d.as.counter);
    expect(charges).toMatchObject({ underWarranty: true, chargesFen: 0, coveredFen: 8_000, balanceFen: 0 });
    expect(charges.lines[0]).toMatchObject({
      kind: 'part',
      covered: true,
      quantity: 2,
      unitPriceFen: 4_000,
      amountFen: 0,
    });
  });
});

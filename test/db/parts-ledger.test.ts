import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../support/generator';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, openRepairTicket, PARTS_CATALOGUE, stockUp, type PartsDesk } from '../support/parts-desk';

type Key = `${string}|${string}`;

function ledgerSums(file: string): Map<Key, number> {
  const rows = readTable<{ part_id: string; location_id: string; qty: number }>(
    file,
    'SELECT part_id, location_id, SUM(qty) AS qty FROM stock_movement GROUP BY part_id, location_id',
  );
  return new Map(rows.map((r) => [`${r.part_id}|${r.location_id}` as Key, r.qty]));
}

function cachedOnHand(file: string): Map<Key, number> {
  const rows = readTable<{ part_id: string; location_id: string; qty: number }>(
    file,
    'SELECT part_id, location_id, qty FROM stock_on_hand',
  );
  return new Map(rows.map((r) => [`${r.part_id}|${r.location_id}` as Key, r.qty]));
}

function nonZero(map: Map<Key, number>): Record<string, number> {
  return Object.fromEntries([...map].filter(([, qty]) => qty !== 0).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * One randomized sequence of stock operations through the desk API, against a model kept by the
 * test. Returns the model: what on-hand must be per part and location.
 */
async function randomSequence(d: PartsDesk, seed: number, steps: number): Promise<Map<Key, number>> {
  const random = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)]!;
  const partIds = PARTS_CATALOGUE.map((p) => d.partId(p.partNo));
  await stockUp(d, { 'WM-PUMP-01': 1 }, '2026-01-01');
  const van = await d.ok('parts.locationCreate', { code: 'VAN-1', name: '上门维修车' }, d.as.lead);
  const { locations } = await d.ok('parts.lookups', {});
  const locationIds = locations.map((l) => l.id);
  expect(locationIds).toContain(van.id);
  const main = locations.find((l) => l.code === 'MAIN')!.id;

  const model = new Map<Key, number>([[`${d.partId('WM-PUMP-01')}|${main}`, 1]]);
  const move = (partId: string, locationId: string, qty: number) =>
    model.set(`${partId}|${locationId}`, (model.get(`${partId}|${locationId}`) ?? 0) + qty);
  /** Movements that may be reversed, with their part, location and quantity. */
  const reversible: Array<{ id: string; legs: Array<{ partId: string; locationId: string; qty: number }> }> = [];
  const ticket = await openRepairTicket(d);
  /** The count in progress, with the book the model held at its start. */
  let counting: {
    id: string;
    locationId: string;
    book: Map<string, number>;
    lines: Array<{ id: string; partId: string }>;
  } | null = null;

  async function postCount(): Promise<void> {
    if (!counting) return;
    const reasons = [];
    for (const line of counting.lines) {
      const book = counting.book.get(line.partId) ?? 0;
      const countedQty = Math.max(0, book + int(-2, 2));
      await d.ok('parts.stocktakeCount', { stocktakeId: counting.id, lineId: line.id, countedQty }, d.as.clerk);
      reasons.push({ lineId: line.id, reason: '盘点差异' });
      move(line.partId, counting.locationId, countedQty - book);
    }
    await d.ok('parts.stocktakePost', { stocktakeId: counting.id, reasons }, d.as.lead);
    counting = null;
  }

  for (let step = 0; step < steps; step++) {
    const partId = pick(partIds);
    const locationId = pick(locationIds);
    const roll = random();
    if (roll < 0.25) {
      const delivered = int(1, 20);
      const rejected = random() < 0.3 ? int(0, delivered) : 0;
      const receipt = await d.ok(
        'parts.receiptCreate',
        {
          supplierId: pick(d.supplierIds),
          locationId,
          receivedOn: '2026-01-02',
          lines: [
            {
              partId,
              deliveredQty: delivered,
              unitCostFen: int(0, 9999),
              inspection: {
                acceptedQty: delivered - rejected,
                rejectedQty: rejected,
                rejectReason: rejected ? '外观破损' : '',
              },
            },
          ],
        },
        d.as.clerk,
      );
      await d.ok('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk);
      if (delivered - rejected > 0) {
        move(partId, locationId, delivered - rejected);
        const history = await d.ok('parts.history', { partId, limit: 1 });
        reversible.push({ id: history.movements[0]!.id, legs: [{ partId, locationId, qty: delivered - rejected }] });
      }
    } else if (roll < 0.45) {
      const qty = pick([-1, 1]) * int(1, 10);
      const view = await d.ok('parts.adjust', { partId, locationId, qty, reason: '随机调整' }, d.as.lead);
      move(partId, locationId, qty);
      reversible.push({ id: view.id, legs: [{ partId, locationId, qty }] });
    } else if (roll < 0.65) {
      const to = pick(locationIds.filter((id) => id !== locationId));
      const qty = int(1, 5);
      const [out, into] = await d.ok(
        'parts.transfer',
        { partId, fromLocationId: locationId, toLocationId: to, qty },
        d.as.clerk,
      );
      move(partId, locationId, -qty);
      move(partId, to, qty);
      reversible.push({
        id: pick([out!.id, into!.id]),
        legs: [
          { partId, locationId, qty: -qty },
          { partId, locationId: to, qty },
        ],
      });
    } else if (roll < 0.8 && reversible.length > 0) {
      const [target] = reversible.splice(int(0, reversible.length - 1), 1);
      const reversal = await d.ok('parts.reverse', { movementId: target!.id, reason: '录入错误' }, d.as.lead);
      expect(reversal).toHaveLength(target!.legs.length);
      for (const leg of target!.legs) move(leg.partId, leg.locationId, -leg.qty);
      // Reversing twice is refused.
      expect(await d.call('parts.reverse', { movementId: target!.id, reason: '再次' }, d.as.lead)).toMatchObject({
        ok: false,
        error: { key: 'movement_reversed' },
      });
    } else if (roll < 0.84) {
      const asked = int(1, 6);
      const form = await d.ok(
        'parts.requisitionCreate',
        { ticketId: ticket.id, locationId, lines: [{ partId, qty: asked }] },
        d.as.technician,
      );
      const line = form.lines[0]!.id;
      const approved = int(1, asked);
      await d.ok(
        'parts.requisitionApprove',
        { requisitionId: form.id, lines: [{ lineId: line, approvedQty: approved, reason: '按库存核减' }] },
        d.as.lead,
      );
      const issued = int(1, approved);
      await d.ok(
        'parts.requisitionIssue',
        { requisitionId: form.id, lines: [{ lineId: line, qty: issued }] },
        d.as.clerk,
      );
      const over = await d.call(
        'parts.requisitionIssue',
        { requisitionId: form.id, lines: [{ lineId: line, qty: approved - issued + 1 }] },
        d.as.clerk,
      );
      expect(over).toMatchObject({ ok: false, error: { key: 'over_issue' } });
      const back = int(0, issued);
      if (back > 0)
        await d.ok(
          'parts.requisitionReturn',
          { requisitionId: form.id, reason: '未用完', lines: [{ lineId: line, qty: back }] },
          d.as.clerk,
        );
      move(partId, locationId, back - issued);
    } else if (roll < 0.88) {
      if (counting) {
        await postCount();
      } else {
        const sheet = await d.ok('parts.stocktakeStart', { locationId }, d.as.clerk);
        const book = new Map(sheet.lines.map((l) => [l.partId, model.get(`${l.partId}|${locationId}`) ?? 0]));
        // The sheet's book is the ledger at the cut, which is what the model holds now.
        expect(sheet.lines.map((l) => l.bookQty)).toEqual(sheet.lines.map((l) => book.get(l.partId)));
        counting = { id: sheet.id, locationId, book, lines: sheet.lines.map((l) => ({ id: l.id, partId: l.partId })) };
      }
    } else if (roll < 0.93) {
      // A return sends back only what the shelf holds.
      const qty = Math.min(int(1, 3), model.get(`${partId}|${locationId}`) ?? 0);
      if (qty <= 0) continue;
      await d.ok(
        'parts.supplierReturnCreate',
        { supplierId: pick(d.supplierIds), locationId, reason: '积压退货', lines: [{ partId, qty }] },
        d.as.lead,
      );
      move(partId, locationId, -qty);
    } else {
      // Bad input changes nothing.
      const bad = await d.desk.dispatch(d.as.lead, 'parts.adjust', {
        partId,
        locationId,
        qty: pick([0, 0.5, -1.25]),
        reason: 'x',
      });
      expect(bad.ok).toBe(false);
    }
  }
  await postCount();
  return model;
}

describe('the stock ledger', () => {
  it.each([11, 2026, 90210])(
    'keeps on-hand equal to the sum of the ledger over a random sequence of movements (seed %i)',
    async (seed) => {
      const d = await openPartsDesk();
      const model = await randomSequence(d, seed, 60);
      expect(nonZero(ledgerSums(d.file))).toEqual(nonZero(model));
      expect(nonZero(cachedOnHand(d.file))).toEqual(nonZero(model));
      expect(await d.ok('parts.rebuildOnHand', {}, d.as.lead)).toEqual({ mismatches: [] });
      // What the desk shows per part is the same sum.
      for (const part of PARTS_CATALOGUE) {
        const id = d.partId(part.partNo);
        const expected = [...model].filter(([key]) => key.startsWith(`${id}|`)).reduce((sum, [, qty]) => sum + qty, 0);
        expect((await d.ok('parts.get', { id })).onHand).toBe(expected);
      }
    },
  );

  it('rebuilds a damaged cache from the ledger', async () => {
    const d = await openPartsDesk();
    const model = await randomSequence(d, 7, 25);
    const raw = new Database(d.file);
    raw.prepare('UPDATE stock_on_hand SET qty = qty + 5 WHERE rowid = (SELECT min(rowid) FROM stock_on_hand)').run();
    raw.prepare('DELETE FROM stock_on_hand WHERE rowid = (SELECT max(rowid) FROM stock_on_hand)').run();
    raw.close();
    const { mismatches } = await d.ok('parts.rebuildOnHand', {}, d.as.lead);
    expect(mismatches.length).toBeGreaterThanOrEqual(1);
    expect(nonZero(cachedOnHand(d.file))).toEqual(nonZero(model));
    expect((await d.ok('parts.rebuildOnHand', {}, d.as.lead)).mismatches).toEqual([]);
  });

  it('never edits or deletes a movement: the database refuses, and a reversal is a new row', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 5 }, '2026-01-01');
    const pump = d.partId('WM-PUMP-01');
    const adjusted = await d.ok('parts.adjust', { partId: pump, qty: -2, reason: '摔坏' }, d.as.lead);
    const raw = new Database(d.file);
    expect(() => raw.prepare('UPDATE stock_movement SET qty = 1').run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM stock_movement').run()).toThrow(/append-only/);
    raw.close();

    const [reversal] = await d.ok('parts.reverse', { movementId: adjusted.id, reason: '其实没坏' }, d.as.lead);
    expect(reversal).toMatchObject({ kind: 'adjust', qty: 2, reversesId: adjusted.id, reason: '其实没坏' });
    expect(await d.call('parts.reverse', { movementId: reversal!.id, reason: 'x' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'movement_is_reversal' },
    });
    const history = await d.ok('parts.history', { partId: pump });
    expect(history.onHand).toBe(5);
    expect(history.movements.map((m) => [m.kind, m.qty, m.balanceAfter])).toEqual([
      ['adjust', 2, 5],
      ['adjust', -2, 3],
      ['receive', 5, 5],
    ]);
    expect(history.movements[1]!.reversedById).toBe(reversal!.id);
    expect(history.movements[2]!.docNumber).toMatch(/^GR-S012-2-/);
    expect(
      changeLog(d.file)
        .filter((c) => c.entity === 'stock_movement')
        .map((c) => c.op),
    ).toEqual(['append', 'append', 'append']);
  });

  it('makes the main store room with the same id on every PC of a store (so sync merges them, not collides)', async () => {
    const { mainLocationId } = await import('../../db/parts/ledger/locations');
    const pcs = [await openPartsDesk(), await openPartsDesk()];
    const mains: string[] = [];
    for (const d of pcs) {
      await d.ok('parts.adjust', { partId: d.partId('WM-PUMP-01'), qty: 1, reason: '期初' }, d.as.lead);
      const { locations } = await d.ok('parts.lookups', {});
      mains.push(locations.find((l) => l.code === 'MAIN')!.id);
      const store = readTable<{ code: string }>(d.file, 'SELECT code FROM store')[0]!;
      expect(mains.at(-1)).toBe(mainLocationId(store.code));
      expect(
        changeLog(d.file)
          .filter((c) => c.entity === 'stock_location')
          .map((c) => c.entityId),
      ).toEqual([mains.at(-1)]);
    }
    expect(mains[0]).toBe(mains[1]);
    // Another store's main room is its own row.
    expect(mainLocationId('S013')).not.toBe(mainLocationId('S012'));
  });

  it('lets only the parts lead adjust and reverse', async () => {
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    for (const who of [d.as.clerk, d.as.technician, d.as.counter]) {
      expect(await d.call('parts.adjust', { partId: pump, qty: 1, reason: 'x' }, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    expect(await d.call('parts.adjust', { partId: pump, qty: 0, reason: 'x' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'qty_nonzero', field: 'qty' },
    });
    expect(await d.call('parts.adjust', { partId: pump, qty: 1, reason: ' ' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'reason_required', field: 'reason' },
    });
  });
});

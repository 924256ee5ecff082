/**
 * A kill -9 in the middle of receiving against a purchase order. Receiving with inspection writes the
 * receipt and its lines and moves the order's open quantities; closing the receipt books the
 * accepted units into the ledger (stock movements and the on-hand cache) and sends the rejected ones
 * back on a supplier return. A counter PC making each call in a child process
 * (support/receipt-kill-child.ts) is killed at every write statement of the call in turn; each time
 * the store it leaves must hold either the whole call or nothing of it, and making the call again
 * afterwards must give the whole call once (no doubled receipt, movement or return).
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openPartsDesk } from '../support/parts-desk';
import { openTestDesk } from '../support/temp-store';
import { bundleChild, runChild, type ChildBundle } from './support/child-counter';

let bundle: ChildBundle;
let work: string;
/** The store with an approved order, before anything arrived. */
let ordered: string;
/** The same store after the delivery was received and inspected, before the receipt is closed. */
let received: string;
let receiveInput: unknown;
let receiptId: string;
let orderId: string;
let clerk: { staffId: string; pin: string };

/** A day in Shanghai, `offset` days from today (the child works on the real clock). */
const shanghaiDay = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

function copyOf(store: string): string {
  const file = join(work, `store-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(store, file);
  for (const suffix of ['-wal', '-shm']) if (existsSync(store + suffix)) copyFileSync(store + suffix, file + suffix);
  return file;
}

beforeAll(async () => {
  bundle = await bundleChild('test/sync/support/receipt-kill-child.ts');
  work = mkdtempSync(join(tmpdir(), 'counterdesk-receipt-kill-'));
  const d = await openPartsDesk();
  const pump = d.partId('WM-PUMP-01');
  const belt = d.partId('WM-BELT-02');
  const order = await d.ok(
    'parts.purchaseOrderCreate',
    {
      supplierId: d.supplierIds[0]!,
      expectedOn: shanghaiDay(7),
      lines: [
        { partId: pump, orderedQty: 10 },
        { partId: belt, orderedQty: 20 },
      ],
    },
    d.as.clerk,
  );
  await d.ok('parts.purchaseOrderSubmit', { purchaseOrderId: order.id }, d.as.clerk);
  await d.ok('parts.purchaseOrderApprove', { purchaseOrderId: order.id }, d.as.lead);
  orderId = order.id;
  clerk = { staffId: (await d.ok('session.status', {}, d.as.clerk)).staff!.id, pin: '4321' };
  await d.desk.close();
  ordered = copyOf(d.file);
  receiveInput = {
    supplierId: d.supplierIds[0]!,
    purchaseOrderId: order.id,
    receivedOn: shanghaiDay(0),
    lines: [
      {
        partId: pump,
        deliveredQty: 6,
        unitCostFen: 4500,
        inspection: { acceptedQty: 5, rejectedQty: 1, rejectReason: '漏水' },
      },
      {
        partId: belt,
        deliveredQty: 20,
        unitCostFen: 1200,
        inspection: { acceptedQty: 18, rejectedQty: 2, rejectReason: '开裂' },
      },
    ],
  };
  received = copyOf(ordered);
  const run = await call(received, 'parts.receiptCreate', receiveInput);
  expect(run.stderr).toBe('');
  receiptId = readTable<{ id: string }>(received, 'SELECT id FROM goods_receipt')[0]!.id;
}, 120_000);

afterAll(() => {
  bundle?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

function call(file: string, method: string, input: unknown, nth?: number) {
  return runChild(bundle.entry, {
    RK_FILE: file,
    RK_METHOD: method,
    RK_INPUT: JSON.stringify(input),
    RK_STAFF: clerk.staffId,
    RK_PIN: clerk.pin,
    ...(nth === undefined ? {} : { RK_NTH: String(nth) }),
  });
}

/** What receiving and closing touch, read straight from the file (ids left out: a redo makes new ones). */
async function stateOf(file: string) {
  const t = await openTestDesk({ file });
  let orderLines: unknown;
  try {
    await t.ok('session.signIn', clerk);
    const order = await t.ok('parts.purchaseOrder', { purchaseOrderId: orderId });
    orderLines = order.lines.map((l) => [l.partNo, l.deliveredQty, l.acceptedQty, l.rejectedQty, l.openQty]);
  } finally {
    await t.desk.close();
  }
  return {
    orderLines,
    receipts: readTable(file, 'SELECT status, supplier_id FROM goods_receipt'),
    receiptLines: readTable(
      file,
      'SELECT part_id, delivered_qty, accepted_qty, rejected_qty FROM goods_receipt_line ORDER BY part_id',
    ),
    movements: readTable(
      file,
      "SELECT part_id, kind, qty FROM stock_movement WHERE doc_type <> 'manual' ORDER BY part_id, kind, qty",
    ),
    returns: readTable(file, 'SELECT part_id, qty FROM supplier_return_line ORDER BY part_id'),
    onHand: readTable(file, 'SELECT part_id, location_id, qty FROM stock_on_hand ORDER BY part_id, location_id'),
    // The cache agrees with the ledger, part by part and location by location.
    cacheOff: readTable(
      file,
      `SELECT c.part_id FROM stock_on_hand c
         LEFT JOIN (SELECT part_id, location_id, SUM(qty) AS qty FROM stock_movement GROUP BY part_id, location_id) m
           ON m.part_id = c.part_id AND m.location_id = c.location_id
       WHERE c.qty <> COALESCE(m.qty, 0)`,
    ),
    changes: readTable(file, 'SELECT entity, op FROM change_log ORDER BY entity, op'),
  };
}

/** Kills the call at each of its writes in turn; returns the write counts killed at. */
async function attack(store: string, method: string, input: unknown) {
  const nothing = await stateOf(copyOf(store));
  const wholeFile = copyOf(store);
  const finished = await call(wholeFile, method, input);
  expect(finished.stderr).toBe('');
  const writes = Number(finished.lines.find((l) => l.startsWith('done '))!.split(' ')[1]);
  const whole = await stateOf(wholeFile);
  expect(whole).not.toEqual(nothing);
  for (let n = 1; n <= writes; n += 1) {
    const file = copyOf(store);
    const run = await call(file, method, input, n);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.lines).toContain(`hit ${n}`);
    // Killed before its commit: nothing of the call, the cache still the ledger's sum.
    expect(await stateOf(file), `killed at write ${n} of ${writes}`).toEqual(nothing);
    // The clerk makes the call again: the whole call, once.
    const again = await call(file, method, input);
    expect(again.stderr).toBe('');
    expect(await stateOf(file), `made again after a kill at write ${n}`).toEqual(whole);
  }
  return { writes, whole };
}

describe('a kill -9 while goods are received against an order', () => {
  it('receiving with inspection: the receipt and the open quantities whole or not at all', async () => {
    const { writes, whole } = await attack(ordered, 'parts.receiptCreate', receiveInput);
    expect(writes).toBeGreaterThan(5);
    expect(whole.orderLines).toEqual([
      ['WM-PUMP-01', 6, 5, 1, 5],
      ['WM-BELT-02', 20, 18, 2, 2],
    ]);
    expect(whole.movements).toEqual([]);
  }, 600_000);

  it('closing the receipt: movements, on-hand and the supplier return whole or not at all', async () => {
    const { writes, whole } = await attack(received, 'parts.receiptClose', { receiptId });
    expect(writes).toBeGreaterThan(5);
    expect(whole.receipts).toEqual([expect.objectContaining({ status: 'closed' })]);
    expect(whole.movements.filter((m) => m.kind === 'receive').map((m) => m.qty)).toEqual(
      expect.arrayContaining([5, 18]),
    );
    expect(whole.returns.map((r) => r.qty).sort()).toEqual([1, 2]);
    expect(whole.cacheOff).toEqual([]);
  }, 600_000);
});

/**
 * A movement pulled from another PC of the store moves this PC's on-hand cache through the parts
 * area's own function (the one local movements use), and writes nothing to the change log.
 */
import { describe, expect, it, vi } from 'vitest';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, stockUp } from '../support/parts-desk';
import type * as Movements from '../../db/parts/ledger/movements';

vi.mock('../../db/parts/ledger/movements', async (importOriginal) => {
  const actual = await importOriginal<typeof Movements>();
  return { ...actual, addToOnHand: vi.fn(actual.addToOnHand) };
});

describe('a pulled stock movement', () => {
  it('adds to on-hand through the parts ledger, with no change-log row', async () => {
    const movements = await import('../../db/parts/ledger/movements');
    const { createSyncServices } = await import('../../db/desk');
    const { syncWork } = await import('../../db/sync/hooks');
    const { openStore, closeStore } = await import('../../db/open');
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    await stockUp(d, { 'WM-PUMP-01': 3 }, '2026-01-01');
    await d.desk.close();
    const store = await openStore({ file: d.file, appVersion: 'test' });
    // The areas' hooks as a desk registers them for its engine.
    const { hooks } = createSyncServices();
    const runApplyHooks = (
      trx: Parameters<typeof syncWork>[1],
      ...rest: Parameters<typeof hooks.runApplyHooks> extends [unknown, ...infer R] ? R : never
    ) => hooks.runApplyHooks(syncWork(store, trx), ...rest);
    const locationId = (await store.db.selectFrom('stockLocation').select('id').executeTakeFirstOrThrow()).id;
    const loggedBefore = changeLog(d.file).length;
    const fields = {
      partId: pump,
      locationId,
      kind: 'issue',
      qty: -2,
      unitCostFen: null,
      reason: '维修领用',
      docType: 'manual',
      docId: null,
      docLineId: null,
      reversesId: null,
      staffId: null,
      createdAt: '2026-01-03T02:00:00.000Z',
    };
    const id = '01890000-0000-7000-8000-0000000000aa';
    vi.mocked(movements.addToOnHand).mockClear();
    // What sync's apply does: the row goes in as pulled, then the area hooks run for it.
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('stockMovement')
        .values({ id, ...fields, kind: 'issue', docType: 'manual', hlc: 'remote' })
        .execute();
      await runApplyHooks(
        trx,
        [{ entity: 'stock_movement', entityId: id, state: { fields, clocks: {}, deleted: null } }],
        { snapshot: false },
      );
    });
    expect(movements.addToOnHand).toHaveBeenCalledTimes(1);
    expect(readTable(d.file, 'SELECT qty FROM stock_on_hand WHERE part_id = ?', pump)).toEqual([{ qty: 1 }]);
    expect(await movements.onHandMismatches(store.db)).toEqual([]);
    expect(changeLog(d.file)).toHaveLength(loggedBefore);
    await closeStore(store);
  });
});

import { describe, expect, it } from 'vitest';
import { mainLocationId } from '../../db/parts/ledger/locations';
import { changeLog, readTable } from '../support/inspect';
import { openPartsDesk, stockUp } from '../support/parts-desk';

describe('stock locations: rename, retire, reactivate', () => {
  it('renames a location, keeping its code (the stable key) and MAIN’s derived id, in the change log', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 1 }, '2026-01-02');
    const main = (await d.ok('parts.locations', {}, d.as.lead)).items.find((l) => l.code === 'MAIN')!;
    const store = readTable<{ code: string }>(d.file, 'SELECT code FROM store')[0]!;
    expect(main).toMatchObject({
      id: mainLocationId(store.code),
      isMain: true,
      retired: false,
      stock: [{ partNo: 'WM-PUMP-01', qty: 1 }],
    });

    const before = changeLog(d.file).length;
    const renamed = await d.ok('parts.locationUpdate', { id: main.id, name: '一楼库房', retired: false }, d.as.lead);
    expect(renamed).toMatchObject({ id: mainLocationId(store.code), code: 'MAIN', name: '一楼库房' });
    const written = changeLog(d.file).slice(before);
    expect(written.map((c) => [c.entity, c.entityId, c.op, c.fields])).toEqual([
      ['stock_location', main.id, 'update', { name: '一楼库房' }],
    ]);
    // Saving the same values again changes nothing and logs nothing.
    await d.ok('parts.locationUpdate', { id: main.id, name: '一楼库房', retired: false }, d.as.lead);
    expect(changeLog(d.file)).toHaveLength(before + 1);
    // Only the parts lead (and admin) edit locations.
    expect(await d.call('parts.locationUpdate', { id: main.id, name: 'X', retired: false }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    expect(await d.call('parts.locationUpdate', { id: main.id, name: ' ', retired: false }, d.as.lead)).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'name' },
    });
  });

  it('retires only an empty location that is not MAIN; a retired one takes no new stock and is hidden unless asked for', async () => {
    const d = await openPartsDesk();
    await stockUp(d, { 'WM-PUMP-01': 4, 'WM-BELT-02': 2 }, '2026-01-02');
    const locations = await d.ok('parts.locations', {}, d.as.lead);
    const main = locations.items.find((l) => l.code === 'MAIN')!;
    const van = await d.ok('parts.locationCreate', { code: 'VAN-1', name: '维修车一号' }, d.as.lead);
    await d.ok(
      'parts.transfer',
      { partId: d.partId('WM-PUMP-01'), fromLocationId: main.id, toLocationId: van.id, qty: 2 },
      d.as.clerk,
    );

    // MAIN never retires.
    let before = changeLog(d.file).length;
    expect(
      await d.call('parts.locationUpdate', { id: main.id, name: main.name, retired: true }, d.as.lead),
    ).toMatchObject({ ok: false, error: { code: 'conflict', key: 'location_main_retire' } });
    // The van still holds two pumps: refused, and the list shows which parts hold stock there.
    const refused = await d.call(
      'parts.locationUpdate',
      { id: van.id, name: '维修车（停用）', retired: true },
      d.as.lead,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', key: 'location_holds_stock' } });
    expect(changeLog(d.file)).toHaveLength(before);
    expect(
      readTable<{ name: string; retired_at: string | null }>(
        d.file,
        'SELECT name, retired_at FROM stock_location WHERE id = ?',
        van.id,
      ),
    ).toEqual([{ name: '维修车一号', retired_at: null }]);
    expect((await d.ok('parts.locations', {}, d.as.lead)).items.find((l) => l.id === van.id)!.stock).toMatchObject([
      { partNo: 'WM-PUMP-01', partName: '排水泵', qty: 2 },
    ]);

    // Emptied, it retires: one logged update, and it leaves the lists and the forms' lookups.
    await d.ok(
      'parts.transfer',
      { partId: d.partId('WM-PUMP-01'), fromLocationId: van.id, toLocationId: main.id, qty: 2 },
      d.as.clerk,
    );
    before = changeLog(d.file).length;
    const retired = await d.ok('parts.locationUpdate', { id: van.id, name: '维修车一号', retired: true }, d.as.lead);
    expect(retired).toMatchObject({ retired: true, stock: [] });
    const written = changeLog(d.file).slice(before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ entity: 'stock_location', entityId: van.id, op: 'update' });
    expect(Object.keys(written[0]!.fields)).toEqual(['retiredAt']);
    expect((await d.ok('parts.locations', {}, d.as.lead)).items.map((l) => l.code)).toEqual(['MAIN']);
    expect(
      (await d.ok('parts.locations', { includeRetired: true }, d.as.lead)).items.map((l) => [l.code, l.retired]),
    ).toEqual([
      ['MAIN', false],
      ['VAN-1', true],
    ]);
    expect((await d.ok('parts.lookups', {}, d.as.clerk)).locations.map((l) => l.code)).toEqual(['MAIN']);

    // No new stock goes in: receiving, transfers in and positive adjustments are refused, nothing written.
    before = changeLog(d.file).length;
    const movements = readTable(d.file, 'SELECT id FROM stock_movement').length;
    const line = {
      partId: d.partId('WM-BELT-02'),
      deliveredQty: 1,
      unitCostFen: 1000,
      inspection: { acceptedQty: 1, rejectedQty: 0, rejectReason: '' },
    };
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          receivedOn: '2026-01-03',
          supplierRef: 'DN-9',
          locationId: van.id,
          lines: [line],
        },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'location_retired', field: 'locationId' },
    });
    expect(
      await d.call(
        'parts.transfer',
        { partId: d.partId('WM-BELT-02'), fromLocationId: main.id, toLocationId: van.id, qty: 1 },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'location_retired', field: 'toLocationId' },
    });
    expect(
      await d.call(
        'parts.adjust',
        { partId: d.partId('WM-BELT-02'), locationId: van.id, qty: 1, reason: '找到一条' },
        d.as.lead,
      ),
    ).toMatchObject({ ok: false, error: { key: 'location_retired' } });
    expect(changeLog(d.file)).toHaveLength(before);
    expect(readTable(d.file, 'SELECT id FROM stock_movement')).toHaveLength(movements);
    expect(readTable(d.file, 'SELECT id FROM goods_receipt WHERE location_id = ?', van.id)).toEqual([]);

    // Reactivated, it takes stock again.
    await d.ok('parts.locationUpdate', { id: van.id, name: '维修车一号', retired: false }, d.as.lead);
    expect(changeLog(d.file).at(-1)).toMatchObject({ entity: 'stock_location', fields: { retiredAt: null } });
    await d.ok(
      'parts.transfer',
      { partId: d.partId('WM-BELT-02'), fromLocationId: main.id, toLocationId: van.id, qty: 1 },
      d.as.clerk,
    );
  });

  it('refuses closing an open receipt into a location retired after the receipt was made', async () => {
    const d = await openPartsDesk();
    const van = await d.ok('parts.locationCreate', { code: 'VAN-2', name: '维修车二号' }, d.as.lead);
    const receipt = await d.ok(
      'parts.receiptCreate',
      {
        supplierId: d.supplierIds[0]!,
        receivedOn: '2026-01-03',
        supplierRef: 'DN-10',
        locationId: van.id,
        lines: [{ partId: d.partId('WM-BELT-02'), deliveredQty: 2, unitCostFen: 1000 }],
      },
      d.as.clerk,
    );
    await d.ok(
      'parts.receiptInspect',
      { receiptId: receipt.id, lineId: receipt.lines[0]!.id, acceptedQty: 2, rejectedQty: 0, rejectReason: '' },
      d.as.clerk,
    );
    await d.ok('parts.locationUpdate', { id: van.id, name: van.name, retired: true }, d.as.lead);
    const before = changeLog(d.file).length;
    expect(await d.call('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'location_retired' },
    });
    expect(
      readTable<{ status: string }>(d.file, 'SELECT status FROM goods_receipt WHERE id = ?', receipt.id)[0]!.status,
    ).toBe('open');
    expect(changeLog(d.file)).toHaveLength(before);
  });
});

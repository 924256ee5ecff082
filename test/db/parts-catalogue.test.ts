import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { changeLog, count } from '../support/inspect';
import { openPartsDesk, stockUp } from '../support/parts-desk';

describe('the part catalogue', () => {
  it('keeps parts with their models, suppliers, prices in fen and reorder settings', async () => {
    const d = await openPartsDesk();
    const created = await d.ok('parts.create', {
      partNo: ' tv-led-20 ',
      name: '电视背光灯条',
      spec: '42寸 6灯',
      models: ['LED42K20'],
      unit: '条',
      supplierIds: [d.supplierIds[1]!, d.supplierIds[0]!],
      costFen: 2350,
      priceFen: 5900,
      reorderLevel: 2,
      reorderQty: 5,
      bin: 'D-02-1',
    });
    expect(created).toMatchObject({ partNo: 'TV-LED-20', costFen: 2350, priceFen: 5900, onHand: 0, retired: false });
    expect(created.suppliers.map((s) => s.name)).toEqual(['宁波海天制冷配件厂', '苏州恒达电器配件有限公司']);
    const logged = changeLog(d.file).filter((c) => c.entity === 'part' && c.entityId === created.id);
    expect(logged).toEqual([
      expect.objectContaining({
        op: 'insert',
        fields: expect.objectContaining({ partNo: 'TV-LED-20', models: '["LED42K20"]' }),
      }),
    ]);

    expect((await d.ok('parts.list', { query: 'led42' })).items.map((p) => p.partNo)).toEqual(['TV-LED-20']);
    expect((await d.ok('parts.list', { query: '温控' })).items.map((p) => p.partNo)).toEqual(['RF-THERM-03']);
    const again = { partNo: 'TV-LED-20', name: created.name, unit: created.unit, costFen: 1, priceFen: 1 };
    expect(await d.call('parts.create', again)).toMatchObject({
      ok: false,
      error: { key: 'part_no_taken', field: 'partNo' },
    });
    expect(await d.call('parts.create', { ...again, partNo: '灯条#1' })).toMatchObject({
      ok: false,
      error: { key: 'part_no_format' },
    });
    expect(await d.call('parts.create', { ...again, partNo: 'TV-X', priceFen: 59.5 })).toMatchObject({
      ok: false,
      error: { key: 'money_invalid', field: 'priceFen' },
    });

    // Retiring keeps the part for old documents but takes it off the list and out of receiving.
    await d.ok('parts.update', { ...created, supplierIds: [], models: [...created.models], retired: true });
    expect((await d.ok('parts.list', {})).items.map((p) => p.partNo)).not.toContain('TV-LED-20');
    expect((await d.ok('parts.list', { includeRetired: true })).items.map((p) => p.partNo)).toContain('TV-LED-20');
    expect(
      await d.call(
        'parts.receiptCreate',
        {
          supplierId: d.supplierIds[0]!,
          receivedOn: '2026-01-02',
          lines: [{ partId: created.id, deliveredQty: 1, unitCostFen: 1 }],
        },
        d.as.clerk,
      ),
    ).toMatchObject({
      ok: false,
      error: { key: 'part_retired', field: 'lines.0.partId' },
    });
  });

  it('lets the admin edit the catalogue and the parts lead only the store’s own settings', async () => {
    const d = await openPartsDesk();
    const pump = await d.ok('parts.get', { id: d.partId('WM-PUMP-01') });
    const edit = { ...pump, models: [...pump.models], supplierIds: pump.suppliers.map((s) => s.id), priceFen: 9900 };
    for (const who of [d.as.lead, d.as.clerk, d.as.technician]) {
      expect(await d.call('parts.update', edit, who)).toMatchObject({
        ok: false,
        error: { code: 'permission_denied' },
      });
    }
    expect((await d.ok('parts.update', edit)).priceFen).toBe(9900);
    const moved = await d.ok(
      'parts.updateStoreFields',
      { id: pump.id, bin: 'A-09-9', reorderLevel: 6, reorderQty: 12 },
      d.as.lead,
    );
    expect(moved).toMatchObject({ bin: 'A-09-9', reorderLevel: 6, reorderQty: 12, priceFen: 9900 });
    // Only what changed goes to the outbox.
    const last = changeLog(d.file).at(-1)!;
    expect(last).toMatchObject({ entity: 'part', op: 'update' });
    expect(Object.keys(last.fields).sort()).toEqual(['bin', 'reorderLevel', 'reorderQty', 'updatedAt']);
  });

  it('hands the catalogue and prices to head office once the store is enrolled', async () => {
    const d = await openPartsDesk();
    expect((await d.ok('parts.lookups', {})).catalogueOwner).toBe('store');
    const raw = new Database(d.file);
    raw.prepare(`INSERT INTO sync_state (key, value) VALUES ('device_id', 'dev-1')`).run();
    raw.close();
    const lookups = await d.ok('parts.lookups', {});
    expect(lookups).toMatchObject({
      catalogueOwner: 'head_office',
      storeOwnedFields: ['bin', 'reorderLevel', 'reorderQty'],
    });
    const pump = await d.ok('parts.get', { id: d.partId('WM-PUMP-01') });
    const before = count(d.file, 'change_log');
    expect(
      await d.call('parts.update', { ...pump, models: [...pump.models], supplierIds: [], priceFen: 1 }),
    ).toMatchObject({ ok: false, error: { key: 'catalogue_hq_owned' } });
    expect(
      await d.call('parts.create', { partNo: 'NEW-1', name: '新配件', unit: '个', costFen: 1, priceFen: 1 }),
    ).toMatchObject({ ok: false, error: { key: 'catalogue_hq_owned' } });
    expect(await d.call('parts.supplierCreate', { name: '新供应商' })).toMatchObject({
      ok: false,
      error: { key: 'catalogue_hq_owned' },
    });
    expect(count(d.file, 'change_log')).toBe(before);
    // The store still decides where a part sits and when to reorder it.
    expect(
      (await d.ok('parts.updateStoreFields', { id: pump.id, bin: 'B-1', reorderLevel: 1, reorderQty: 2 }, d.as.lead))
        .bin,
    ).toBe('B-1');
  });

  it('makes the main store room when the first delivery names no location, and keeps codes unique', async () => {
    const d = await openPartsDesk();
    expect((await d.ok('parts.lookups', {})).locations).toEqual([]);
    await stockUp(d, { 'WM-PUMP-01': 1 }, '2026-01-02');
    expect((await d.ok('parts.lookups', {})).locations.map((l) => l.code)).toEqual(['MAIN']);
    expect(await d.call('parts.locationCreate', { code: 'main', name: '重复' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'location_code_taken' },
    });
    expect(await d.call('parts.locationCreate', { code: 'VAN 1', name: '车' }, d.as.lead)).toMatchObject({
      ok: false,
      error: { key: 'location_code_format' },
    });
    expect(await d.call('parts.locationCreate', { code: 'VAN-1', name: '车' }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
  });
});

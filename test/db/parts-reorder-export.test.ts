import { readSheet } from 'read-excel-file/node';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reorderFileName, reorderRows, type ReorderHeaders } from '../../renderer/pages/parts/reorder-xlsx';
import { openTestDesk } from '../support/temp-store';
import { seedStore } from '../support/seed';

const HEADERS: ReorderHeaders = {
  supplier: '供应商',
  phone: '电话',
  partNo: '配件编号',
  name: '名称',
  spec: '规格',
  unit: '单位',
  onHand: '库存',
  demand: '已批待发',
  onOrder: '在途采购',
  level: '补货点',
  suggested: '建议采购',
  unitCost: '成本价',
  amount: '金额',
  total: '合计',
};

describe('the reorder list exported to Excel', () => {
  it('holds one row per part to buy, grouped by supplier, with yuan amounts and a total', async () => {
    const t = await openTestDesk();
    await seedStore(t.desk, { customers: 0 });
    const staff = await t.ok('session.staffList', {});
    await t.ok('session.signIn', { staffId: staff.find((s) => s.role === 'parts_lead')!.id, pin: '5555' });
    // One pump already ordered (a draft counts: the lead is about to send it) shows as on order.
    const parts = await t.ok('parts.list', { query: 'WM-PUMP-01' });
    const { suppliers } = await t.ok('parts.lookups', {});
    await t.ok('parts.purchaseOrderCreate', {
      supplierId: suppliers[0]!.id,
      expectedOn: '2026-12-31',
      lines: [{ partId: parts.items[0]!.id, orderedQty: 1 }],
    });
    const list = await t.ok('parts.reorderList', {});

    // The same rows the page hands to the browser build, written by the Node build and read back.
    const buffer = await writeXlsxFile(reorderRows(list, HEADERS) as SheetData).toBuffer();
    const sheet = await readSheet(buffer);
    expect(sheet[0]).toEqual([
      '供应商',
      '电话',
      '配件编号',
      '名称',
      '规格',
      '单位',
      '库存',
      '已批待发',
      '在途采购',
      '补货点',
      '建议采购',
      '成本价',
      '金额',
    ]);
    expect(sheet.slice(1, -1).map((row) => [row[0], row[2], row[6], row[8], row[10], row[12]])).toEqual([
      ['宁波海天制冷配件厂', 'RF-THERM-03', 2, 0, 6, 168],
      ['苏州恒达电器配件有限公司', 'WM-DOOR-06', 0, 0, 5, 340],
      ['苏州恒达电器配件有限公司', 'WM-PUMP-01', 1, 1, 10, 450],
    ]);
    expect(sheet.at(-1)).toEqual(['合计', null, null, null, null, null, null, null, null, null, null, null, 958]);
    expect(list.totalFen).toBe(95_800);
    expect(reorderFileName('2026-11-23T02:00:00.000Z')).toBe('reorder-2026-11-23.xlsx');
  });
});

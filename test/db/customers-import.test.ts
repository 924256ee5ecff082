import { describe, expect, it } from 'vitest';
import { changeLog, count } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

const rows = (values: Array<Record<string, string>>) => values.map((v, i) => ({ line: i + 2, values: v }));

describe('importing customers and products', () => {
  it('dry run reports each bad row with its reason, then the import writes only the good rows', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    await t.ok('customers.create', { name: '已有', phones: [{ number: '13800000000' }] });
    const { batchId } = await t.ok('customers.importBegin', { kind: 'customers', fileName: 'members.csv' });
    const first = await t.ok('customers.importCheck', {
      batchId,
      rows: rows([
        { name: '张三', phone: '138 1234 5678', tier: '金卡', address: '上海市徐汇区淮海中路 1 号' },
        { name: '', phone: '13912345678' },
        { name: '李四', phone: '12345' },
      ]),
    });
    expect(first.staged).toBe(1);
    expect(first.bad).toEqual([
      { line: 3, key: 'required', field: 'name' },
      { line: 4, key: 'phone_invalid', field: 'phone' },
    ]);
    const second = await t.ok('customers.importCheck', {
      batchId,
      rows: [
        { line: 5, values: { name: '王五', phone: '13800000000' } },
        { line: 6, values: { name: '张三', phone: '13812345678' } },
        { line: 7, values: { name: '赵六', phone: '13700001111', phone2: '021-62345678', tier: 'diamond' } },
        { line: 8, values: { name: '赵六', phone: '13700001111', phone2: '021-62345678', tier: 'VIP' } },
      ],
    });
    expect(second.bad).toEqual([
      { line: 5, key: 'phone_taken', field: 'phone' },
      { line: 6, key: 'import_repeated', field: 'phone' },
      { line: 7, key: 'invalid_value', field: 'tier' },
    ]);
    // The dry run wrote no customer data and nothing for sync.
    expect(count(t.file, 'customer')).toBe(1);
    const logBefore = changeLog(t.file).length;

    expect(await t.ok('customers.importCommit', { batchId })).toEqual({ imported: 2, skipped: 5 });
    expect(count(t.file, 'customer')).toBe(3);
    expect(count(t.file, 'import_row')).toBe(0);
    const zhang = (await t.ok('customers.search', { query: 'zs' })).items[0]!;
    expect(zhang).toMatchObject({ name: '张三', tier: 'gold' });
    expect((await t.ok('customers.get', { id: zhang.id })).addresses.map((a) => a.address)).toEqual([
      '上海市徐汇区淮海中路 1 号',
    ]);
    expect(changeLog(t.file).length).toBeGreaterThan(logBefore);
    expect(await t.call('customers.importCommit', { batchId })).toMatchObject({
      ok: false,
      error: { key: 'import_gone' },
    });
  });

  it('imports products against customers on file, naming categories in Chinese or English', async () => {
    const t = await openTestDesk({ now: () => Date.parse('2026-11-25T03:00:00Z') });
    await setUpStore(t);
    const owner = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const { batchId } = await t.ok('customers.importBegin', { kind: 'products', fileName: 'sales.xlsx' });
    const checked = await t.ok('customers.importCheck', {
      batchId,
      rows: rows([
        {
          phone: '13812345678',
          category: '冰箱',
          brand: '海尔',
          model: 'BCD-470',
          serial: 'HR470X1',
          purchaseDate: '2026/3/5',
          receiptNo: 'FP1',
          price: '¥4,999.00',
        },
        { phone: '13812345678', category: 'Washing machine', brand: '小天鹅', model: 'TG100' },
        { phone: '13999999999', category: 'tv', brand: '海信', model: '65E7K' },
        { phone: '13812345678', category: '游艇', brand: 'x', model: 'y' },
        { phone: '13812345678', category: 'tv', brand: '海信', model: '65E7K', purchaseDate: '2026-13-01' },
        { phone: '13812345678', category: 'tv', brand: '海信', model: '65E7K', price: '12.345' },
      ]),
    });
    expect(checked.bad).toEqual([
      { line: 4, key: 'import_owner_unknown', field: 'phone' },
      { line: 5, key: 'unknown_category', field: 'category' },
      { line: 6, key: 'date_format', field: 'purchaseDate' },
      { line: 7, key: 'price_invalid', field: 'price' },
    ]);
    expect(await t.ok('customers.importCommit', { batchId })).toEqual({ imported: 2, skipped: 4 });
    const products = (await t.ok('customers.history', { id: owner.id })).products;
    expect(products.map((p) => [p.category, p.purchaseDate, p.priceFen, p.warrantyEnd])).toEqual(
      expect.arrayContaining([
        ['fridge', '2026-03-05', 499_900, '2027-03-05'],
        ['washer', null, null, null],
      ]),
    );
  });

  it('a cancelled import leaves nothing, and an import of only bad rows is refused', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const { batchId } = await t.ok('customers.importBegin', { kind: 'customers', fileName: 'members.csv' });
    await t.ok('customers.importCheck', { batchId, rows: rows([{ name: '张三', phone: '13812345678' }]) });
    const logBefore = changeLog(t.file);
    await t.ok('customers.importCancel', { batchId });
    expect(count(t.file, 'customer')).toBe(0);
    expect(count(t.file, 'import_row')).toBe(0);
    expect(count(t.file, 'import_batch')).toBe(0);
    expect(changeLog(t.file)).toEqual(logBefore);
    expect(
      await t.call('customers.importCheck', { batchId, rows: rows([{ name: '李四', phone: '13912345678' }]) }),
    ).toMatchObject({ ok: false, error: { key: 'import_gone' } });

    const other = await t.ok('customers.importBegin', { kind: 'customers', fileName: 'bad.csv' });
    await t.ok('customers.importCheck', { batchId: other.batchId, rows: rows([{ name: '', phone: '' }]) });
    expect(await t.call('customers.importCommit', { batchId: other.batchId })).toMatchObject({
      ok: false,
      error: { key: 'import_empty' },
    });
    expect(count(t.file, 'customer')).toBe(0);
  });

  it('only leads and admins may import', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const clerk = await t.ok('staff.create', { name: '钱小姐', role: 'counter_staff', pin: '2222' });
    const client = { sessionId: null };
    await t.ok('session.signIn', { staffId: clerk.id, pin: '2222' }, client);
    expect(await t.call('customers.importBegin', { kind: 'customers', fileName: 'x.csv' }, client)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
  });
});

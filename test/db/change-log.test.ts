import { describe, expect, it } from 'vitest';
import { changeLog, count, readTable } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

describe('the change log', () => {
  it('writes one row per changed record, in the mutation’s transaction, with contiguous seq', async () => {
    const t = await openTestDesk();
    const admin = await setUpStore(t);
    const setupRows = changeLog(t.file);
    // Setup creates the store and the admin: two records, one transaction.
    expect(setupRows.map((r) => r.entity)).toEqual(['store', 'staff']);
    expect(new Set(setupRows.map((r) => r.txId)).size).toBe(1);
    expect(JSON.stringify(setupRows)).not.toMatch(/scrypt|2468/);

    const customer = await t.ok('customers.create', {
      name: '张三',
      phones: [{ number: '138 1234 5678' }, { number: '021-62345678' }],
    });
    const created = changeLog(t.file).slice(setupRows.length);
    expect(created.map((r) => [r.entity, r.op])).toEqual([
      ['customer', 'insert'],
      ['customer_phone', 'insert'],
      ['customer_phone', 'insert'],
    ]);
    expect(new Set(created.map((r) => r.txId)).size).toBe(1);
    expect(created.every((r) => r.staffId === admin.id)).toBe(true);
    expect(created[1]!.fields).toMatchObject({ number: '13812345678', kind: 'mobile' });
    expect(created[2]!.fields).toMatchObject({ number: '021-62345678', kind: 'landline' });

    // Rename only: exactly one row, carrying only the changed field.
    const phones = customer.phones.map((p) => ({ id: p.id, number: p.number }));
    await t.ok('customers.update', { id: customer.id, name: '张三丰', tier: 'regular', notes: '', phones });
    const renamed = changeLog(t.file).slice(setupRows.length + 3);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({ entity: 'customer', op: 'update', entityId: customer.id });
    expect(Object.keys(renamed[0]!.fields).sort()).toEqual(['name', 'updatedAt']);

    // Saving without changes writes nothing.
    await t.ok('customers.update', { id: customer.id, name: '张三丰', tier: 'regular', notes: '', phones });
    // Dropping a phone is one delete row.
    await t.ok('customers.update', {
      id: customer.id,
      name: '张三丰',
      tier: 'regular',
      notes: '',
      phones: phones.slice(0, 1),
    });
    const all = changeLog(t.file);
    expect(all.at(-1)).toMatchObject({ entity: 'customer_phone', op: 'delete', entityId: customer.phones[1]!.id });
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1));
    // Customers are merged field by field: each field carries its clock.
    expect(
      readTable(t.file, `SELECT field FROM row_clock WHERE entity_id = ? AND field = 'name'`, customer.id),
    ).toHaveLength(1);
  });

  it('a mutation that fails part-way leaves no rows and no change-log row, and seq stays contiguous', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const customer = await t.ok('customers.create', { name: '李四', phones: [{ number: '13912345678' }] });
    const before = changeLog(t.file);

    // The rename is written first, then the unknown phone id fails the call: all of it must roll back.
    const result = await t.call('customers.update', {
      id: customer.id,
      name: '李四四',
      tier: 'regular',
      notes: '',
      phones: [{ id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', number: '13912345678' }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'phones.0.number' } });
    expect(changeLog(t.file)).toEqual(before);
    expect(readTable(t.file, 'SELECT name FROM customer')).toEqual([{ name: '李四' }]);

    await t.ok('customers.create', { name: '王五', phones: [{ number: '13712345678' }] });
    const after = changeLog(t.file);
    expect(after.map((r) => r.seq)).toEqual(after.map((_, i) => i + 1));
    expect(count(t.file, 'customer')).toBe(2);
  });
});

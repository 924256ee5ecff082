import { describe, expect, it } from 'vitest';
import type { ClientState } from '../../db/desk-types';
import { changeLog, count, readTable } from '../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../support/temp-store';

async function signedIn(
  t: TestDesk,
  name: string,
  role: 'counter_staff' | 'technician' | 'cs_lead',
  pin: string,
): Promise<ClientState> {
  const staff = await t.ok('staff.create', { name, role, pin });
  const client: ClientState = { sessionId: null };
  await t.ok('session.signIn', { staffId: staff.id, pin }, client);
  return client;
}

describe('the customer file', () => {
  it('keeps phones, addresses, contact preferences and the tier’s service standard', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const created = await t.ok('customers.create', {
      name: '王芳',
      tier: 'gold',
      phones: [{ number: '13812345678' }, { number: '021-62345678' }],
      addresses: [{ label: '家', address: '上海市静安区南京西路 100 号 301 室' }],
      preferredChannel: 'wechat',
      contactConsent: true,
    });
    expect(created).toMatchObject({
      tier: 'gold',
      preferredChannel: 'wechat',
      contactConsent: true,
      doNotContact: false,
      createdStoreName: '南京西路店',
      contactHidden: false,
    });
    // The standard shown is the one the ticket clocks keep (sla_target, normal priority, tightest service type).
    expect(created.standard).toMatchObject({ tier: 'gold', replyMinutes: 10, resolveHours: 16 });
    expect(created.addresses.map((a) => a.address)).toEqual(['上海市静安区南京西路 100 号 301 室']);

    // An update that leaves the newer fields out keeps them.
    const renamed = await t.ok('customers.update', {
      id: created.id,
      name: '王芳芳',
      tier: 'gold',
      notes: '',
      phones: created.phones.map((p) => ({ id: p.id, number: p.number })),
    });
    expect(renamed.addresses).toHaveLength(1);
    expect(renamed.preferredChannel).toBe('wechat');
    const flagged = await t.ok('customers.update', {
      ...renamed,
      phones: renamed.phones.map((p) => ({ id: p.id, number: p.number })),
      doNotContact: true,
      addresses: [],
    });
    expect(flagged).toMatchObject({ doNotContact: true, addresses: [] });
    const rows = changeLog(t.file).filter((r) => r.entity === 'customer_address');
    expect(rows.map((r) => r.op)).toEqual(['insert', 'delete']);
  });

  it('appends service notes with who and when, newest first, and never edits them', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const customer = await t.ok('customers.create', { name: '李四', phones: [{ number: '13900001111' }] });
    await t.ok('customers.addNote', { customerId: customer.id, body: '来电咨询冰箱保修' });
    await t.ok('customers.addNote', { customerId: customer.id, body: '建议增加周末上门时段' });
    const history = await t.ok('customers.history', { id: customer.id });
    expect(history.notes.map((n) => [n.body, n.staffName])).toEqual([
      ['建议增加周末上门时段', '王经理'],
      ['来电咨询冰箱保修', '王经理'],
    ]);
    expect(
      changeLog(t.file)
        .filter((r) => r.entity === 'customer_note')
        .map((r) => r.op),
    ).toEqual(['append', 'append']);
  });

  it('registers products with proof of purchase and works out the warranty end per category', async () => {
    const t = await openTestDesk({ now: () => Date.parse('2026-11-25T03:00:00Z') });
    await setUpStore(t);
    const customer = await t.ok('customers.create', { name: '赵六', phones: [{ number: '13600001234' }] });
    const tv = await t.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'tv',
      brand: '海信',
      model: '65E7K',
      serial: 'HS65E7K0001',
      purchaseDate: '2026-01-31',
      purchaseStore: '南京西路店',
      receiptNo: 'FP0001',
      priceFen: 499_900,
    });
    // Inclusive of its last day (民法典 第二百零二条): bought 01-31, 12 months → covered through 2027-01-31.
    expect(tv).toMatchObject({ warrantyEnd: '2027-01-31', underWarranty: true, receiptNo: 'FP0001' });
    const mattress = await t.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'mattress',
      brand: '喜临门',
      model: 'X1',
      purchaseDate: '2022-11-01',
    });
    expect(mattress).toMatchObject({ warrantyEnd: '2025-11-01', underWarranty: false, serial: null });
    expect(
      await t.call('customers.addProduct', { customerId: customer.id, category: 'boat', brand: 'x', model: 'y' }),
    ).toMatchObject({ ok: false, error: { key: 'unknown_category', field: 'category' } });
    expect(
      await t.call('customers.addProduct', {
        customerId: customer.id,
        category: 'tv',
        brand: 'x',
        model: 'y',
        purchaseDate: '2026-02-30',
      }),
    ).toMatchObject({ ok: false, error: { key: 'date_format', field: 'purchaseDate' } });
    expect(
      await t.call('customers.addProduct', {
        customerId: customer.id,
        category: 'tv',
        brand: 'x',
        model: 'y',
        purchaseDate: '2026-12-01',
      }),
    ).toMatchObject({ ok: false, error: { key: 'date_in_future' } });
    const moved = await t.ok('customers.updateProduct', {
      id: tv.id,
      category: 'tv',
      brand: '海信',
      model: '65E7K',
      serial: 'HS65E7K0001',
      purchaseDate: '2026-02-28',
      receiptNo: 'FP0001',
      priceFen: 499_900,
    });
    expect(moved.warrantyEnd).toBe('2027-02-28');
    const history = await t.ok('customers.history', { id: customer.id });
    expect(history.products.map((p) => p.model)).toEqual(['X1', '65E7K']);
  });

  it('sets an auto tier from spend and purchases', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const customer = await t.ok('customers.create', {
      name: '孙七',
      phones: [{ number: '13500001234' }],
      tierRule: 'auto',
    });
    expect(customer.tier).toBe('regular');
    await t.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'aircon',
      brand: '格力',
      model: 'KFR-35',
      priceFen: 2_100_000,
    });
    expect((await t.ok('customers.get', { id: customer.id })).tier).toBe('gold');
  });

  it('shows the existing customer when a phone is already on file, and creates a second record only when confirmed', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const first = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const again = await t.call('customers.create', {
      name: '张叁',
      phones: [{ number: '021-62345678' }, { number: '138 1234 5678' }],
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', key: 'phone_taken', field: 'phones.1.number' },
    });
    const existing = await t.ok('customers.duplicates', { phones: ['021-62345678', '+86 13812345678'] });
    expect(existing.map((c) => [c.id, c.maskedPhones])).toEqual([[first.id, ['138****5678']]]);
    await t.ok('customers.create', { name: '张叁', phones: [{ number: '13812345678' }], confirmDuplicate: true });
    expect(count(t.file, 'customer')).toBe(2);
  });

  it('merges a duplicate: nothing is lost, the old id resolves to the survivor, and the merge is in the change log', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const keep = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const dup = await t.ok('customers.create', {
      name: '张三',
      tier: 'vip',
      phones: [{ number: '13812345678' }, { number: '13698765432' }],
      addresses: [{ address: '北京市朝阳区建设路 8 号' }],
      doNotContact: true,
      confirmDuplicate: true,
    });
    const product = await t.ok('customers.addProduct', {
      customerId: dup.id,
      category: 'washer',
      brand: '小天鹅',
      model: 'TG100',
      serial: 'LS100X9',
    });
    await t.ok('customers.addNote', { customerId: dup.id, body: '投诉送货晚了两天' });

    const counter = await signedIn(t, '钱小姐', 'counter_staff', '2222');
    expect(await t.call('customers.merge', { fromId: dup.id, intoId: keep.id }, counter)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const lead = await signedIn(t, '孙组长', 'cs_lead', '3333');
    const merged = await t.ok('customers.merge', { fromId: dup.id, intoId: keep.id }, lead);

    expect(merged.phones.map((p) => p.number)).toEqual(['13812345678', '13698765432']);
    expect(merged).toMatchObject({ tier: 'vip', doNotContact: true, mergedFrom: [dup.id] });
    expect(merged.addresses.map((a) => a.address)).toEqual(['北京市朝阳区建设路 8 号']);
    const history = await t.ok('customers.history', { id: dup.id });
    expect(history.customer.id).toBe(keep.id);
    expect(history.products.map((p) => p.id)).toEqual([product.id]);
    expect(history.notes.map((n) => n.body)).toEqual(['投诉送货晚了两天']);
    expect((await t.ok('customers.get', { id: dup.id })).id).toBe(keep.id);
    // The duplicate is found no more; its serial leads to the survivor.
    expect((await t.ok('customers.search', { query: '13698765432' })).items.map((c) => c.id)).toEqual([keep.id]);
    expect((await t.ok('customers.search', { query: 'LS100X9' })).products.map((p) => p.customerId)).toEqual([keep.id]);

    const log = changeLog(t.file);
    expect(log.find((r) => r.entity === 'customer_merge')).toMatchObject({
      entityId: dup.id,
      op: 'insert',
      fields: { intoId: keep.id },
    });
    expect(
      log.find((r) => r.entity === 'customer' && r.entityId === dup.id && r.op === 'delete')?.fields,
    ).toMatchObject({ mergedInto: keep.id });
    // The tombstone logs every column it set, so the merged-away row reads the same on every PC after sync.
    const [gone] = readTable<{ deleted_at: string; updated_at: string }>(
      t.file,
      'SELECT deleted_at, updated_at FROM customer WHERE id = ?',
      dup.id,
    );
    expect(
      log.find((r) => r.entity === 'customer' && r.entityId === dup.id && r.op === 'delete')?.fields,
    ).toMatchObject({ deletedAt: gone!.deleted_at, updatedAt: gone!.updated_at });
    expect(readTable(t.file, 'SELECT from_id, into_id FROM customer_merge')).toEqual([
      { from_id: dup.id, into_id: keep.id },
    ]);
    expect(await t.call('customers.merge', { fromId: dup.id, intoId: keep.id }, lead)).toMatchObject({
      ok: false,
      error: { key: 'merge_gone' },
    });
    expect(await t.call('customers.merge', { fromId: keep.id, intoId: keep.id }, lead)).toMatchObject({
      ok: false,
      error: { key: 'merge_same' },
    });
  });

  it('masks phones and hides addresses by role, and lets only leads export, logging each export', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    const customer = await t.ok('customers.create', {
      name: '周八',
      phones: [{ number: '13812345678' }],
      addresses: [{ address: '南京市鼓楼区中山路 1 号' }],
    });
    const counter = await signedIn(t, '钱小姐', 'counter_staff', '2222');
    const technician = await signedIn(t, '赵师傅', 'technician', '4444');
    const lead = await signedIn(t, '孙组长', 'cs_lead', '3333');

    expect((await t.ok('customers.search', { query: '周八' }, counter)).items[0]!.maskedPhones).toEqual([
      '138****5678',
    ]);
    const served = await t.ok('customers.get', { id: customer.id }, counter);
    expect(served).toMatchObject({
      contactHidden: false,
      phones: [{ number: '13812345678' }],
      addresses: [{ address: '南京市鼓楼区中山路 1 号' }],
    });
    const seenByTechnician = await t.ok('customers.history', { id: customer.id }, technician);
    expect(seenByTechnician.customer).toMatchObject({
      contactHidden: true,
      phones: [{ number: '138****5678' }],
      addresses: [],
    });

    expect(await t.call('customers.export', { query: '', format: 'csv' }, counter)).toMatchObject({
      ok: false,
      error: { code: 'permission_denied' },
    });
    const exported = await t.ok('customers.export', { query: '周', format: 'xlsx' }, lead);
    expect(exported.rows).toEqual([
      expect.objectContaining({ name: '周八', phones: '13812345678', addresses: '南京市鼓楼区中山路 1 号' }),
    ]);
    expect(readTable(t.file, 'SELECT scope, query, format, row_count FROM customer_export')).toEqual([
      { scope: 'search', query: '周', format: 'xlsx', row_count: 1 },
    ]);
    expect(changeLog(t.file).at(-1)).toMatchObject({ entity: 'customer_export', op: 'append' });
  });
  it('takes today’s purchase date at a counter east of UTC before 08:00, when UTC is still yesterday', async () => {
    const t = await openTestDesk({ now: () => Date.parse('2026-11-24T23:30:00Z') }); // 07:30 on the 25th in Shanghai
    await setUpStore(t);
    const customer = await t.ok('customers.create', { name: '钱七', phones: [{ number: '13600005678' }] });
    const fridge = await t.ok('customers.addProduct', {
      customerId: customer.id,
      category: 'tv',
      brand: '海信',
      model: '55E3',
      purchaseDate: '2026-11-25',
    });
    expect(fridge.purchaseDate).toBe('2026-11-25');
    expect(
      await t.call('customers.addProduct', {
        customerId: customer.id,
        category: 'tv',
        brand: 'x',
        model: 'y',
        purchaseDate: '2026-11-26',
      }),
    ).toMatchObject({ ok: false, error: { key: 'date_in_future' } });
  });
});

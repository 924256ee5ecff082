import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { changeLog, readTable } from '../support/inspect';
import { openTestDesk, setUpStore, type TestDesk } from '../support/temp-store';

async function counterWithCustomers() {
  const t = await openTestDesk();
  await setUpStore(t);
  const zhangSan = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
  const zhangSanFeng = await t.ok('customers.create', { name: '张三丰', phones: [{ number: '021 6234 5678' }] });
  const liSi = await t.ok('customers.create', { name: '李四', phones: [{ number: '13900001111' }] });
  const zengXian = await t.ok('customers.create', { name: '曾小贤', phones: [{ number: '13700002222' }] });
  return { t, zhangSan, zhangSanFeng, liSi, zengXian };
}

async function names(t: TestDesk, query: string): Promise<string[]> {
  return (await t.ok('customers.search', { query })).items.map((c) => c.name).sort();
}

/** A ticket row as the tickets area writes it; inserted behind the desk's back to test the search only. */
function insertTicket(file: string, ticket: { id: string; number: string; customerId: string }): void {
  const db = new Database(file);
  try {
    const now = '2026-11-23T02:00:00.000Z';
    db.prepare(
      `INSERT INTO ticket (id, number, store_id, customer_id, type, priority, summary, form, created_at, updated_at, hlc, status, state_hlc)
       VALUES (?, ?, 'store', ?, 'repair', 'normal', '不制冷', '{}', ?, ?, '0', 'open', '0')`,
    ).run(ticket.id, ticket.number, ticket.customerId, now, now);
  } finally {
    db.close();
  }
}

describe('counter search', () => {
  it('finds a customer by a 4-digit phone fragment, with phones masked in the list', async () => {
    const { t } = await counterWithCustomers();
    expect(await names(t, '5678')).toEqual(['张三', '张三丰']);
    expect(await names(t, '0000')).toEqual(['曾小贤', '李四']);
    expect(await names(t, '139 0000 1111')).toEqual(['李四']);
    expect(await names(t, '+86 138 1234 5678')).toEqual(['张三']);
    const hit = (await t.ok('customers.search', { query: '1234' })).items.find((c) => c.name === '张三')!;
    expect(hit.maskedPhones).toEqual(['138****5678']);
    // Three digits are too few to be a phone search.
    expect(await names(t, '567')).toEqual([]);
  });

  it('ranks numbers ending in 4 typed digits first, newest first within each, and says where they matched', async () => {
    const t = await openTestDesk();
    await setUpStore(t);
    // Created oldest first: the tail matches are the two oldest, so recency alone would list them last.
    await t.ok('customers.create', { name: '尾号甲', phones: [{ number: '13800003456' }] });
    await t.ok('customers.create', { name: '尾号乙', phones: [{ number: '13611110000' }, { number: '15900003456' }] });
    await t.ok('customers.create', { name: '中间甲', phones: [{ number: '13734567777' }] });
    await t.ok('customers.create', { name: '中间乙', phones: [{ number: '18834560000' }] });
    const { items } = await t.ok('customers.search', { query: '3456' });
    expect(items.map((c) => c.name)).toEqual(['尾号乙', '尾号甲', '中间乙', '中间甲']);
    const [second, first, middle] = items;
    // The matched digits' place in the masked number: the tail of the second phone here.
    expect(second).toMatchObject({
      maskedPhones: ['136****0000', '159****3456'],
      phoneMatch: { phone: 1, start: 7, end: 11 },
    });
    expect(first).toMatchObject({ phoneMatch: { phone: 0, start: 7, end: 11 } });
    expect(middle).toMatchObject({ maskedPhones: ['188****0000'], phoneMatch: { phone: 0, start: 3, end: 7 } });
    // What stays masked stays masked: the answer holds no full number.
    expect(items.flatMap((c) => c.maskedPhones).every((p) => /^\d{3}\*{4}\d{4}$/.test(p))).toBe(true);
    // A name search marks no phone.
    expect((await t.ok('customers.search', { query: '尾号' })).items.every((c) => c.phoneMatch === undefined)).toBe(
      true,
    );
  });

  it('finds a 2-character Chinese name, and any part of a name', async () => {
    const { t } = await counterWithCustomers();
    expect(await names(t, '李四')).toEqual(['李四']);
    expect(await names(t, '三丰')).toEqual(['张三丰']);
    expect(await names(t, '张')).toEqual(['张三', '张三丰']);
    // The exact name comes first.
    expect((await t.ok('customers.search', { query: '张三' })).items.map((c) => c.name)).toEqual(['张三', '张三丰']);
  });

  it('finds names by pinyin initials and by pinyin, reading surnames as surnames', async () => {
    const { t } = await counterWithCustomers();
    expect(await names(t, 'zs')).toEqual(['张三', '张三丰']);
    // 张三 spells exactly "zs": it comes before the newer 张三丰.
    expect((await t.ok('customers.search', { query: 'zs' })).items.map((c) => c.name)).toEqual(['张三', '张三丰']);
    expect(await names(t, 'ZSF')).toEqual(['张三丰']);
    expect(await names(t, 'sf')).toEqual(['张三丰']);
    expect(await names(t, 'zhangs')).toEqual(['张三', '张三丰']);
    // 曾 is "zeng" as a surname, not "ceng".
    expect(await names(t, 'zxx')).toEqual(['曾小贤']);
    expect(await names(t, 'cxx')).toEqual([]);
  });

  it('finds a product by the start or the end of its serial or receipt number', async () => {
    const { t, liSi } = await counterWithCustomers();
    const fridge = await t.ok('customers.addProduct', {
      customerId: liSi.id,
      category: 'fridge',
      brand: '海尔',
      model: 'BCD-470WDPG',
      serial: 'hr-2026-88A1942',
      purchaseDate: '2026-03-15',
      receiptNo: 'FP20260315-0099',
    });
    for (const query of ['HR202688A1942', 'hr-2026', '88a1942', 'FP20260315', '0315-0099']) {
      const found = await t.ok('customers.search', { query });
      expect(
        found.products.map((p) => [p.id, p.customerName]),
        query,
      ).toEqual([[fridge.id, '李四']]);
    }
    expect((await t.ok('customers.search', { query: '88A1942' })).products[0]!.matched).toBe('serial');
    expect((await t.ok('customers.search', { query: '0315-0099' })).products[0]!.matched).toBe('receipt');
    // Removed products are no longer found.
    await t.ok('customers.removeProduct', { id: fridge.id });
    expect((await t.ok('customers.search', { query: '88A1942' })).products).toEqual([]);
    // The soft delete logs both columns it set (sync carries the row whole to the other PCs).
    const [removed] = readTable<{ deleted_at: string; updated_at: string }>(
      t.file,
      'SELECT deleted_at, updated_at FROM product WHERE id = ?',
      fridge.id,
    );
    expect(
      changeLog(t.file).find((c) => c.entity === 'product' && c.entityId === fridge.id && c.op === 'delete')?.fields,
    ).toEqual({ deletedAt: removed!.deleted_at, updatedAt: removed!.updated_at });
  });

  it('finds a ticket by the start of its number', async () => {
    const { t, zhangSan, liSi } = await counterWithCustomers();
    insertTicket(t.file, {
      id: '0193a1b2-c3d4-7e5f-8a9b-000000000001',
      number: 'S012-2-20261123-0042',
      customerId: zhangSan.id,
    });
    insertTicket(t.file, {
      id: '0193a1b2-c3d4-7e5f-8a9b-000000000002',
      number: 'S012-2-20261124-0001',
      customerId: liSi.id,
    });
    const found = await t.ok('customers.search', { query: 's012-2-20261123' });
    expect(found.tickets.map((x) => [x.number, x.customerName])).toEqual([['S012-2-20261123-0042', '张三']]);
    expect((await t.ok('customers.search', { query: 'S012-2' })).tickets.map((x) => x.number)).toEqual([
      'S012-2-20261124-0001',
      'S012-2-20261123-0042',
    ]);
  });

  it('keeps the search index in step with renames, phone changes and merges, in the same transaction', async () => {
    const { t, zhangSan } = await counterWithCustomers();
    await t.ok('customers.update', {
      id: zhangSan.id,
      name: '王五',
      tier: 'regular',
      notes: '',
      phones: [{ number: '13811112222' }],
    });
    expect(await names(t, 'zs')).toEqual(['张三丰']);
    expect(await names(t, 'ww')).toEqual(['王五']);
    expect(await names(t, '1234')).toEqual([]);
    expect(await names(t, '1111 2222')).toEqual(['王五']);
    const terms = readTable<{ term: string }>(
      t.file,
      'SELECT term FROM search_term WHERE customer_id = ?',
      zhangSan.id,
    ).map((r) => r.term);
    expect(terms).toContain('n:王五');
    expect(terms.some((term) => term.includes('张'))).toBe(false);
  });

  it('answers every kind of search from an index range, never a table scan (docs/STYLE.md §11)', async () => {
    const { t } = await counterWithCustomers();
    const plans = (sqlText: string, ...params: unknown[]) =>
      readTable<{ detail: string }>(t.file, `EXPLAIN QUERY PLAN ${sqlText}`, ...params)
        .map((r) => r.detail)
        .join(' | ');
    const termScan = plans(
      'SELECT customer_id FROM search_term WHERE term >= ? AND term < ? LIMIT 100',
      'p:5678',
      'p:5679',
    );
    expect(termScan).toMatch(/SEARCH search_term USING (PRIMARY KEY|COVERING INDEX \w+) \(term>\? AND term<\?\)/);
    const ticketScan = plans(
      'SELECT id FROM ticket WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT 20',
      'S012-2',
      'S012-3',
    );
    expect(ticketScan).toMatch(/SEARCH ticket USING (COVERING )?INDEX \w+ \(number>\? AND number<\?\)/);
    const history = plans('SELECT id FROM product WHERE customer_id IN (?) AND deleted_at IS NULL', 'x');
    expect(history).toMatch(/SEARCH product USING INDEX product_customer/);
    const tickets = plans('SELECT id FROM ticket WHERE customer_id IN (?) ORDER BY created_at DESC LIMIT 200', 'x');
    expect(tickets).toMatch(/SEARCH ticket USING INDEX ticket_customer/);
    const notes = plans('SELECT id FROM customer_note WHERE customer_id IN (?) ORDER BY created_at DESC', 'x');
    expect(notes).toMatch(/SEARCH customer_note USING INDEX customer_note_customer/);
  });
});

/**
 * Head office's admin finds customers by phone or name and links one to another store by phone
 * (README "Trying sync" step 9): no customer id has to be dug out of a counter's database, and a
 * phone shared by several customers is refused with the candidates listed instead of guessed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCustomers,
  formatMatches,
  linkCustomerByIdOrPhone,
  resolveCustomer,
} from '../../headoffice/admin/customers';
import { readTable } from '../support/inspect';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { startTestHeadOffice, type TestHeadOffice } from '../sync/support/hq';

let hq: TestHeadOffice;
let s012: TestCounter;
let s012b: TestCounter;
let s020: TestCounter;
const ids: Record<string, string> = {};

beforeAll(async () => {
  hq = await startTestHeadOffice();
  await hq.addStore('S012', '南京西路店');
  await hq.addStore('S020', '徐家汇店');
  s012 = await openCounter(hq, { storeCode: 'S012', counterNo: 1 });
  s012b = await openCounter(hq, { storeCode: 'S012', counterNo: 2 });
  s020 = await openCounter(hq, { storeCode: 'S020', counterNo: 1 });
  ids.zhangWei = (await s012.ok('customers.create', { name: '张伟', phones: [{ number: '13800001111' }] })).id;
  ids.zhangWeiming = (
    await s012.ok('customers.create', {
      name: '张伟明',
      phones: [{ number: '13600005555' }, { number: '021-6234 5678' }],
    })
  ).id;
  // A household phone taken at two counters before either synced: two customers, one number.
  ids.wangFang = (await s012.ok('customers.create', { name: '王芳', phones: [{ number: '13900002222' }] })).id;
  ids.liLei = (await s012b.ok('customers.create', { name: '李雷', phones: [{ number: '139 0000 2222' }] })).id;
  await s012.sync();
  await s012b.sync();
  await s020.sync();
});

afterAll(async () => {
  for (const counter of [s012, s012b, s020]) await counter?.close();
  await hq?.close();
});

describe('find-customer', () => {
  it('finds by the last digits of a phone, with id, name, phones and the stores that see the customer', async () => {
    expect(await findCustomers(hq.db, '1111')).toEqual([
      { id: ids.zhangWei, name: '张伟', phones: ['13800001111'], stores: ['S012'] },
    ]);
    const text = formatMatches(await findCustomers(hq.db, '1111'));
    expect(text).toBe(`${ids.zhangWei}  张伟  phones: 13800001111  stores: S012`);
  });

  it('finds by a whole phone typed any way, and by a landline', async () => {
    expect((await findCustomers(hq.db, '+86 138-0000-1111')).map((c) => c.name)).toEqual(['张伟']);
    const landline = await findCustomers(hq.db, '(021) 62345678');
    expect(landline.map((c) => c.name)).toEqual(['张伟明']);
    expect(landline[0]!.phones.sort()).toEqual(['021-62345678', '13600005555']);
  });

  it('finds by part of a name', async () => {
    expect((await findCustomers(hq.db, '张伟')).map((c) => c.name).sort()).toEqual(['张伟', '张伟明']);
    expect(await findCustomers(hq.db, '赵')).toEqual([]);
  });

  it('lists every customer sharing a phone', async () => {
    expect((await findCustomers(hq.db, '13900002222')).map((c) => c.name).sort()).toEqual(['李雷', '王芳']);
  });

  it('refuses an empty query and too few digits', async () => {
    await expect(findCustomers(hq.db, '  ')).rejects.toThrow(/needs a phone number/);
    await expect(findCustomers(hq.db, '11')).rejects.toThrow(/at least 3 digits/);
  });
});

describe('link-customer by phone or id', () => {
  it('links the one customer with this phone, and S020 then receives him without S012’s tickets', async () => {
    expect(await linkCustomerByIdOrPhone(hq.db, '138 0000 1111', 'S020')).toBe(
      `Customer 张伟 (${ids.zhangWei}) now reaches store S020`,
    );
    expect((await resolveCustomer(hq.db, '13800001111')).stores).toEqual(['S012', 'S020']);
    await s020.sync();
    expect((await s020.ok('customers.get', { id: ids.zhangWei! })).name).toBe('张伟');
    expect(readTable(s020.file, 'SELECT id FROM customer WHERE id = ?', ids.wangFang)).toEqual([]);
    // Again: nothing to do, and it says so.
    expect(await linkCustomerByIdOrPhone(hq.db, '13800001111', 'S020')).toBe(
      `Customer 张伟 (${ids.zhangWei}) already reaches store S020`,
    );
  });

  it('refuses to guess between customers sharing the phone, listing them; nothing is linked', async () => {
    const refusal = linkCustomerByIdOrPhone(hq.db, '13900002222', 'S020');
    await expect(refusal).rejects.toThrow(/2 customers have phone 13900002222; link one by its id/);
    const message = await refusal.catch((error: Error) => error.message);
    expect(message).toContain(`${ids.wangFang}  王芳`);
    expect(message).toContain(`${ids.liLei}  李雷`);
    const links = await hq.db
      .selectFrom('customerLink')
      .select('customerId')
      .where('customerId', 'in', [ids.wangFang!, ids.liLei!])
      .execute();
    expect(links).toHaveLength(2); // each to S012 only
    expect(await linkCustomerByIdOrPhone(hq.db, ids.liLei!, 'S020')).toBe(
      `Customer 李雷 (${ids.liLei}) now reaches store S020`,
    );
  });

  it('names what it cannot find', async () => {
    await expect(linkCustomerByIdOrPhone(hq.db, '13700007777', 'S020')).rejects.toThrow(
      /No customer with phone 13700007777/,
    );
    await expect(linkCustomerByIdOrPhone(hq.db, '01890000-0000-7000-8000-000000000000', 'S020')).rejects.toThrow(
      /No customer 01890000-0000-7000-8000-000000000000/,
    );
    await expect(linkCustomerByIdOrPhone(hq.db, '张伟', 'S020')).rejects.toThrow(/Not a customer id or a phone number/);
    await expect(linkCustomerByIdOrPhone(hq.db, '13600005555', 'S099')).rejects.toThrow(/No store with code S099/);
  });
});

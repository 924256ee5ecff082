import { afterEach, describe, expect, it } from 'vitest';
import { count } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { CounterSearch, CustomerForm, FirstRunSetup, SignIn, say } from './pages';
import { join } from 'node:path';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

const dbFile = (c: Counter) => join(c.host.dataDir, 'counterdesk.sqlite');

describe('a new store at the counter', () => {
  it('sets up the store, signs in, refuses a bad phone, saves the corrected customer and finds them by a phone fragment', async () => {
    counter = await openCounter({ locale: 'en-US' });
    const { page } = counter;

    await new FirstRunSetup(page).createStore({
      code: 's012',
      name: 'Xuhui Home Appliances',
      counterNo: 2,
      adminName: 'Wang Fang',
      pin: '2468',
    });
    // Setup signs the admin in and the header names the store, its code and counter.
    await page.getByText('(S012)').waitFor();

    const form = new CustomerForm(page);
    await form.open();
    await form.fill({ name: 'Li Lei', phone: '138123' });
    await form.save();
    await form
      .dialog()
      .getByText(/Not a valid phone number/)
      .waitFor();
    expect(count(dbFile(counter), 'customer')).toBe(0);

    await form.dialog().getByLabel('Phone 1', { exact: true }).fill('138 1234 5678');
    await form.save();
    await form.dialog().waitFor({ state: 'hidden' });
    // The saved customer opens with the full number: the counter is serving them.
    await page.getByRole('region', { name: 'Li Lei' }).getByText('13812345678').waitFor();
    expect(count(dbFile(counter), 'customer')).toBe(1);

    const search = new CounterSearch(page);
    await search.find('45678');
    await expect.poll(() => search.results().allInnerTexts()).toEqual([expect.stringContaining('Li Lei')]);
    // Lists mask the number (docs/DOMAIN.md §9).
    expect(await search.results().first().innerText()).toContain('138****5678');
    await search.box().press('Enter');
    await page.getByRole('region', { name: 'Li Lei' }).waitFor();

    // Lock, then sign in again by PIN: a wrong PIN is refused next to the field.
    await page.getByRole('button', { name: say('lock', 'en') }).click();
    await new SignIn(page).as('Wang Fang', '1111');
    await page.getByText('Wrong PIN').waitFor();
    await new SignIn(page).as('Wang Fang', '2468');
    await search.box().waitFor();
  });

  it('switches language at run time and keeps the choice', async () => {
    counter = await openCounter({ locale: 'en-US' });
    const { page } = counter;
    await page.getByRole('heading', { name: 'Set up this store' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('中文');
    await new FirstRunSetup(page, 'zh').createStore({
      code: 'S013',
      name: '南京西路店',
      counterNo: 1,
      adminName: '王芳',
      pin: '1357',
    });
    await new CustomerForm(page, 'zh').open();
    await new CustomerForm(page, 'zh').fill({ name: '张三', phone: '1234' });
    await new CustomerForm(page, 'zh').save();
    await page.getByText(/电话号码格式不正确/).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.getByRole('combobox', { name: '搜索顾客' }).waitFor();
    await page.getByRole('combobox', { name: '语言' }).selectOption('English');
    await page.getByRole('combobox', { name: 'Search customers' }).waitFor();
  });

  it('starts in the system language, unless the host forces one', async () => {
    counter = await openCounter({ locale: 'zh-CN' });
    await counter.page.getByRole('heading', { name: '门店初始设置' }).waitFor();
    await counter.close();
    counter = await openCounter({ locale: 'zh-CN', env: { COUNTERDESK_LANG: 'en' } });
    await counter.page.getByRole('heading', { name: 'Set up this store' }).waitFor();
  });
});

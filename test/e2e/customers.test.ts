import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { count, readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, CounterSearch, FirstRunSetup } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

const dbFile = (c: Counter) => join(c.host.dataDir, 'counterdesk.sqlite');

/** A member list as a POS exports it: Chinese titles, two rows with problems. */
const MEMBERS_CSV = [
  '姓名,手机,地址,会员等级',
  '张三,138 1234 5678,上海市静安区南京西路 100 号,金卡',
  '李四,139-0000-1111,,',
  ',137 0000 2222,,',
  '王五,12345,,',
  '赵六,136 5555 6666,,银卡',
].join('\r\n');

describe('customers at the counter', () => {
  it('imports a member list with two bad rows, finds customers by phone fragment, pinyin initials and serial, and registers a product', async () => {
    counter = await openCounter({ locale: 'en-US' });
    const { page } = counter;
    await new FirstRunSetup(page).createStore({
      code: 'S012',
      name: 'Nanjing Road',
      counterNo: 2,
      adminName: 'Wang Fang',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();

    // Import: map (guessed from the Chinese titles), dry run, report, import.
    await page.getByRole('link', { name: 'Import customers' }).click();
    await page
      .getByLabel('Choose a CSV or XLSX file')
      .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(MEMBERS_CSV, 'utf8') });
    await page.getByText('members.csv: 5 rows').waitFor();
    await page.getByRole('button', { name: 'Check the rows' }).click();
    const report = page.getByRole('region', { name: 'Dry run report' });
    await report.getByText('3 rows can be imported, 2 have problems').waitFor();
    const badRows = report.getByRole('row');
    await expect
      .poll(() => badRows.allInnerTexts())
      .toEqual([
        expect.stringContaining('Line'),
        expect.stringMatching(/^4\s+Name\s+This field is required/),
        expect.stringMatching(/^5\s+Phone\s+Not a valid phone number/),
      ]);
    expect(count(dbFile(counter), 'customer')).toBe(0);
    await report.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported 3, skipped 2.').waitFor();
    expect(count(dbFile(counter), 'customer')).toBe(3);

    // Find by a phone fragment; lists mask the number.
    await page.getByRole('link', { name: 'Counter' }).click();
    const search = new CounterSearch(page);
    await search.find('5678');
    await expect
      .poll(() => search.results().allInnerTexts())
      .toEqual([expect.stringMatching(/张三[\s\S]*138\*\*\*\*5678/)]);

    // Find by pinyin initials, open with Enter: the full number shows while serving.
    await search.find('zs');
    await expect.poll(() => search.results().allInnerTexts()).toEqual([expect.stringContaining('张三')]);
    await search.box().press('Enter');
    const file = page.getByRole('region', { name: '张三' });
    await file.getByText('13812345678').waitFor();
    await file.getByText('上海市静安区南京西路 100 号').waitFor();

    // Register a product with its receipt number.
    await page.getByRole('button', { name: 'Register product' }).click();
    const drawer = page.getByRole('dialog');
    // The choice must show in the field before saving, so a slow machine never saves without it.
    await chooseOption(page, drawer.getByLabel('Category'), /^Fridge/);
    await drawer.getByLabel('Brand').fill('海尔');
    await drawer.getByLabel('Model').fill('BCD-470WDPG');
    await drawer.getByLabel('Serial number').fill('HR2026X88A1942');
    await drawer.getByLabel('Purchase date').fill('2026-03-15');
    await drawer.getByLabel('Receipt / invoice no.').fill('FP20260315-0099');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 }).catch(async (error: unknown) => {
      // Say why: a refused save shows its reason in the drawer.
      throw new Error(`the product was not saved: ${(await drawer.innerText()).replace(/\s+/g, ' ')}`, {
        cause: error,
      });
    });
    const products = page.getByRole('region', { name: 'Products' });
    await products.getByText('FP20260315-0099').waitFor();
    // Bought 15 Mar 2026 with 12 months: covered through 15 Mar 2027, its last day included.
    await products.getByText('Until 15 Mar 2027').waitFor();
    expect(readTable(dbFile(counter), 'SELECT receipt_no, warranty_end FROM product')).toEqual([
      { receipt_no: 'FP20260315-0099', warranty_end: '2027-03-15' },
    ]);

    // Find the customer by the end of the serial, from the product group of the results.
    await page.getByRole('button', { name: 'Close customer' }).click();
    await search.find('88A1942');
    await expect
      .poll(() => search.results().allInnerTexts())
      .toEqual([expect.stringMatching(/张三[\s\S]*BCD-470WDPG[\s\S]*HR2026X88A1942/)]);
    await search.box().press('Enter');
    await page.getByRole('region', { name: '张三' }).waitFor();
  });
});

/**
 * What head office owns, as the counter shows it (Chromium on the browser host): head office's
 * opening-hours template fills the store's hours on Store settings, saved as the store's own; the
 * Service standards page shows each target's clock, the holiday region, and where each day of the
 * year comes from (head office's region, or the store's own, the only ones it can remove).
 * Head office's records are written into the database as a pull leaves them.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { SCREENSHOTS } from './console-fixtures';
import { openCounter, type Counter } from './fixtures';
import { FirstRunSetup } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

const dbFile = (c: Counter) => join(c.host.dataDir, 'counterdesk.sqlite');

function pulled(c: Counter, statements: string) {
  const db = new Database(dbFile(c));
  try {
    db.exec(statements);
  } finally {
    db.close();
  }
}

describe('head office’s standards at the counter', () => {
  it('fills the store’s hours from a template, and shows clocks, region and where each day comes from', async () => {
    counter = await openCounter({ locale: 'en-US' });
    const { page } = counter;
    await new FirstRunSetup(page).createStore({
      code: 'S012',
      name: 'Nanjing Road',
      counterNo: 1,
      adminName: 'Wang Fang',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();
    pulled(
      counter,
      `INSERT INTO opening_hours_template VALUES ('t1', '商场 10:00–22:00', '10:00', '22:00', '[1,2,3,4,5,6,7]', '2026-12-01T00:00:00.000Z', 'h1');
       INSERT INTO region_holiday VALUES ('CN:2026-10-01', 'CN', '2026-10-01', 'closed', '国庆节', '2026-12-01T00:00:00.000Z', 'h2');
       INSERT INTO region_holiday VALUES ('CN:2026-10-10', 'CN', '2026-10-10', 'workday', '国庆节', '2026-12-01T00:00:00.000Z', 'h3');`,
    );

    await page.getByRole('link', { name: 'Store settings' }).click();
    await page.getByLabel('Opening hours from head office').click();
    await page.getByTitle(/商场 10:00–22:00/).click();
    await expect.poll(() => page.getByLabel('Opens at').inputValue()).toBe('10:00');
    expect(await page.getByLabel('Closes at').inputValue()).toBe('22:00');
    expect(await page.getByRole('checkbox', { name: 'Sun' }).isChecked()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'counter-store-settings-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => readTable(dbFile(counter!), 'SELECT opens_at, closes_at, working_days FROM store'))
      .toEqual([{ opens_at: '10:00', closes_at: '22:00', working_days: '[1,2,3,4,5,6,7]' }]);

    await page.getByRole('link', { name: 'Service standards' }).click();
    await page.getByRole('combobox', { name: 'Clock: Complaint · Normal · Regular' }).waitFor();
    await page.getByLabel('Holiday region').fill('CN-GD');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => readTable(dbFile(counter!), 'SELECT region FROM ticket_settings'))
      .toEqual([{ region: 'CN-GD' }]);
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('cell', { name: 'Head office (CN)' }).first().waitFor();
    await page.getByLabel('Date').fill('2026-12-24');
    await page.getByLabel('Name').fill('盘点');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('cell', { name: 'This store' }).waitFor();
    // Only the store's own day has a remove button.
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'counter-service-standards-en.png'), fullPage: true });
  });
});

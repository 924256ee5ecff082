/**
 * The catalogue in the head-office console, in Chromium at 1366×768: the catalogue manager edits a
 * price (typed in yuan, stored in fen, audited) and imports a CSV through the dry run (a bad line
 * first, which blocks the apply, then a clean file); the auditor sees the catalogue without a
 * single edit button, and head office refuses the write their browser sends anyway. Screenshots of
 * each page in Chinese and English go to test-results/console/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { commitCatalogue } from '../../headoffice/console/catalogue/commit';
import { planCreatePart } from '../../headoffice/console/catalogue/parts';
import { partsNumbered } from '../../headoffice/console/catalogue/records';
import { planCreateSupplier } from '../../headoffice/console/catalogue/suppliers';
import { partFieldsSchema, type PartView } from '../../headoffice/console/contract/catalogue';
import {
  makeStaff,
  openConsole,
  screenshot,
  sidewaysOverflow,
  signInConsole,
  RIG_START_MS,
  startConsoleRig,
  type ConsoleRig,
} from './console-fixtures';

let rig: ConsoleRig;
let seal: PartView;

const priceOf = async (partNo: string) => (await partsNumbered(rig.db, partNo))[0]?.fields.priceFen;

beforeAll(async () => {
  rig = await startConsoleRig();
  const services = { db: rig.db, hqClock: createHlc({ node: HQ_NODE }), now: Date.now };
  const supplier = await commitCatalogue(services, null, (trx, now) =>
    planCreateSupplier(trx, { name: '海尔配件中心', contact: '李工', phone: '0532-8888' }, now),
  );
  const parts = [
    ['FR-SEAL-01', '冰箱门封条', '1.2m 白色', '条', 1800, 3900],
    ['WM-BELT-02', '洗衣机皮带', 'XQB60', '条', 1200, 2500],
    ['AC-CAP-35', '空调启动电容 35μF', 'CBB65 450V', '个', 900, 2200],
    ['TV-PWR-55', '55 寸电视电源板（含安装调试，适配多个型号的长名称）', 'KPS-L', '块', 15_000, 32_000],
  ] as const;
  for (const [partNo, name, spec, unit, costFen, priceFen] of parts) {
    const part = await commitCatalogue(services, null, (trx, now) =>
      planCreatePart(
        trx,
        partFieldsSchema.parse({ partNo, name, spec, unit, costFen, priceFen, supplierIds: [supplier.id] }),
        now,
      ),
    );
    if (partNo === 'FR-SEAL-01') seal = part;
  }
}, RIG_START_MS);

afterAll(async () => {
  await rig?.stop();
});

describe('the catalogue console', () => {
  it('the catalogue manager edits a price and imports a CSV through the dry run', async () => {
    const manager = await makeStaff(rig, 'catalogue', '刘经理');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, manager);
      await page.getByRole('menuitem', { name: '配件目录' }).click();
      await page.getByRole('cell', { name: 'FR-SEAL-01' }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'catalogue-parts-zh');

      await page
        .getByRole('row', { name: /FR-SEAL-01/ })
        .getByRole('button', { name: '编辑' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('售价').fill('42.5');
      await screenshot(page, 'catalogue-part-edit-zh');
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name: '¥42.50' }).waitFor();
      expect(await priceOf('FR-SEAL-01')).toBe(4250);
      const entry = await rig.db
        .selectFrom('consoleAudit')
        .select(['username', 'action', 'target', 'before', 'after'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({
        username: manager.username,
        action: 'part.update',
        target: 'FR-SEAL-01',
        before: { priceFen: 3900 },
        after: { priceFen: 4250 },
      });

      await page.getByRole('tab', { name: '导入' }).click();
      const bad = '配件编号,名称,成本,售价\nWM-BELT-02,洗衣机皮带,12,26.8\nNEW-001,新配件,3,abc\n';
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByText('售价须为元，最多两位小数').waitFor();
      await expect.poll(() => page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'catalogue-import-problems-zh');

      await page.getByRole('button', { name: '重新选择文件' }).click();
      const good =
        '配件编号,名称,成本,售价\nWM-BELT-02,洗衣机皮带,12,26.8\nNEW-001,新配件,3,9.9\nAC-CAP-35,空调启动电容 35μF,9,22\n';
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.getByRole('cell', { name: 'NEW-001' }).waitFor();
      await page.getByText('¥25.00').waitFor(); // WM-BELT-02's price before → after
      await screenshot(page, 'catalogue-import-review-zh');
      expect(await priceOf('WM-BELT-02')).toBe(2500); // the dry run wrote nothing
      await page.getByRole('button', { name: '确认导入' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s?定/ })
        .click();
      await page.getByText('导入完成').waitFor();
      await screenshot(page, 'catalogue-import-done-zh');
      expect(await priceOf('WM-BELT-02')).toBe(2680);
      expect(await priceOf('NEW-001')).toBe(990);
    } finally {
      await context.close();
    }
  });

  it('the auditor sees no edit buttons, and head office refuses the write anyway', async () => {
    const auditor = await makeStaff(rig, 'auditor', 'Auditor Zhou');
    const { context, page } = await openConsole(rig, { locale: 'en' });
    try {
      await signInConsole(page, auditor);
      await page.getByRole('menuitem', { name: 'Parts catalogue' }).click();
      await page.getByRole('cell', { name: 'FR-SEAL-01' }).waitFor();
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'New part' }).count()).toBe(0);
      expect(await page.getByRole('tab', { name: 'Import' }).count()).toBe(0);
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'catalogue-parts-auditor-en');

      // The browser sends the write with a valid session and CSRF token: the server says no.
      const answer = await page.evaluate(async (id) => {
        const session = (await (await fetch('/console/api/session')).json()) as { csrfToken: string };
        const response = await fetch(`/console/api/catalogue/parts/${id}/retire`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ retired: true }),
        });
        return { status: response.status, body: (await response.json()) as { error: string } };
      }, seal.id);
      expect(answer).toMatchObject({ status: 403, body: { error: 'forbidden' } });

      await page.getByRole('tab', { name: 'Suppliers' }).click();
      await page.getByRole('cell', { name: '海尔配件中心' }).waitFor();
      await screenshot(page, 'catalogue-suppliers-auditor-en');
      await page.getByRole('menuitem', { name: 'Categories' }).click();
      await page.getByRole('cell', { name: 'Mattress', exact: true }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'categories-auditor-en');
      await page.getByRole('menuitem', { name: 'Customer tiers' }).click();
      await page.getByRole('cell', { name: 'Gold' }).waitFor();
      await screenshot(page, 'tiers-auditor-en');
    } finally {
      await context.close();
    }
  });

  it('the quality manager raises the gold threshold; categories and tiers in Chinese', async () => {
    const quality = await makeStaff(rig, 'quality', '质量经理');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, quality);
      await page.getByRole('menuitem', { name: '客户等级' }).click();
      await page.getByRole('row', { name: /金卡/ }).getByRole('button', { name: '编辑' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('最低累计消费').fill('25000');
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name: '¥25,000.00' }).waitFor();
      // Silver above gold is refused by head office, in the page's language; nothing is saved.
      await page.getByRole('row', { name: /银卡/ }).getByRole('button', { name: '编辑' }).click();
      await dialog.getByLabel('最低累计消费').fill('30000');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('金卡的最低累计消费须高于银卡的（¥30,000.00）').waitFor();
      await screenshot(page, 'tiers-order-refused-zh');
      await dialog.getByRole('button', { name: '取消' }).click();
      await page.getByRole('cell', { name: '¥5,000.00' }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'tiers-zh');
      await page.getByRole('menuitem', { name: '产品品类' }).click();
      await page.getByRole('cell', { name: '床垫' }).waitFor();
      expect(await page.getByRole('button', { name: '编辑' }).count()).toBe(0);
      await screenshot(page, 'categories-zh');
    } finally {
      await context.close();
    }
  });
});

/**
 * Stores, PCs and customers in the head-office console, in Chromium at 1366×768: an administrator
 * adds a store, issues an enrollment code (shown once) that a PC then enrolls with over the real
 * protocol, sees the PC with what it reported (its clock 3 minutes ahead: a problem), revokes it
 * (its next pull is refused), and looks up the customer the PC sent, masked and then in full.
 * Screenshots in Chinese and English under test-results/console/.
 */
import { request as httpsRequest } from 'node:https';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, TokenResponse } from '../../db/sync/protocol';
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

beforeAll(async () => {
  rig = await startConsoleRig();
}, RIG_START_MS);
afterAll(async () => {
  await rig?.stop();
});

/** One call of the sync protocol over HTTPS, as a counter PC makes it (the test's CA is not trusted here). */
function call(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      new URL(path, rig.server.url),
      {
        method,
        rejectUnauthorized: false,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let hlcCounter = 0;
const stamp = (replicaId: string) =>
  `${Date.now().toString(16).padStart(12, '0')}-${(hlcCounter++).toString(16).padStart(4, '0')}-${replicaId.replace(/-/g, '')}`;

describe('stores and PCs in the console', () => {
  it('adds a store, issues a code a PC enrolls with, shows the PC and its health, and revokes it', async () => {
    const admin = await makeStaff(rig, 'admin', '王总');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, admin);
      await page.getByRole('menuitem', { name: '门店与电脑' }).click();
      await page.getByRole('heading', { name: '门店与电脑' }).waitFor();
      await page.getByRole('button', { name: '新增门店' }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel('门店编号').fill('s088');
      await form.getByLabel('门店名称').fill('静安寺店');
      await form.getByLabel('地址').fill('上海市静安区南京西路 1788 号');
      await screenshot(page, 'stores-add-zh');
      await form.getByRole('button', { name: '保存' }).click();
      await page.getByRole('heading', { name: /S088 · 静安寺店/ }).waitFor();
      await page.getByText('Asia/Shanghai').waitFor();

      await page.getByRole('button', { name: '发放登记码' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '发放登记码' }).click();
      const code = (await page.getByTestId('enrollment-code').textContent())!.trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/);
      await screenshot(page, 'stores-code-zh');
      await page.getByRole('dialog').getByRole('button', { name: '完成' }).click();

      // A PC enrolls with the code, pushes a customer and pulls, its clock 3 minutes ahead.
      const replicaId = uuidv7();
      const enrolled = await call('POST', '/sync/v1/enroll', {
        code: code.replace(/\s/g, ''),
        replicaId,
        storeCode: 'S088',
        deviceName: 'S088 柜台 1',
        counterNo: 1,
      });
      expect(enrolled.status).toBe(200);
      const { deviceId, refreshSecret, serverEpoch } = enrolled.body as unknown as EnrollResponse;
      const token = (await call('POST', '/sync/v1/token', { deviceId, refreshSecret }))
        .body as unknown as TokenResponse;
      const report = {
        authorization: `Bearer ${token.accessToken}`,
        'x-counterdesk-version': '0.2.0',
        'x-counterdesk-pending': '7',
        'x-counterdesk-clock': new Date(Date.now() + 180_000).toISOString(),
      };
      // Two customers entered with one phone (at two counters before either synced): a likely duplicate.
      const customerId = uuidv7();
      const twinId = uuidv7();
      const now = new Date().toISOString();
      const customer = (id: string, name: string) => [
        {
          entity: 'customer',
          entityId: id,
          fields: {
            name,
            tier: 'regular',
            tierRule: 'manual',
            notes: '',
            doNotContact: 0,
            contactConsent: 0,
            createdAt: now,
            updatedAt: now,
          },
        },
        {
          entity: 'customer_phone',
          entityId: uuidv7(),
          fields: {
            customerId: id,
            kind: 'mobile',
            number: '13812345678',
            digits: '13812345678',
            position: 0,
            createdAt: now,
          },
        },
      ];
      const changes = [...customer(customerId, '林美华'), ...customer(twinId, '林美花')].map((c, i) => ({
        ...c,
        seq: i + 1,
        changeId: uuidv7(),
        txId: replicaId,
        op: 'insert',
        hlc: stamp(replicaId),
        staffId: null,
        createdAt: now,
        schemaVersion: 20,
      }));
      const pushed = await call(
        'POST',
        '/sync/v1/push',
        { protocol: 1, replicaId, schemaVersion: 20, appVersion: '0.2.0', changes },
        report,
      );
      expect(pushed.status).toBe(200);
      const pull = () => call('GET', `/sync/v1/pull?replicaId=${replicaId}&cursor=${serverEpoch}:0`, undefined, report);
      expect((await pull()).status).toBe(200);

      await page.reload();
      const row = page.getByRole('row', { name: /S088 柜台 1/ });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('0.2.0');
      expect(await row.textContent()).toContain('快 3 分钟');
      await row.getByTestId('health-problem').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'stores-detail-zh');

      await row.getByRole('button', { name: '停用' }).click();
      const confirm = page.getByRole('dialog');
      // antd zooms a dialog in: a click while it is still scaling can land beside the button.
      await confirm.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
      await confirm.getByLabel('原因').fill('电脑被盗');
      await confirm.getByRole('button', { name: '停用' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await row.getByText('已停用').waitFor();
      const refused = await pull();
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'device_revoked' });

      await page.getByRole('link', { name: /返回门店列表/ }).click();
      await page.getByRole('row', { name: /S088/ }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'stores-list-zh');

      // The customer the PC sent: masked first, in full when asked (audited).
      await page.getByRole('menuitem', { name: '顾客' }).click();
      await page.getByLabel('手机号（至少 3 位）或姓名的一部分').fill('5678');
      await page.getByLabel('手机号（至少 3 位）或姓名的一部分').press('Enter');
      await page.getByRole('cell', { name: '138****5678' }).first().waitFor();
      expect(await page.getByRole('cell', { name: '林**' }).count()).toBe(2);
      expect(await page.getByText('林美华').count()).toBe(0);
      await page.getByRole('button', { name: '打开' }).first().click();
      await page.getByTestId('customer-name').filter({ hasText: '林**' }).waitFor();
      await screenshot(page, 'customers-file-zh');
      await page.getByRole('dialog').getByRole('switch').click();
      await page
        .getByTestId('customer-name')
        .filter({ hasText: /林美[华花]/ })
        .waitFor();
      await page.keyboard.press('Escape');

      // The duplicate, merged with a reason: the one kept gets both files.
      await page.getByRole('tab', { name: '疑似重复' }).click();
      const flag = page.getByRole('row', { name: /138\*\*\*\*5678/ });
      await flag.waitFor();
      await screenshot(page, 'customers-duplicates-zh');
      await flag.getByRole('button', { name: '合并' }).click();
      const merge = page.getByRole('dialog');
      await merge.getByLabel('原因').fill('同一位顾客，录入两次');
      await screenshot(page, 'customers-merge-zh');
      await merge.getByRole('button', { name: '合并' }).click();
      await page.getByText('没有待处理的疑似重复顾客').waitFor();
      const states = await rig.db
        .selectFrom('entityState')
        .select(['entityId', sql<string | null>`state->>'deleted'`.as('deleted')])
        .where('entity', '=', 'customer')
        .execute();
      expect(states.filter((c) => c.deleted !== null)).toHaveLength(1);
      const audit = await rig.db.selectFrom('consoleAudit').select(['action', 'target']).orderBy('id').execute();
      expect(audit.map((a) => a.action).filter((action) => !action.startsWith('session.'))).toEqual([
        'store.create',
        'store.issue_code',
        'device.revoke',
        'customer.unmask',
        'customer.merge',
      ]);
    } finally {
      await context.close();
    }
  });

  it('reads the same in English, and an auditor sees stores without the buttons that change them', async () => {
    const auditor = await makeStaff(rig, 'auditor', 'Auditor Li');
    const { context, page } = await openConsole(rig, { locale: 'en' });
    try {
      await signInConsole(page, auditor);
      await page.getByRole('menuitem', { name: 'Stores and PCs' }).click();
      await page.getByRole('row', { name: /S088/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Add store' }).count()).toBe(0);
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'stores-list-en');
      await page.getByRole('link', { name: 'S088' }).click();
      await page.getByRole('row', { name: /S088 柜台 1/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Issue enrollment code' }).count()).toBe(0);
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'stores-detail-en');
      await page.getByRole('menuitem', { name: 'Customers' }).click();
      await page.getByLabel('Phone (3+ digits) or part of a name').fill('林');
      await page.getByLabel('Phone (3+ digits) or part of a name').press('Enter');
      await page.getByRole('cell', { name: '138****5678' }).first().waitFor();
      expect(await page.getByText('Show in full (audited)').count()).toBe(0);
      await screenshot(page, 'customers-search-en');
    } finally {
      await context.close();
    }
  });
});

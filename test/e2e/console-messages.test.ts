/**
 * The console's customer SMS page in Chromium at 1366×768: a service-quality manager sees a message
 * head office could not send (phone masked, no text), sets the event's template code, sends the
 * message again with a reason (audited, the row leaves the failed list); an auditor reads the page
 * without any action. Screenshots in Chinese and English under test-results/console/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStore } from '../../headoffice/admin/ops';
import {
  makeStaff,
  openConsole,
  screenshot,
  sidewaysOverflow,
  signInConsole,
  startConsoleRig,
  type ConsoleRig,
} from './console-fixtures';

let rig: ConsoleRig;

beforeAll(async () => {
  rig = await startConsoleRig();
  const storeId = await addStore(rig.db, 'S012', '南京西路店');
  const at = new Date();
  // What the sender leaves for a message whose event has no template code (headoffice/sms/templates.ts).
  await rig.db
    .insertInto('smsOutbox')
    .values(
      ['m-estimate-1', 'm-pickup-2'].map((messageId, i) => ({
        messageId,
        storeId,
        ticketId: `t-${i}`,
        event: i === 0 ? 'estimate_ready' : 'ready_for_pickup',
        phoneDigits: i === 0 ? '13800001111' : '13900002222',
        notBefore: at,
        nextAttemptAt: at,
        status: 'failed' as const,
        attempts: i,
        lastError: i === 0 ? 'no_template_code' : 'isv.MOBILE_NUMBER_ILLEGAL',
        provider: 'aliyun',
      })),
    )
    .execute();
}, 180_000);

afterAll(async () => {
  await rig?.stop();
});

describe('customer SMS in the console', () => {
  it('the quality manager sets a template code and sends a failed message again; masked throughout', async () => {
    const quality = await makeStaff(rig, 'quality', '质量 王');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, quality);
      await page.getByRole('menuitem', { name: '客户短信' }).click();
      await page.locator('[data-page=messages]').waitFor();
      const row = page.getByRole('row').filter({ hasText: '报价已出' });
      await row.getByText('该事件未设置短信模板编号').waitFor();
      await expect.poll(() => row.textContent()).toContain('138****1111');
      expect(await page.locator('body').textContent()).not.toContain('13800001111');
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'messages-problems-zh');

      await page.getByRole('tab', { name: '短信模板' }).click();
      const template = page.getByRole('row').filter({ hasText: '报价已出' });
      await template.getByRole('button', { name: '设置' }).click();
      await page.getByLabel('模板编号 报价已出').fill('SMS_4455');
      await template.getByRole('button', { name: '保存' }).click();
      await template.getByText(/^SMS_4455$/).waitFor();
      await template.getByText(/质量|quality/).waitFor();
      await screenshot(page, 'messages-templates-zh');

      await page.getByRole('tab', { name: '未送达的短信' }).click();
      await row.getByRole('button', { name: '重新发送' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('原因').fill('模板已备案');
      await dialog.getByRole('button', { name: '重新发送' }).click();
      await row.waitFor({ state: 'detached' });
      const audit = await rig.db
        .selectFrom('consoleAudit')
        .select(['action', 'username'])
        .where('username', '=', quality.username)
        .where('action', '!=', 'session.sign_in')
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['sms_template.update', 'message.retry']);
      expect(
        await rig.db
          .selectFrom('smsOutbox')
          .select('status')
          .where('messageId', '=', 'm-estimate-1')
          .executeTakeFirst(),
      ).toEqual({
        status: 'queued',
      });

      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('row').filter({ hasText: 'Ready for pickup' }).getByText('139****2222').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'messages-problems-en');
      await page.getByRole('tab', { name: 'Templates' }).click();
      await page.getByRole('row').filter({ hasText: 'Estimate ready' }).getByText('SMS_4455').waitFor();
      await screenshot(page, 'messages-templates-en');
    } finally {
      await context.close();
    }
  });

  it('an auditor reads the page with no action, and the server refuses a retry', async () => {
    const auditor = await makeStaff(rig, 'auditor', '审计 李');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, auditor);
      await page.goto(`${rig.consoleUrl}messages`);
      await page.getByRole('row').filter({ hasText: '可取件' }).getByText('139****2222').waitFor();
      expect(await page.getByRole('button', { name: '重新发送' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '取消发送' }).count()).toBe(0);
      const refused = await page.evaluate(
        async () =>
          (
            await fetch('/console/api/messages/m-pickup-2/retry', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ reason: 'x' }),
            })
          ).status,
      );
      expect(refused).toBe(403);
    } finally {
      await context.close();
    }
  });
});

/**
 * A repair paid after the customer signed (test/print/print-seed.ts): the ticket page says the
 * signed form changed and what changed, in Chinese; the print preview says it above the paper;
 * in English, a lead records why the change stands, and the page shows who, when and why.
 * Screenshots at 1366×768 go to test-results/ for a person to look at.
 */
process.env.TZ = 'Asia/Shanghai';

import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN, PRINT_TIME_ZONE, seedPrintStore, type PrintStore } from '../print/print-seed';
import { openCounter, type Counter } from './fixtures';
import { axeViolations, layoutProblems } from './layout-checks';

let store: PrintStore;
let counter: Counter;

beforeAll(async () => {
  store = await seedPrintStore();
  counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
  const signIn = await counter.context.request.post(`${counter.host.origin}/api/call`, {
    data: { method: 'session.signIn', input: { staffId: store.adminId, pin: ADMIN.pin } },
  });
  expect(await signIn.json()).toMatchObject({ ok: true });
  await counter.page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await counter?.close();
});

test('a service form changed after signing: the page and the preview say what changed; a lead records why', async () => {
  const { page, host } = counter;
  // Signed in behind the page's back: load the app afresh so it asks who is signed in.
  await page.goto(`${host.origin}/#/tickets/${store.changedTicket.id}`);
  await page.reload();
  const signatures = page.getByRole('region', { name: '签字' });
  await signatures.getByRole('alert').getByText('签名后内容已更改').waitFor();
  await signatures.getByText('新增收款：支付宝 ¥120.00').waitFor();
  await signatures.getByText('应付余额：¥120.00 → ¥0.00').waitFor();
  await signatures.getByRole('button', { name: '顾客重新签字' }).waitFor();
  await signatures.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/signed-changed-zh.png' });
  // The counter's screen holds it without overflow, and it reads to a screen reader (WCAG AA).
  expect(await layoutProblems(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);

  // Signing again shows the customer the whole current form: parts, charges, payments, terms.
  await signatures.getByRole('button', { name: '顾客重新签字' }).click();
  const again = page.getByRole('dialog', { name: '顾客在当前服务单上签字' });
  await again.getByTestId('signed-form-content').getByText('收款 · 支付宝').waitFor();
  await again.getByText('本单所列费用、已收款项及应付余额经顾客签字确认', { exact: false }).waitFor();
  await page.screenshot({ path: 'test-results/signed-sign-again-zh.png' });
  await again.getByRole('button', { name: '取消' }).click();
  await again.waitFor({ state: 'hidden' });

  // The preview says it above the paper, and the paper carries the mark.
  await page.getByRole('button', { name: '维修服务单' }).click();
  const preview = page.getByRole('dialog', { name: /打印预览/ });
  await preview.getByRole('alert').filter({ hasText: '新增收款：支付宝 ¥120.00' }).first().waitFor();
  await preview.locator('[data-signed="changed"]').waitFor();
  await page.screenshot({ path: 'test-results/signed-preview-zh.png' });
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'hidden' });

  // In English, the lead records why the change stands.
  await page.getByLabel('语言').selectOption('en');
  const english = page.getByRole('region', { name: 'Signatures' });
  await english.getByText('Payment added: Alipay ¥120.00').waitFor();
  await english.getByRole('button', { name: 'Accept the change…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept the change after signing' });
  const save = dialog.getByRole('button', { name: 'Record the reason' });
  expect(await save.isDisabled()).toBe(true);
  await dialog.getByLabel('Reason').fill('Paid in full by Alipay at pickup; customer confirmed by phone');
  await save.click();
  await dialog.waitFor({ state: 'hidden' });
  await english.getByText(/Accepted by 王经理 on .*: Paid in full by Alipay at pickup/).waitFor();
  await english.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/signed-accepted-en.png' });
}, 120_000);

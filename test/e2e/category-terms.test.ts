/**
 * A standalone store's 三包 terms (renderer/pages/settings-categories.tsx): the admin raises the
 * air conditioners' return window on the settings page, and the intake form's live status for a
 * registered air conditioner then reads "returnable" with the new last day — the same the saved
 * ticket says (both judged by db/tickets/warranty-status.ts).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, CustomerForm, FirstRunSetup } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** A desk call from the page, as the signed-in person (the host's session cookie). */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [method, input] as const,
  );
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

function daysAgo(days: number): string {
  const at = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

async function switchLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

describe('a standalone store’s 三包 terms', () => {
  it('are edited on the settings page and used by the intake form’s live status', async () => {
    counter = await openCounter({ locale: 'zh-CN' });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new FirstRunSetup(page, 'zh').createStore({
      code: 'S012',
      name: '南京西路店',
      counterNo: 2,
      adminName: '王经理',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();

    await page.getByRole('link', { name: '门店设置', exact: true }).click();
    const terms = page.locator('[data-category-terms="store"]');
    await terms.getByRole('row', { name: /空调/ }).waitFor();
    await page.screenshot({ path: 'test-results/p16c-categories-zh.png', fullPage: true });
    await terms.getByRole('row', { name: /空调/ }).getByRole('button').click();
    const dialog = page.getByRole('dialog', { name: '编辑空调' });
    await dialog.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    // Out of order: the exchange window may not be shorter than the return window.
    await dialog.getByLabel('退货期（天）', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('换货期不能短于退货期').first().waitFor();
    await page.screenshot({ path: 'test-results/p16c-category-refused-zh.png' });
    await dialog.getByLabel('换货期（天）', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await terms.getByRole('row', { name: /空调\s*30\s*30/ }).waitFor();

    await page.getByRole('link', { name: '柜台', exact: true }).click();
    const form = new CustomerForm(page, 'zh');
    await form.open();
    await form.fill({ name: '刘女士', phone: '13912345678' });
    await form.save();
    await form.dialog().waitFor({ state: 'hidden' });
    const found = await call<{ items: Array<{ id: string }> }>(page, 'customers.search', { query: '13912345678' });
    const customer = found.items[0];
    await call(page, 'customers.addProduct', {
      customerId: customer!.id,
      category: 'aircon',
      brand: '格力',
      model: 'KFR-35GW',
      purchaseDate: daysAgo(20),
    });

    await page.getByRole('link', { name: '服务单', exact: true }).click();
    await page.getByRole('button', { name: '新建服务单' }).click();
    await page.getByRole('radiogroup', { name: '服务单类型' }).getByText('售后申请', { exact: true }).click();
    await page.getByLabel('查找顾客').fill('5678');
    await page.getByRole('button', { name: '刘女士' }).click();
    await chooseOption(page, page.getByLabel('登记产品', { exact: true }), /KFR-35GW/);
    // Bought 20 days ago: outside the national 7 days, inside the store's 30.
    await page.locator('[data-intake-warranty="return_window"]').waitFor();
    await expect.poll(() => page.locator('[data-warranty]').first().innerText()).toBe('可退 · 剩 10 天');
    await page.screenshot({ path: 'test-results/p16c-intake-warranty-zh.png', fullPage: true });
    await switchLanguage(page, 'en');
    await page
      .locator('[data-intake-warranty="return_window"]')
      .getByText(/Return/)
      .waitFor();
    await page.screenshot({ path: 'test-results/p16c-intake-warranty-en.png', fullPage: true });
    await page.getByRole('link', { name: 'Store settings', exact: true }).click();
    await page
      .locator('[data-category-terms="store"]')
      .getByRole('row', { name: /Air conditioner/ })
      .waitFor();
    await page.screenshot({ path: 'test-results/p16c-categories-en.png', fullPage: true });
  });
});

/**
 * The after-sales plan dialog under the 三包 windows, in Chinese (db/tickets/plan-window.ts): a
 * request for a product bought 30 days ago shows 保修内 with the days left; choosing 退款 says the
 * return window has passed and asks the manager (here the admin) for the reason; sent without it,
 * the main process refuses on that field; with it, the plan is decided and the reason is on the
 * timeline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, type Counter } from './fixtures';
import { CustomerForm, FirstRunSetup } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** A local date `days` before today in the browser's zone (the host runs in the same one). */
function daysAgo(days: number): string {
  const at = new Date(Date.now() - days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

describe('三包 windows in the plan dialog', () => {
  it('asks for the reason of a refund outside the return window, in Chinese', async () => {
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
    const form = new CustomerForm(page, 'zh');
    await form.open();
    await form.fill({ name: '刘女士', phone: '13912345678' });
    await form.save();
    await form.dialog().waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: '服务单', exact: true }).click();
    await page.getByRole('button', { name: '新建服务单' }).click();
    await page.getByRole('radiogroup', { name: '服务单类型' }).getByText('售后申请', { exact: true }).click();
    await page.getByLabel('查找顾客').fill('5678');
    await page.getByRole('button', { name: '刘女士' }).click();
    await page.getByRole('radio', { name: '到店', exact: true }).check();
    await page.getByLabel('小票号', { exact: true }).fill('FP-20261107');
    await page.getByLabel('购买日期', { exact: true }).fill(daysAgo(30));
    await page.getByLabel('型号', { exact: true }).fill('KFR-35GW');
    await page.getByLabel('故障描述', { exact: true }).fill('不制冷，压缩机不启动');
    await page.getByRole('button', { name: '登记服务单' }).click();
    await page.getByRole('heading', { level: 2, name: /^S012-/ }).waitFor();
    // Bought 30 days ago: past the 15-day exchange window, inside the year's warranty.
    await expect.poll(() => page.locator('[data-warranty]').first().innerText()).toMatch(/^保修内 · 剩 \d+ 天$/);

    const steps = page.getByRole('region', { name: '下一步' });
    await steps.getByRole('button', { name: '核实购买凭证和故障', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: '核实购买凭证和故障' });
    await dialog.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    await dialog.getByLabel('调查结果', { exact: true }).fill('小票与型号一致，故障复现');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('ticket-status').getByText('已核实', { exact: true }).waitFor();

    await steps.getByRole('button', { name: '确定方案', exact: true }).click();
    dialog = page.getByRole('dialog', { name: '确定方案' });
    await dialog.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    await dialog.getByText('退款', { exact: true }).click();
    await dialog.getByText('已超出退货期').waitFor();
    await dialog.getByLabel('方案说明', { exact: true }).fill('顾客要求退款');
    await page.screenshot({ path: 'test-results/sanbao-plan-dialog-zh.png' });
    await dialog.getByRole('button', { name: '确认' }).click();
    // The main process refuses it on the reason's field: nothing was decided.
    await dialog.getByText('已过退货期：请填写仍予退货的原因').waitFor();
    await page.screenshot({ path: 'test-results/sanbao-plan-refused-zh.png' });
    await dialog.getByLabel('超期处理原因', { exact: true }).fill('压缩机故障，同型号缺货，经理特批退款');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('ticket-status').getByText('方案已定', { exact: true }).waitFor();
    await page.getByText('压缩机故障，同型号缺货，经理特批退款').first().waitFor();
    await page
      .getByText(/退货期 7 天（购买日 .+，至 .+）：已超期/)
      .first()
      .waitFor();
    await page.screenshot({ path: 'test-results/sanbao-plan-timeline-zh.png', fullPage: true });

    // The queue shows the same status in the type column.
    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByRole('table').locator('[data-warranty="in_warranty"]').first().waitFor();
    await page.screenshot({ path: 'test-results/sanbao-queue-zh.png' });
  });
});

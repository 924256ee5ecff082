/**
 * Charges at the counter, in Chinese at 1366×768: a deposit taken on a repair, labour added, the
 * balance taken, nothing left due; then today's takings and the printed hand-over sheet (收款交班单).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, FirstRunSetup } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

const SHOTS = join(process.cwd(), 'test-results');

async function call(c: Counter, method: string, input: unknown): Promise<{ id: string; number: string }> {
  const response = await c.context.request.post(`${c.host.origin}/api/call`, { data: { method, input } });
  const body = (await response.json()) as { ok: boolean; value: { id: string; number: string } };
  expect(body).toMatchObject({ ok: true });
  return body.value;
}

describe('charges', () => {
  it('takes a deposit, adds labour, takes the balance, shows nothing due, and prints the hand-over sheet', async () => {
    counter = await openCounter({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const c = counter;
    const { page } = c;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new FirstRunSetup(page, 'zh').createStore({
      code: 'S012',
      name: '南京西路店',
      counterNo: 2,
      adminName: '王经理',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();
    const customer = await call(c, 'customers.create', { name: '吴先生', phones: [{ number: '13912345678' }] });
    const ticket = await call(c, 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '空调不制冷',
      condition: '外壳有轻微划痕',
    });
    await page.goto(`${c.host.origin}/#/tickets/${ticket.id}`);
    const charges = page.getByRole('region', { name: '收费' });
    await charges.getByText('尚无收费项目').waitFor();

    // A deposit by WeChat Pay before the work.
    await charges.getByRole('button', { name: '收定金' }).click();
    let dialog = page.getByRole('dialog', { name: `为 ${ticket.number} 收定金` });
    await chooseOption(page, dialog.getByRole('combobox', { name: '付款方式' }), '微信支付');
    await dialog.getByRole('spinbutton', { name: '金额' }).fill('100');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await charges.getByRole('table', { name: '收退款记录' }).getByText('¥100.00').waitFor();
    await charges.getByText('应退顾客').waitFor();

    // The labour.
    await charges.getByRole('button', { name: '添加工时' }).click();
    dialog = page.getByRole('dialog', { name: `为 ${ticket.number} 添加工时` });
    await dialog.getByRole('textbox', { name: '工时项目' }).fill('更换压缩机电容及检测');
    await dialog.getByRole('spinbutton', { name: '单价' }).fill('280.5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const due = charges.getByTestId('balance-due');
    await due.getByText('¥180.50').waitFor();
    await due.getByText('应收余额').waitFor();
    await page.screenshot({ path: join(SHOTS, 'charges-ticket-due-zh-1366.png'), fullPage: false });

    // The balance, by Alipay: the amount offered is what is due.
    await charges.getByRole('button', { name: '收款', exact: true }).click();
    dialog = page.getByRole('dialog', { name: `为 ${ticket.number} 收款` });
    await dialog.getByText('应收余额：¥180.50').waitFor();
    expect(await dialog.getByRole('spinbutton', { name: '金额' }).inputValue()).toBe('180.50');
    await chooseOption(page, dialog.getByRole('combobox', { name: '付款方式' }), '支付宝');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await due.getByText('已结清').waitFor();
    await due.getByText('¥0.00').waitFor();
    await charges.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'charges-ticket-paid-zh-1366.png'), fullPage: false });
    expect(
      readTable(
        join(c.host.dataDir, 'counterdesk.sqlite'),
        'SELECT kind, method, amount_fen FROM payment ORDER BY taken_at',
      ),
    ).toEqual([
      { kind: 'deposit', method: 'wechat', amount_fen: 10_000 },
      { kind: 'payment', method: 'alipay', amount_fen: 18_050 },
    ]);

    // Today's takings, and the hand-over sheet.
    await page.getByRole('link', { name: '今日收款' }).click();
    await page.locator('[data-page="takings"]').waitFor();
    await page.getByTestId('takings-net').getByText('¥280.50').waitFor();
    await page.getByRole('table', { name: '按柜台' }).getByText('S012-2').waitFor();
    await page.screenshot({ path: join(SHOTS, 'charges-takings-zh-1366.png'), fullPage: false });
    await page.getByRole('button', { name: '收款交班单' }).click();
    const preview = page.getByRole('dialog');
    await preview.getByText('交班人').waitFor();
    await preview.getByText('接班人').waitFor();
    await page.screenshot({ path: join(SHOTS, 'charges-handover-preview-zh-1366.png'), fullPage: false });

    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '另存为 PDF' }).click();
    await (await download).saveAs(join(SHOTS, 'charges-handover-zh.pdf'));
    await page.getByText('PDF 已保存').waitFor();
    expect(
      readTable(join(c.host.dataDir, 'counterdesk.sqlite'), 'SELECT form, subject_no, result FROM print_log'),
    ).toEqual([{ form: 'takings-handover', subject_no: expect.stringMatching(/^S012-\d{8}$/), result: 'saved' }]);
  });
});

/**
 * Printing from the app in the browser host: the printing page's log, reprinting from it through
 * the preview (which says it will print a copy), the browser print path — the same print route in
 * a new window, ready for the browser's print dialog — and "Save as PDF", the host rendering the
 * same route; every copy lands in the log. Then the printer settings, as kept for the desktop app.
 */
process.env.TZ = 'Asia/Shanghai';

import { afterEach, describe, expect, it } from 'vitest';
import { count } from '../support/inspect';
import { join } from 'node:path';
import { pdfInfo, pdfText, pdfTitle } from '../print/pdf';
import { ADMIN, PRINT_TIME_ZONE, seedPrintStore } from '../print/print-seed';
import { openCounter, type Counter } from './fixtures';
import { SignIn } from './pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

describe('printing at the counter', () => {
  it('reprints an intake receipt from the print log as a copy, in English, through the browser’s print', async () => {
    const store = await seedPrintStore();
    counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
    const { page, context, host } = counter;
    await new SignIn(page, 'zh').as(ADMIN.name, ADMIN.pin);
    const printingLink = page.getByRole('link', { name: '打印设置' });
    await printingLink.waitFor();
    // The receipt was printed when the goods came in.
    const printed = await context.request.post(`${host.origin}/api/call`, {
      data: {
        method: 'print.record',
        input: {
          form: 'intake-receipt',
          subjectId: store.ticket.id,
          copyNo: 0,
          language: 'zh-CN',
          output: 'printer',
          result: 'printed',
          printer: 'XP-80C',
        },
      },
    });
    expect(await printed.json()).toMatchObject({ ok: true });

    await printingLink.click();
    const log = page.getByRole('region', { name: '打印记录' });
    await log.getByRole('button', { name: `打印 受理回执 ${store.ticket.number}` }).click();

    const preview = page.getByRole('dialog');
    await preview.getByText('此单据已打印过，本次打印将标注“副本 1”。').waitFor();
    await preview.getByText('受理回执', { exact: true }).waitFor();
    await preview.getByText('English', { exact: true }).click();
    await expect.poll(() => preview.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await preview.getByText('Intake receipt', { exact: true }).waitFor();

    const popup = page.waitForEvent('popup');
    await preview.getByRole('button', { name: '打印' }).click();
    const printWindow = await popup;
    // The same print route, alone on the page, ready for the browser's print dialog.
    await printWindow.locator('html[data-print-state="ready"]').waitFor({ state: 'attached' });
    // Ready, then titled as the form, so the print dialog's job and "Save as PDF" carry the form's name.
    expect(await printWindow.title()).toBe(`Intake receipt ${store.ticket.number}`);
    expect(printWindow.url()).toContain(
      `#/print/intake-receipt/${store.ticket.id}?lang=en&copy=1&paper=receipt-80&auto=print`,
    );
    const slip = await printWindow.locator('.pf-receipt').innerText();
    expect(slip).toContain('COPY');
    expect(slip).toContain(store.ticket.number);
    await printWindow.close();

    await page.getByText('已打开打印对话框').waitFor();
    await preview.getByText('此单据已打印过，本次打印将标注“副本 2”。').waitFor();

    // Save as PDF: the host renders the same route; the page downloads it.
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '另存为 PDF' }).click();
    const pdf = join(host.dataDir, 'receipt.pdf');
    await (await download).saveAs(pdf);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.widthMm).toBeCloseTo(80, 0);
    expect(await pdfText(pdf)).toMatch(/COPY 2[\s\S]*Intake receipt|Intake receipt[\s\S]*COPY 2/);
    expect(await pdfTitle(pdf)).toBe(`Intake receipt ${store.ticket.number}`);
    await page.getByText('PDF 已保存').waitFor();

    await expect
      .poll(() => log.getByRole('row').allInnerTexts())
      .toEqual([
        expect.stringContaining('时间'),
        expect.stringMatching(/王经理\s+受理回执[\s\S]*副本 2[\s\S]*PDF[\s\S]*已存 PDF/),
        expect.stringMatching(/王经理\s+受理回执[\s\S]*副本[\s\S]*浏览器[\s\S]*打印对话框/),
        expect.stringMatching(/受理回执[\s\S]*原件[\s\S]*打印机 · XP-80C[\s\S]*已打印/),
      ]);
    expect(count(join(host.dataDir, 'counterdesk.sqlite'), 'print_log')).toBe(3);
  });

  it('keeps this PC’s paper and copies per form', async () => {
    const store = await seedPrintStore();
    counter = await openCounter({ dataDir: store.dataDir, timezoneId: PRINT_TIME_ZONE, locale: 'zh-CN' });
    const { page } = counter;
    await new SignIn(page, 'zh').as(ADMIN.name, ADMIN.pin);
    await page.getByRole('link', { name: '打印设置' }).click();
    // In the browser the browser's own dialog picks the printer: the page says so.
    await page.getByText('在浏览器中使用时，打印机在浏览器的打印对话框中选择').waitFor();

    await page.getByRole('combobox', { name: '纸张: 配件领用单' }).click();
    // antd draws the visible options apart from its accessible listbox.
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="A5"]').click();
    await page.getByRole('spinbutton', { name: '份数: 配件领用单' }).fill('2');
    await page.getByRole('button', { name: '保存: 配件领用单' }).click();
    await page.getByText('已保存').waitFor();
    expect(count(join(counter.host.dataDir, 'counterdesk.sqlite'), 'print_setting')).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByRole('spinbutton', { name: '份数: 配件领用单' }).inputValue()).toBe('2');
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: '纸张: 配件领用单' })
          .locator('xpath=ancestor::*[contains(@class,"ant-select")][1]')
          .innerText(),
      )
      .toContain('A5');
  });
});

/**
 * The service reports end to end (docs/DOMAIN.md §3, §8): a complaint taken at the counter shows in the
 * month's complaint analysis (chart and table) and under its responsible person in staff
 * performance; the same tabs in Chinese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chartCount, chartLegendProblems } from './chart-legends';
import { openCounter, type Counter } from './fixtures';
import { CustomerForm, FirstRunSetup } from './pages';
import { TicketIntake, TicketSteps } from './tickets-pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

describe('service reports', () => {
  it('counts a new complaint by category and shows its responsible person, in English and Chinese', async () => {
    // This PC's clock is in Los Angeles, 16 hours behind the store (Shanghai, the default): "this
    // month" must still be the store's month so far, or a complaint taken after 16:00 there is missed.
    counter = await openCounter({ locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    const { page } = counter;
    await new FirstRunSetup(page).createStore({
      code: 'S012',
      name: 'Nanjing Road',
      counterNo: 2,
      adminName: 'Wang Fang',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();
    const form = new CustomerForm(page);
    await form.open();
    await form.fill({ name: '刘女士', phone: '13912345678' });
    await form.save();
    await form.dialog().waitFor({ state: 'hidden' });

    const intake = new TicketIntake(page);
    await intake.start('Complaint', '5678', '刘女士');
    await intake.choose('Category', 'Service attitude');
    await page.getByLabel('What happened').fill('安装师傅迟到两小时');
    await page.getByLabel('What the customer wants').fill('道歉');
    await intake.submit();
    const steps = new TicketSteps(page);
    await steps.take('Assign', (dialog) => steps.pick(dialog, 'Responsible person', /^Wang Fang/));
    await steps.waitForStatus('Assigned');

    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Complaint analysis' }).click();
    const byCategory = page.getByRole('region', { name: 'Complaints by category' });
    await expect.poll(() => byCategory.getByRole('img', { name: 'Complaints by category' }).count()).toBe(1);
    const row = byCategory.getByRole('row', { name: /Service attitude/ });
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toEqual(['Service attitude', '1', '100%']);
    await expect.poll(() => chartCount(page)).toBe(2);
    await expect.poll(() => chartLegendProblems(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Staff performance' }).click();
    const table = page.getByRole('region', { name: 'Performance by responsible staff member' });
    await expect
      .poll(() =>
        table
          .getByRole('row', { name: /Wang Fang/ })
          .getByRole('cell')
          .nth(1)
          .innerText(),
      )
      .toBe('1');
    await page.getByText('No service star this period').waitFor();
    await expect.poll(() => chartCount(page)).toBe(1);
    await expect.poll(() => chartLegendProblems(page)).toEqual([]);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('中文');
    await page.getByRole('tab', { name: '投诉分析' }).click();
    const zhRow = page.getByRole('region', { name: '投诉分类' }).getByRole('row', { name: /服务态度/ });
    await expect.poll(() => zhRow.getByRole('cell').allInnerTexts()).toEqual(['服务态度', '1', '100%']);
  });
});

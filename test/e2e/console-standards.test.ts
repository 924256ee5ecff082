/**
 * The issue's proof, in Chromium at 1366×768: the service-quality manager changes a standard in the
 * console (complaints, normal priority, regular customers: reply 30 min, resolve 300 min, calendar
 * hours), a real counter PC syncs with head office, and a complaint taken there is held to the new
 * minutes. Then the holiday calendar filled from the data package after its preview, an opening-hours
 * template, and an auditor who can look but not change; screenshots in Chinese and English.
 *
 * The counter syncs through a second head-office server on the same database (its own TLS, whose CA
 * the counter is given), as a chain running two head-office processes would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStore } from '../../headoffice/admin/ops';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { startHeadOffice, type HeadOffice } from '../../headoffice/server';
import { openCounter, type TestCounter } from '../sync/support/counter';
import { testCertificates, type TestHeadOffice } from '../sync/support/hq';
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
let syncServer: HeadOffice;
let counter: TestCounter;

beforeAll(async () => {
  rig = await startConsoleRig();
  const tls = await testCertificates();
  syncServer = await startHeadOffice({ db: rig.db, tls });
  await addStore(rig.db, 'S041', '徐家汇店');
  const hq = {
    url: syncServer.url,
    caCert: tls.caCert,
    issueCode: async (storeCode: string) => (await issueEnrollmentCode(rig.db, storeCode, { nowMs: Date.now() })).code,
  } as unknown as TestHeadOffice;
  counter = await openCounter(hq, { storeCode: 'S041' });
}, 120_000);
afterAll(async () => {
  await counter?.close();
  await syncServer?.close();
  await rig?.stop();
}, RIG_START_MS);

const MINUTE = 60_000;

async function complaint(phone: string) {
  const customer = await counter.ok('customers.create', { name: '顾女士', phones: [{ number: phone }] });
  return counter.ok('tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '安装师傅迟到两小时',
    customerWants: '道歉',
    serious: false,
  });
}

describe('service standards in the console', () => {
  it('an edit of a standard reaches a counter through a real sync and its ticket counts the new minutes', async () => {
    await counter.sync();
    expect((await complaint('13900410001')).clocks.resolve.targetMinutes).toBe(24 * 60);

    const quality = await makeStaff(rig, 'quality', '周经理');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, quality);
      await page.getByRole('menuitem', { name: '服务标准' }).click();
      await page.getByRole('heading', { name: '服务标准' }).waitFor();
      await page.getByRole('radio', { name: '投诉' }).check({ force: true });
      const row = '投诉 · 普通 · 普通';
      await page.getByLabel(`响应时限（分钟）：${row}`).fill('30');
      await page.getByLabel(`处理时限（分钟）：${row}`).fill('20');
      // Checked as typed, by the server's own schema: resolve must be longer than reply.
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(row);
      await page.getByLabel(`处理时限（分钟）：${row}`).fill('300');
      // A whole-day standard (the regulation's 24 hours) already counts calendar hours.
      const clock = page.locator('.ant-select', { has: page.getByRole('combobox', { name: `计时方式：${row}` }) });
      await clock.getByTitle('自然时间（全天候）').waitFor();
      await page.getByText('已修改 1 项').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'standards-zh');
      await page.getByRole('button', { name: '保存服务标准' }).click();
      await page.getByText('已保存 1 项，门店下次同步时生效').waitFor();
      await page.getByText('总部设定').waitFor();
    } finally {
      await context.close();
    }

    await counter.sync();
    const after = await complaint('13900410002');
    expect(after.clocks.respond.targetMinutes).toBe(30);
    expect(after.clocks.resolve.targetMinutes).toBe(300);
    // Calendar hours: 300 minutes on the wall clock from the create event, whatever the store's hours.
    expect(Date.parse(after.clocks.resolve.dueAt!) - Date.parse(after.clocks.respond.dueAt!)).toBe(270 * MINUTE);
    expect(
      Math.abs(Date.parse(after.clocks.resolve.dueAt!) - (Date.parse(after.createdAt) + 300 * MINUTE)),
    ).toBeLessThan(1000);
    const audit = await rig.db
      .selectFrom('consoleAudit')
      .select(['username', 'target', 'after'])
      .where('action', '=', 'sla_target.update')
      .execute();
    expect(audit).toEqual([
      {
        username: quality.username,
        target: 'complaint:normal:regular',
        after: { replyMinutes: 30, resolveMinutes: 300, counts: 'calendar' },
      },
    ]);
  });

  it('fills the 2026 holidays from the data package after a preview; the counter counts them', async () => {
    const quality = await makeStaff(rig, 'quality', 'Zhou');
    const { context, page } = await openConsole(rig, { locale: 'en' });
    try {
      await signInConsole(page, quality);
      await page.getByRole('menuitem', { name: 'Holiday calendar' }).click();
      await page.getByRole('heading', { name: 'Holiday calendar' }).waitFor();
      await page.getByLabel('Year').fill('2026');
      await page.getByLabel('Year').press('Enter');
      await page.getByRole('button', { name: 'Fill this year from the data package' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('chinese-days').waitFor();
      // The preview's tables are drawn before the screenshot (its days page by eight).
      await dialog
        .getByRole('cell', { name: /^2026-\d\d-\d\d$/ })
        .first()
        .waitFor();
      await screenshot(page, 'calendar-fill-en');
      await dialog.getByRole('button', { name: 'Fill', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('button', { name: /^2026-10-10 Make-up working day/ }).waitFor();
      await page.getByRole('button', { name: /^2026-10-01 Closed/ }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'calendar-en');
    } finally {
      await context.close();
    }
    await counter.sync();
    const days = await counter.ok('tickets.holidays', { year: 2026 });
    expect(days.find((d) => d.date === '2026-10-10')).toMatchObject({ kind: 'workday', region: 'CN' });
    expect(days.filter((d) => d.date >= '2026-10-01' && d.date <= '2026-10-07' && d.kind === 'closed')).toHaveLength(7);
  });

  it('adds an opening-hours template the counter can apply; an auditor sees the pages read-only', async () => {
    const quality = await makeStaff(rig, 'quality', '周经理');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, quality);
      await page.getByRole('menuitem', { name: '营业时间模板' }).click();
      await page.getByRole('button', { name: '新增模板' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('商场标准');
      await dialog.getByLabel('开门时间').fill('10:00');
      await dialog.getByLabel('关门时间').fill('22:00');
      await dialog.getByLabel('周日').check();
      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name: '商场标准' }).waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'hours-zh');
      await page.getByRole('menuitem', { name: '节假日日历' }).click();
      await page.getByRole('heading', { name: '节假日日历' }).waitFor();
      await screenshot(page, 'calendar-zh');
    } finally {
      await context.close();
    }
    await counter.sync();
    expect(await counter.ok('store.hoursTemplates', {})).toEqual([
      expect.objectContaining({
        name: '商场标准',
        opensAt: '10:00',
        closesAt: '22:00',
        workingDays: [1, 2, 3, 4, 5, 6, 7],
      }),
    ]);

    const auditor = await makeStaff(rig, 'auditor', 'Auditor Li');
    const look = await openConsole(rig, { locale: 'en' });
    try {
      await signInConsole(look.page, auditor);
      await look.page.getByRole('menuitem', { name: 'Service standards' }).click();
      await look.page.getByText('Read-only: your role cannot change the standards').waitFor();
      expect(await look.page.getByRole('button', { name: 'Save standards' }).count()).toBe(0);
      expect(await look.page.getByLabel('Reply within, minutes: Complaint · Normal · Regular').isDisabled()).toBe(true);
      await screenshot(look.page, 'standards-en-auditor');
      // The server refuses the auditor whatever the page shows.
      const refused = await look.page.evaluate(async () => {
        const response = await fetch('/console/api/standards/matrix', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ targets: [] }),
        });
        return response.status;
      });
      expect(refused).toBe(403);
    } finally {
      await look.context.close();
    }
  });
});

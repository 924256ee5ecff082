/**
 * Training and assessment end to end (docs/architecture/training-and-assessment.md), in Chinese: the
 * manager plans a session for the repair group and records attendance, opens a period; the
 * technician sees their own result and fills in their self-assessment; the repair lead rates them
 * and the ranking prints. Screenshots at 1366×768 in Chinese and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, pdfToPngs } from '../print/pdf';
import { openCounter, type Counter } from './fixtures';
import { FirstRunSetup, SignIn } from './pages';

const SHOTS = 'test-results';
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

async function signInAs(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: /^(锁定|Lock)$/ }).click();
  await new SignIn(page, 'zh').as(name, pin);
  await page.getByRole('button', { name: /^(锁定|Lock)$/ }).waitFor();
  await page.evaluate(() => (window.location.hash = '#/training'));
  await page.locator('[data-page="training"]').waitFor();
}

async function openDialog(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.and(page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
  return dialog;
}

describe('training and assessment', () => {
  it('plans, records, assesses, rates and prints the ranking', async () => {
    mkdirSync(SHOTS, { recursive: true });
    counter = await openCounter({ locale: 'zh-CN' });
    const { page, host } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    await new FirstRunSetup(page, 'zh').createStore({
      code: 'S012',
      name: '南京西路店',
      counterNo: 2,
      adminName: '王经理',
      pin: '2468',
    });
    await page.getByText('(S012)').waitFor();
    await call(page, 'staff.create', { name: '周经理', role: 'aftersales_manager', pin: '7777' });
    await call(page, 'staff.create', { name: '刘强', role: 'repair_lead', pin: '3333' });
    await call(page, 'staff.create', { name: '陈师傅', role: 'technician', pin: '4444' });
    await call(page, 'staff.create', { name: '李娜', role: 'counter_staff', pin: '1111' });
    const year = new Date().getFullYear();

    // The manager plans a practice session for the repair group.
    await signInAs(page, '周经理', '7777');
    await page.getByText('您可为全体人员安排培训和考核。').waitFor();
    await page.getByRole('button', { name: '安排培训' }).click();
    let dialog = await openDialog(page, '安排培训');
    await dialog.getByLabel('培训内容').fill('变频空调故障诊断');
    await dialog.getByRole('radiogroup', { name: '形式' }).getByText('现场实操', { exact: true }).click();
    await dialog.getByLabel('培训人').fill('刘强');
    await dialog.getByLabel('开始').fill(`${year}-06-10`);
    await dialog.getByLabel('结束').fill(`${year}-06-11`);
    await dialog.getByLabel('学时').fill('6.5');
    await dialog.getByRole('radiogroup', { name: '参训人员' }).getByText('维修组', { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const plan = page.getByTestId('training-plan');
    const session = plan.getByRole('row', { name: /变频空调故障诊断/ });
    await expect
      .poll(() => session.innerText())
      .toMatch(
        new RegExp(`${year}-06-10 – ${year}-06-11\\s+变频空调故障诊断\\s+现场实操\\s+刘强\\s+6\\.5\\s+维修组\\s+2`),
      );

    await session.getByRole('button', { name: '登记出勤' }).click();
    dialog = await openDialog(page, '登记出勤 · 变频空调故障诊断');
    await dialog.getByRole('radiogroup', { name: '陈师傅 出勤' }).getByText('出席', { exact: true }).click();
    await dialog.getByRole('spinbutton', { name: '陈师傅 成绩' }).fill('92');
    await dialog.getByRole('radiogroup', { name: '刘强 出勤' }).getByText('请假', { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The manager opens a period with the default weights (self 20, supervisor 50, customers 30).
    await page.getByRole('tab', { name: '考核' }).click();
    await page.getByRole('button', { name: '新建考核期' }).click();
    dialog = await openDialog(page, '新建考核期');
    await dialog.getByLabel('名称').fill(`${year} 年第四季度`);
    await dialog.getByLabel('开始').fill(`${year}-10-01`);
    await dialog.getByLabel('结束').fill(`${year}-12-31`);
    // Weights that do not add up: the desk names the field and nothing is saved.
    await dialog.getByLabel('客户评价权重 %').fill('40');
    await dialog.getByText('合计 110%（须为 100%）').waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('自评、上级评分与客户评价三项权重之和须为 100%').waitFor();
    await dialog.getByLabel('客户评价权重 %').fill('30');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const ranking = page.getByRole('table', { name: '考核' });
    await ranking.getByRole('row', { name: /陈师傅/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'training-assessment-manager-zh.png') });

    // The technician sees their own training result and only their own assessment.
    await signInAs(page, '陈师傅', '4444');
    await page.getByText('您本人的培训记录和考核。').first().waitFor();
    await plan.locator('.ant-table-row-expand-icon').first().click();
    const mine = plan.getByRole('table', { name: '参训人数' });
    await expect
      .poll(() => mine.getByRole('row').allInnerTexts())
      .toEqual([expect.stringContaining('姓名'), expect.stringMatching(/陈师傅\s+出席\s+92/)]);
    await page.screenshot({ path: join(SHOTS, 'training-plan-technician-zh.png') });
    await page.getByRole('tab', { name: '考核' }).click();
    await page.getByTestId('my-assessment').getByRole('button', { name: '保存自评' }).click();
    dialog = await openDialog(page, '我的自评');
    await dialog.getByLabel('分数（0–100）').fill('85');
    await dialog.getByLabel('备注').fill('按时完成全部上门维修');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => ranking.getByRole('row').allInnerTexts())
      .toEqual([expect.stringContaining('名次'), expect.stringMatching(/陈师傅\s+维修组\s+85/)]);
    await expect(page.getByRole('button', { name: '考核排名表' }).count()).resolves.toBe(0);

    // The repair lead rates their technician: 100·(20·85 + 50·90)/70 = 88.57 (no customer ratings yet).
    await signInAs(page, '刘强', '3333');
    await page.getByRole('tab', { name: '考核' }).click();
    await ranking.getByRole('row', { name: /陈师傅/ }).waitFor();
    expect(await ranking.getByRole('row', { name: /李娜/ }).count()).toBe(0);
    await ranking.getByRole('button', { name: '评分 陈师傅' }).click();
    dialog = await openDialog(page, '上级评分：陈师傅');
    await dialog.getByLabel('分数（0–100）').fill('90');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = ranking.getByRole('row', { name: /陈师傅/ });
    await expect.poll(() => row.innerText()).toMatch(/^1\s+陈师傅\s+维修组\s+85\s+90\s+无评价，权重分摊\s+88\.57\s+B/);
    await page.screenshot({ path: join(SHOTS, 'training-assessment-lead-zh.png') });

    // The printed ranking: the lead's copy covers the repair group.
    await page.getByRole('button', { name: '考核排名表' }).click();
    const preview = page.getByRole('dialog', { name: /考核排名表/ });
    await preview.getByText('仅维修组').waitFor();
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '另存为 PDF' }).click();
    const pdf = join(host.dataDir, 'ranking.pdf');
    await (await download).saveAs(pdf);
    const info = await pdfInfo(pdf);
    expect(info.widthMm).toBeCloseTo(210, 0);
    expect(info.heightMm).toBeCloseTo(297, 0);
    const text = await pdfText(pdf);
    expect(text).toContain('考核排名表');
    expect(text).toMatch(/陈师傅[\s\S]*88\.57/);
    expect(text).not.toContain('李娜');
    await pdfToPngs(pdf, SHOTS, 'training-ranking-zh', 100);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    // The same page in English.
    await page.getByLabel(/^(Language|语言)$/).selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('table', { name: 'Assessments' }).getByText('88.57').waitFor();
    await page.screenshot({ path: join(SHOTS, 'training-assessment-lead-en.png') });
    await page.getByRole('tab', { name: 'Training plan' }).click();
    await page.getByTestId('training-plan').getByText('On-site practice').waitFor();
    await page.screenshot({ path: join(SHOTS, 'training-plan-lead-en.png') });
    // Four people signing in and a PDF render: about 50 s alone, twice that beside another file.
  }, 240_000);
});

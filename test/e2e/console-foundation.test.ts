/**
 * The head-office console as its staff use it, in Chromium at 1366×768: signing in (and a wrong
 * password), the menu each role sees, a page the role may not open, an administrator adding an
 * account and changing its role, the audit log showing it, the language switch, signing out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the head-office console', () => {
  it('a wrong password is refused in plain words; the right one opens the overview', async () => {
    const admin = await makeStaff(rig, 'admin', '王总');
    const { context, page } = await openConsole(rig);
    try {
      await page.getByRole('heading', { name: '登录总部控制台' }).waitFor();
      await screenshot(page, 'sign-in-zh');
      await page.locator('#hq-username').fill(admin.username);
      await page.locator('#hq-password').fill('not the password');
      await page.locator('form button[type=submit]').click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('用户名或密码错误');
      await page.locator('#hq-password').fill(admin.password);
      await page.locator('form button[type=submit]').click();
      await page.getByRole('heading', { name: '王总，您好' }).waitFor();
      await page.getByText('在用电脑').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'overview-zh');
    } finally {
      await context.close();
    }
  });

  it('an administrator adds an account, changes its role, and the audit log shows both', async () => {
    const admin = await makeStaff(rig, 'admin', 'Admin Wang');
    const { context, page } = await openConsole(rig, { locale: 'en' });
    try {
      await signInConsole(page, admin);
      await page.getByRole('menuitem', { name: 'Head-office accounts' }).click();
      await page.getByRole('heading', { name: 'Head-office accounts' }).waitFor();
      await page.getByRole('button', { name: 'Add account' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('User name').fill('li.na');
      await dialog.getByLabel('Name', { exact: true }).fill('Li Na');
      await dialog.getByLabel('First password (at least 10 characters)').fill('short');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('at least 10 characters');
      await dialog.getByLabel('First password (at least 10 characters)').fill('a good first password');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('cell', { name: 'li.na' }).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByRole('combobox', { name: 'Role li.na' }).click();
      await page.getByTitle('Catalogue manager').click();
      await page.getByText('Saved').waitFor();
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      await screenshot(page, 'staff-en');

      await page.getByRole('menuitem', { name: 'Audit log' }).click();
      await page.getByRole('cell', { name: 'staff.update' }).waitFor();
      await page.getByRole('cell', { name: 'staff.create' }).waitFor();
      const rows = await rig.db
        .selectFrom('consoleAudit')
        .select(['action', 'target', 'after'])
        .where('target', '=', 'li.na')
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.action)).toEqual(['staff.create', 'staff.update']);
      expect(rows[1]!.after).toMatchObject({ role: 'catalogue' });
      await screenshot(page, 'audit-en');
    } finally {
      await context.close();
    }
  });

  it('an auditor sees no account page, is refused one typed in, and the server refuses its calls too', async () => {
    const auditor = await makeStaff(rig, 'auditor', '审计 张');
    const { context, page } = await openConsole(rig);
    try {
      await signInConsole(page, auditor);
      // The auditor reads every subject but has no account page (other pages come and go with the console).
      await page.getByRole('menuitem', { name: '审计日志' }).waitFor();
      const menu = await page.getByRole('menuitem').allTextContents();
      expect(menu).toContain('概览');
      expect(menu).not.toContain('总部账号');
      await page.goto(`${rig.consoleUrl}staff`);
      await page.getByText('您的角色无权执行此操作').waitFor();
      const refused = await page.evaluate(async () => (await fetch('/console/api/staff')).status);
      expect(refused).toBe(403);
      // The language switch changes the page and is remembered.
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
      await page.reload();
      await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
      // Signing out brings the sign-in page back and the cookie no longer works.
      await page.getByTestId('staff-menu').hover();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to the head-office console' }).waitFor();
      expect(await page.evaluate(async () => (await fetch('/console/api/session')).status)).toBe(401);
    } finally {
      await context.close();
    }
  });
});

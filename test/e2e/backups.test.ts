/**
 * Backups in Chromium, as an admin would use them: back up from the Backups page, enter a
 * customer, restore the backup, and find the store as it was when the backup was taken.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { pageInfo, writeGarbage } from '../support/damage';
import { memoryLogger } from '../support/temp-store';
import { openCounter, type Counter } from './fixtures';
import { SignIn } from './pages';

let counter: Counter | null = null;
afterEach(async () => {
  await counter?.close();
  counter = null;
});

async function seedStore({ customers = 1, backup = false } = {}): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-backup-e2e-'));
  const desk = await openDesk({
    file: join(dataDir, 'counterdesk.sqlite'),
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger: memoryLogger(),
  });
  const admin: ClientState = { sessionId: null };
  await desk.dispatch(admin, 'setup.createStore', {
    storeCode: 'S012',
    storeName: '南京西路店',
    counterNo: 2,
    adminName: '王经理',
    adminPin: '2468',
  });
  await desk.dispatch(admin, 'customers.create', { name: '备份前', phones: [{ number: '13800000001' }] });
  for (let i = 1; i < customers; i += 1)
    await desk.dispatch(admin, 'customers.create', {
      name: `顾客${i}`,
      phones: [{ number: `1390000${String(i).padStart(4, '0')}` }],
      notes: 'x'.repeat(200),
    });
  if (backup) await desk.storage!.create('manual');
  await desk.close();
  return dataDir;
}

/** A desk call from the page, as the renderer makes it (same origin, the host's cookie). */
async function deskCall(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown };
    },
    [method, input] as const,
  );
}

describe('backups in the browser', () => {
  it('an admin backs up from the Backups page and restores it; what was entered after the backup is gone', async () => {
    counter = await openCounter({ dataDir: await seedStore() });
    const { page } = counter;
    await new SignIn(page).as('王经理', '2468');
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const manualRow = page.getByRole('row').filter({ hasText: 'By hand' });
    await manualRow.getByText('Passed').waitFor();

    expect(
      await deskCall(page, 'customers.create', { name: '备份后', phones: [{ number: '13800000002' }] }),
    ).toMatchObject({ ok: true });
    // A mark on this page's window: the reload after the restore drops it.
    await page.evaluate(() => Object.assign(window, { beforeRestore: true }));
    await manualRow.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Restore' }).click();
    // After the reload the app is back, on the restored file (the "restored" notice lasts under a second).
    await page.waitForFunction(() => !('beforeRestore' in window));
    await page.getByRole('heading', { name: 'Backups', level: 2 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Before a restore' }).getByText('Passed').waitFor();
    const found = JSON.stringify(await deskCall(page, 'customers.search', { query: '备份' }));
    expect(found).toContain('备份前');
    expect(found).not.toContain('备份后');
  });

  it("a damaged database shows the damaged-database screen in the counter's language, and an admin restores the newest good backup from it", async () => {
    const dataDir = await seedStore({ customers: 120, backup: true });
    const file = join(dataDir, 'counterdesk.sqlite');
    const { pageSize, pageCount } = pageInfo(file);
    writeGarbage(file, Math.floor(pageCount / 2), pageSize);
    counter = await openCounter({ dataDir, locale: 'zh-CN' });
    const { page } = counter;
    await page.getByRole('heading', { name: '本机的数据库已损坏' }).waitFor();
    await page.getByText('为保护数据，系统不会再向它写入任何内容。').waitFor();
    await page.getByLabel('PIN').fill('2468');
    await page.getByRole('button', { name: '恢复这份备份' }).click();
    // The ordinary sign-in, on the restored file, saying which backup it is.
    await page
      .getByRole('status')
      .filter({ hasText: /数据库已从 .* 的备份（手动）恢复。请重新登录。/ })
      .waitFor();
    await new SignIn(page, 'zh').as('王经理', '2468');
    // Signed in once the header offers to lock the screen; a call made before that is still signed out.
    await page.getByRole('button', { name: '锁定' }).waitFor();
    const found = JSON.stringify(await deskCall(page, 'customers.search', { query: '备份前' }));
    expect(found).toContain('备份前');
  });
});

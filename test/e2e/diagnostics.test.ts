/**
 * Export diagnostics in Chromium, as an admin would: the button on the Backups page, the zip's
 * path on screen, and in the zip the browser host's own log file (pino and the rotating stream
 * work in the bundled host) and none of the store's customers. Screenshots at 1366×768 in both
 * languages go to test-results/.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { memoryLogger } from '../support/temp-store';
import { openCounter, type Counter } from './fixtures';
import { SignIn } from './pages';

const PHONE = '13955507788';
const NAME = '欧阳诊断';

let counter: Counter | null = null;
afterEach(async () => {
  await counter?.close();
  counter = null;
});

async function seedStore(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-diagnostics-e2e-'));
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
  await desk.dispatch(admin, 'customers.create', { name: NAME, phones: [{ number: PHONE }] });
  await desk.dispatch(admin, 'staff.create', { name: '柜台小李', role: 'counter_staff', pin: '3579' });
  await desk.close();
  return dataDir;
}

describe('export diagnostics in the browser', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`an admin exports diagnostics from the Backups page (${lang})`, async () => {
      const zh = lang === 'zh-CN';
      counter = await openCounter({ dataDir: await seedStore(), locale: zh ? 'zh-CN' : 'en-US' });
      const { page } = counter;
      await page.setViewportSize({ width: 1366, height: 768 });
      await new SignIn(page, zh ? 'zh' : 'en').as('王经理', '2468');
      await page.getByRole('link', { name: zh ? '备份' : 'Backups' }).click();
      const exportButton = page.getByRole('button', { name: zh ? '导出诊断信息' : 'Export diagnostics' });
      await exportButton.scrollIntoViewIfNeeded();
      await page.getByLabel(zh ? '保存到文件夹' : 'Save to folder').fill('relative/folder');
      await exportButton.click();
      await page.getByText(zh ? '请输入完整的文件夹路径' : 'Enter a full folder path').waitFor();
      const usb = join(counter.host.dataDir, 'usb');
      mkdirSync(usb);
      await page.getByLabel(zh ? '保存到文件夹' : 'Save to folder').fill(usb);
      await exportButton.click();
      const done = page.getByRole('status').filter({ hasText: zh ? '诊断信息已保存' : 'Diagnostics saved' });
      await done.waitFor();
      const path = (await done.locator('code').innerText()).trim();
      expect(path.startsWith(join(usb, 'counterdesk-diagnostics-'))).toBe(true);
      // The page brings the answer into view by itself.
      await done.evaluate(
        (element) =>
          new Promise<void>((resolve) => {
            const check = () => {
              const box = element.getBoundingClientRect();
              if (box.top >= 0 && box.bottom <= window.innerHeight + 1) resolve();
              else window.setTimeout(check, 50);
            };
            check();
          }),
      );
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/diagnostics-${lang}.png` });

      const files = Object.fromEntries(
        Object.entries(unzipSync(readFileSync(path))).map(([name, data]) => [name, strFromU8(data)]),
      );
      // The host's own log and the store process's (the desk runs there and logs opening the store).
      expect(Object.keys(files)).toContain('logs/host.log');
      expect(files['logs/host.log']).toMatch(/"scope":"host"/);
      expect(Object.keys(files)).toContain('logs/store.log');
      expect(files['logs/store.log']).toMatch(/"scope":"store".*Store open/);
      for (const [name, text] of Object.entries(files)) {
        expect(text, name).not.toContain(PHONE);
        expect(text, name).not.toContain(NAME);
        // The PIN as a value of its own: a number such as free memory (22468 MB) may contain its digits.
        expect(text, name).not.toMatch(/(?<!\d)2468(?!\d)/);
      }
    });
  }

  it('the browser host offers the zip as a download, to an admin only', async () => {
    counter = await openCounter({ dataDir: await seedStore(), locale: 'zh-CN' });
    const { page } = counter;
    await page.setViewportSize({ width: 1366, height: 768 });
    // Signed in as nobody, then as counter staff: the route answers as the desk does, and writes nothing.
    // Asked the way the page asks, from outside it (the page would report a refused fetch as a problem).
    const post = async () => {
      const response = await page.request.post(`${counter!.host.origin}/diagnostics.zip`, {
        headers: { origin: counter!.host.origin },
      });
      return { status: response.status(), body: await response.text() };
    };
    await page.getByLabel('PIN', { exact: true }).waitFor();
    expect(await post()).toMatchObject({ status: 401, body: expect.stringContaining('"ok":false') });
    expect((await page.request.get(`${counter.host.origin}/diagnostics.zip`)).status()).toBe(405);
    // Another origin (a page elsewhere posting to the host) is refused before anything runs.
    const crossSite = await page.request.post(`${counter.host.origin}/diagnostics.zip`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
    await new SignIn(page, 'zh').as('柜台小李', '3579');
    await page.getByLabel('PIN', { exact: true }).waitFor({ state: 'detached' });
    const refused = await post();
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
    expect(readdirSync(join(counter.host.dataDir, 'backups')).filter((f) => f.includes('diagnostics'))).toEqual([]);

    await page.evaluate(() =>
      fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'session.signOut', input: {} }),
      }),
    );
    await page.reload();
    await new SignIn(page, 'zh').as('王经理', '2468');
    await page.getByRole('link', { name: '备份' }).click();
    const download = page.getByRole('button', { name: '下载诊断信息' });
    await download.scrollIntoViewIfNeeded();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^counterdesk-diagnostics-.+\.zip$/);
    const saved = join(counter.host.dataDir, 'downloaded.zip');
    await file.saveAs(saved);
    const done = page.getByRole('status').filter({ hasText: '诊断信息已下载' });
    await done.waitFor();
    await page.screenshot({ path: 'test-results/diagnostics-download-zh-CN.png' });
    const files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(saved))).map(([name, data]) => [name, strFromU8(data)]),
    );
    expect(Object.keys(files)).toContain('logs/store.log');
    for (const [name, text] of Object.entries(files)) {
      expect(text, name).not.toContain(PHONE);
      expect(text, name).not.toContain(NAME);
    }
    // The same bytes as the copy kept on the PC, whose path the page shows.
    const kept = (await done.locator('code').innerText()).trim();
    expect(readFileSync(saved).equals(readFileSync(kept))).toBe(true);
  });
});

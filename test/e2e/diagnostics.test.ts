/**
 * Export diagnostics in Chromium, as an admin would: the button on the Backups page, the zip's
 * path on screen, and in the zip the browser host's own log file (pino and the rotating stream
 * work in the bundled host) and none of the store's customers. Screenshots at 1366×768 in both
 * languages go to test-results/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
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
});

/**
 * Screens that update themselves (docs/architecture/live-refresh.md), in two browser hosts (the
 * store in a worker thread, events over the host's event stream) enrolled with one head office: a
 * technician asks for a part on his PC; his sync page shows the request waiting and then sent
 * without being reloaded; the parts lead's open requisitions list on the other PC shows it once
 * that PC pulls, without navigating and keeping the filter she chose. Nothing sleeps: every step
 * waits for what a page shows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../db/api';
import { openDesk } from '../../db/desk';
import type { ClientState } from '../../db/desk-types';
import { fileCredentialStore } from '../../db/sync/credentials';
import { enrollDevice } from '../../db/sync/enroll';
import { createHlc } from '../../db/sync/hlc';
import { HQ_NODE } from '../../db/sync/merge';
import { addStore, writeAsHq } from '../../headoffice/admin/ops';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { memoryLogger } from '../support/temp-store';
import { hqPart } from '../sync/support/parts';
import { startHost } from './fixtures';
import { SignIn } from './pages';
import { SyncPage } from './sync-pages';
import { useSyncRig } from './sync-rig';

const STORE = 'S012';
const rig = useSyncRig('live');
/**
 * A counter PC's data folder, set up and enrolled with head office as its admin would have done it
 * (set-up page, staff page, sync page), so the test starts where the day starts.
 */
async function seedPc(
  name: string,
  counterNo: number,
  work: (ok: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>) => Promise<void>,
): Promise<string> {
  const dataDir = join(rig.folder, name);
  const desk = await openDesk({
    file: join(dataDir, 'counterdesk.sqlite'),
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger: memoryLogger(),
  });
  const admin: ClientState = { sessionId: null };
  const ok = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> => {
    const result = await desk.dispatch(admin, method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value as MethodResult<M>;
  };
  await ok('setup.createStore', {
    storeCode: STORE,
    storeName: '南京西路店',
    counterNo,
    adminName: `管理员${counterNo}`,
    adminPin: '2468',
  });
  await work(ok);
  // The browser host keeps the device secret in this file beside the database.
  await enrollDevice(
    desk.store!,
    fileCredentialStore(join(dataDir, 'sync-credentials.json')),
    {
      serverUrl: rig.server.url,
      code: (await issueEnrollmentCode(rig.db, STORE)).code,
      caCert: rig.tls.caCert,
      deviceName: `${STORE} counter ${counterNo}`,
    },
    desk.sync!,
  );
  await desk.close();
  return dataDir;
}

async function openPc(dataDir: string, label: string, who: { name: string; pin: string }): Promise<Page> {
  const host = await startHost({ dataDir });
  rig.keep(host);
  const context = await rig.browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  rig.watch(page, label);
  await page.goto(host.launchUrl);
  await new SignIn(page).as(who.name, who.pin);
  // The first sync of an enrolled PC holds the pages back until it is in (the sync page stays open).
  await page.getByRole('link', { name: 'Spare parts' }).click();
  await page.getByRole('heading', { name: 'Spare parts' }).waitFor();
  return page;
}

/** Picks an option of an antd select and waits until the field shows it (a click can miss while the list animates). */
async function choose(page: Page, box: ReturnType<Page['getByRole']>, option: string | RegExp, search?: string) {
  const field = box.locator('xpath=ancestor::*[contains(@class, "ant-select")][1]');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await box.click();
    if (search) await box.fill(search);
    const list = await box.getAttribute('aria-controls');
    await page.locator(`[role="option"][id^="${list}"]`).filter({ hasText: option }).click();
    const shown = await field.innerText();
    if (typeof option === 'string' ? shown.includes(option) : option.test(shown)) return;
  }
  throw new Error(`the select did not take ${String(option)}`);
}

it('shows a technician’s request on the parts lead’s PC without navigating, and the sync page’s waiting count live', async () => {
  const pump = hqPart('WM-PUMP-01', 8_800);
  await addStore(rig.db, STORE, '南京西路店');
  await writeAsHq(rig.db, createHlc({ node: HQ_NODE, now: Date.now }), [pump]);
  let ticketNumber = '';
  const [technicianDir, leadDir] = await Promise.all([
    seedPc('pc-technician', 1, async (ok) => {
      await ok('staff.create', { name: '陈师傅', role: 'technician', pin: '4444' });
      const customer = await ok('customers.create', { name: '刘女士', phones: [{ number: '13912345678' }] });
      const ticket = await ok('tickets.create', {
        type: 'repair',
        customerId: customer.id,
        location: 'in_store',
        fault: '洗衣机不排水',
        condition: '外观完好',
      });
      ticketNumber = ticket.number;
    }),
    seedPc('pc-lead', 2, (ok) => ok('staff.create', { name: '杨洋', role: 'parts_lead', pin: '5555' }).then(() => {})),
  ]);
  const [technician, lead] = await Promise.all([
    openPc(technicianDir, 'technician', { name: '陈师傅', pin: '4444' }),
    openPc(leadDir, 'lead', { name: '杨洋', pin: '5555' }),
  ]);

  // The lead looks at every open requisition (not the "To sign" she starts with): none yet.
  await lead.getByRole('tab', { name: 'Requisitions', exact: true }).click();
  await choose(lead, lead.getByRole('combobox', { name: 'Show' }), 'Open');
  const list = lead.getByRole('table', { name: 'Requisition forms' });
  await list.getByText('No requisitions').waitFor();
  const leadAddress = lead.url();

  // The technician's sync page, in a second tab of his PC, records every waiting count it shows.
  const syncTab = await technician.context().newPage();
  await syncTab.goto(technician.url().replace(/#.*$/, ''));
  const sync = new SyncPage(syncTab);
  await sync.open();
  const section = syncTab.locator('section[data-pending]');
  await section.and(syncTab.locator('[data-pending="0"]')).waitFor();
  await section.evaluate((element) => {
    const seen: string[] = [element.getAttribute('data-pending') ?? ''];
    (window as unknown as { pendingSeen: string[] }).pendingSeen = seen;
    new MutationObserver(() => seen.push(element.getAttribute('data-pending') ?? '')).observe(element, {
      attributeFilter: ['data-pending'],
    });
  });

  // He asks for a pump for the repair.
  await technician.getByRole('tab', { name: 'Requisitions', exact: true }).click();
  await technician.getByRole('button', { name: 'New requisition' }).click();
  const form = technician.getByRole('dialog', { name: 'Requisition form (配件领用单)' });
  await form.getByLabel('Ticket number').fill(ticketNumber);
  await form.getByRole('button', { name: 'Find ticket' }).click();
  await form.getByText(`${ticketNumber} · 刘女士 · 洗衣机不排水`).waitFor();
  await choose(technician, form.getByRole('combobox', { name: 'Part on line 1' }), /WM-PUMP-01/, 'PUMP');
  await form.getByRole('button', { name: 'Send to the parts lead' }).click();
  const sent = technician.getByRole('dialog', { name: /^Requisition form \(配件领用单\) R-S012-1-\d{8}-0001$/ });
  await sent.getByText('Awaiting signature').waitFor();
  const title = await sent
    .getByText(/R-S012-1-\d{8}-0001/)
    .first()
    .innerText();
  const number = /R-S012-1-\d{8}-0001/.exec(title)![0];

  // His sync page showed the request waiting, then sent (two seconds after his last change), unreloaded.
  await syncTab.waitForFunction(() => {
    const seen = (window as unknown as { pendingSeen: string[] }).pendingSeen;
    return seen.some((n) => Number(n) > 0) && seen.at(-1) === '0';
  });
  expect(await sync.value('Changes waiting to be sent')).toBe('0');

  // The lead's PC syncs (as it does on its timer, or when the network comes back): her list shows
  // the request, on the same page, with her filter kept.
  await lead.evaluate(() => window.dispatchEvent(new Event('online')));
  await list.getByRole('link', { name: `Open requisition ${number}` }).waitFor({ timeout: 20_000 });
  expect(await list.getByRole('row').filter({ hasText: number }).innerText()).toMatch(/WM-PUMP-01|排水泵/);
  expect(lead.url()).toBe(leadAddress);
  await expect(
    lead
      .getByRole('combobox', { name: 'Show' })
      .locator('xpath=ancestor::*[contains(@class, "ant-select")][1]')
      .innerText(),
  ).resolves.toContain('Open');

  mkdirSync('test-results', { recursive: true });
  await lead.screenshot({ path: 'test-results/live-refresh-lead-en.png' });
  await syncTab.screenshot({ path: 'test-results/live-refresh-sync-en.png' });
  // The same screens in Chinese (the header's language choice; the pages stay where they are).
  await lead.getByLabel('Language').selectOption('zh-CN');
  await lead
    .getByRole('table', { name: '配件领用单' })
    .getByRole('link', { name: new RegExp(number) })
    .waitFor();
  await lead.screenshot({ path: 'test-results/live-refresh-lead-zh.png' });
  await syncTab.getByLabel('Language').selectOption('zh-CN');
  await syncTab.getByRole('heading', { level: 2, name: '与总部同步' }).waitFor();
  await syncTab.screenshot({ path: 'test-results/live-refresh-sync-zh.png' });

  expect(rig.problems).toEqual([]);
}, 90_000);

/**
 * README "Trying sync: head office and three counters", as a new user does it: head
 * office on an embedded PostgreSQL over HTTPS with its own CA; two counter PCs of store S012 and one
 * of S020 (three browser hosts, three SQLite files), each set up and enrolled on its "Head office
 * sync" page; records made and edited through the UI while head office is down; then head office
 * comes back and every PC converges, checked on screen and in the SQLite files.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { linkCustomerByIdOrPhone } from '../../headoffice/admin/customers';
import { addStore, listDevices } from '../../headoffice/admin/ops';
import { issueEnrollmentCode } from '../../headoffice/auth';
import { readTable } from '../support/inspect';
import { startHost, type RunningHost } from './fixtures';
import { CustomerForm, FirstRunSetup, say, SignIn } from './pages';
import { CustomerFile, headerSync, openTicketNumbers, SyncPage, syncUntil, takeComplaint } from './sync-pages';
import { useSyncRig } from './sync-rig';

type Pc = { label: string; store: string; host: RunningHost; context: BrowserContext; page: Page; file: string };

const rig = useSyncRig('sync-walk');

/** A counter PC: a browser host on its own data folder, a browser window, the store set up. */
async function startPc(
  label: string,
  store: { code: string; name: string; counterNo: number; adminName: string; pin: string },
): Promise<Pc> {
  const host = await startHost({ dataDir: join(rig.folder, label) });
  rig.keep(host);
  const context = await rig.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  rig.watch(page, label);
  await page.goto(host.launchUrl);
  await new FirstRunSetup(page).createStore(store);
  await page.getByText(`(${store.code}) · Counter ${store.counterNo}`).waitFor();
  const pc = { label, store: store.code, host, context, page, file: join(host.dataDir, 'counterdesk.sqlite') };
  return pc;
}

async function newCustomer(page: Page, name: string, phone: string): Promise<void> {
  await page.getByRole('link', { name: 'Counter', exact: true }).click();
  const form = new CustomerForm(page);
  await form.open();
  await form.fill({ name, phone });
  await form.save();
  await form.dialog().waitFor({ state: 'hidden' });
}

/** What sits in a PC's SQLite file: its customers (with remark and addresses), tickets, unsent changes. */
function onDisk(pc: Pc) {
  return {
    customers: readTable<{ name: string; notes: string; consent: number; addresses: string | null }>(
      pc.file,
      `SELECT c.name, c.notes, c.contact_consent AS consent, (SELECT group_concat(a.address, ' | ') FROM customer_address a WHERE a.customer_id = c.id) AS addresses
       FROM customer c ORDER BY c.name`,
    ),
    tickets: readTable<{ number: string }>(pc.file, 'SELECT number FROM ticket ORDER BY number').map((t) => t.number),
    unsent: readTable<{ n: number }>(
      pc.file,
      "SELECT count(*) AS n FROM change_log WHERE seq > coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'last_acked_seq'), 0)",
    )[0]!.n,
  };
}

it('two PCs of one store and one of another enroll, work while head office is down, and converge when it is back', async () => {
  // Head office: two stores and three one-time codes (`headoffice:admin -- add-store …`, `issue-code …`).
  await addStore(rig.db, 'S012', '南京西路店');
  await addStore(rig.db, 'S020', '徐家汇店');
  const [codeA1, codeA2, codeB1] = [
    (await issueEnrollmentCode(rig.db, 'S012')).code,
    (await issueEnrollmentCode(rig.db, 'S012')).code,
    (await issueEnrollmentCode(rig.db, 'S020')).code,
  ];

  const [a1, a2, b1] = await Promise.all([
    startPc('pc-a1', { code: 'S012', name: '南京西路店', counterNo: 1, adminName: '王芳', pin: '2468' }),
    startPc('pc-a2', { code: 'S012', name: '南京西路店', counterNo: 2, adminName: '李娜', pin: '1357' }),
    startPc('pc-b1', { code: 'S020', name: '徐家汇店', counterNo: 1, adminName: '陈静', pin: '8642' }),
  ]);
  // Enrollment on each PC's sync page. Without the CA head office's certificate is not trusted, and
  // the page says so; a code for the other store is refused by name; neither uses the code up.
  const url = rig.server.url;
  const syncA1 = new SyncPage(a1.page);
  await syncA1.open();
  await expect(headerSync(a1.page).innerText()).resolves.toContain('Not connected to head office');
  await syncA1.enroll({ url, code: codeA1, caCert: '', caVia: 'paste' });
  await syncA1
    .failure()
    .filter({
      hasText: 'Head office’s certificate is not trusted by this PC: add head office’s CA certificate (ca.pem) below.',
    })
    .waitFor();
  await syncA1.enroll({ url, code: codeA1, caCert: rig.tls.caCert, caVia: 'file' });
  await syncA1.waitEnrolledAs('S012');

  const syncA2 = new SyncPage(a2.page);
  await syncA2.open();
  await syncA2.enroll({ url, code: codeB1, caCert: rig.tls.caCert, caVia: 'paste' });
  await syncA2
    .failure()
    .filter({
      hasText: 'This code is for store S020, but this PC is set up as store S012: use a code issued for S012.',
    })
    .waitFor();
  await syncA2.enroll({ url, code: codeA2, caCert: rig.tls.caCert, caVia: 'paste' });
  await syncA2.waitEnrolledAs('S012');

  const syncB1 = new SyncPage(b1.page);
  await syncB1.open();
  await syncB1.enroll({ url, code: codeB1, caCert: rig.tls.caCert, caVia: 'paste' });
  await syncB1.waitEnrolledAs('S020');
  // Head office lists them (`headoffice:admin -- devices`).
  expect((await listDevices(rig.db)).map((d) => `${d.name} ${d.status}`).sort()).toEqual([
    'S012 counter 1 active',
    'S012 counter 2 active',
    'S020 counter 1 active',
  ]);

  // Online: a customer and a complaint on PC 1 of S012, a customer on S020; PC 2 of S012 gets them.
  await newCustomer(a1.page, '张伟', '13800001111');
  const ticketA = await takeComplaint(a1.page, { query: '1111', name: '张伟' }, '送货迟到两小时');
  expect(ticketA).toMatch(/^S012-1-\d{8}-0001$/);
  await newCustomer(b1.page, '赵敏', '13700003333');
  const filesA2 = new CustomerFile(a2.page);
  // PC 1 pushes 2 s after its last write: once its sync page says nothing waits, PC 2 syncs once.
  await syncUntil(a2.page, async () => (await filesA2.search('1111')).includes('张伟'), 'PC 1’s customer on PC 2', [
    a1.page,
  ]);
  expect(await openTicketNumbers(a2.page)).toEqual([ticketA]);

  // Head office goes down. Work goes on: both S012 PCs edit different fields of the same customer
  // (PC 1 the remark; PC 2 the contact consent and an address), PC 2 registers a new customer,
  // S020 takes a complaint.
  await rig.stopHeadOffice();
  const filesA1 = new CustomerFile(a1.page);
  await filesA1.edit('1111', '张伟', (dialog) => dialog.getByLabel('Remark').fill('周末上午在家'));
  await filesA2.edit('1111', '张伟', async (dialog) => {
    await dialog.getByRole('checkbox', { name: 'Agrees to be contacted' }).check();
    await dialog.getByRole('button', { name: 'Add address' }).click();
    await dialog.getByRole('textbox', { name: 'Address 1' }).fill('上海市黄浦区南京东路 1 号');
  });
  await newCustomer(a2.page, '孙丽', '13600004444');
  const ticketB = await takeComplaint(b1.page, { query: '3333', name: '赵敏' }, '安装师傅态度差');
  expect(ticketB).toMatch(/^S020-1-\d{8}-0001$/);
  // The header says head office is unreachable and how much waits; the file keeps it all.
  for (const pc of [a1, a2, b1]) {
    await expect
      .poll(() => headerSync(pc.page).innerText(), { timeout: 15_000 })
      .toMatch(/Head office unreachable: retrying\s+\d+ waiting/);
    expect(onDisk(pc).unsent).toBeGreaterThan(0);
  }

  // Head office is back on the same address: "Sync now" on each PC, and the edits meet.
  await rig.startHeadOfficeAgain();
  await Promise.all(
    [a1, a2, b1].map(async (pc) => {
      const sync = new SyncPage(pc.page);
      await sync.open();
      await sync.syncNow();
    }),
  );
  const bothEdits = async (files: CustomerFile) => {
    const text = await (await files.open('1111', '张伟')).innerText();
    return ['周末上午在家', 'Agrees to be contacted', '上海市黄浦区南京东路 1 号'].every((shown) =>
      text.includes(shown),
    );
  };
  await syncUntil(
    a1.page,
    async () => (await filesA1.search('4444')).includes('孙丽') && (await bothEdits(filesA1)),
    'PC 2’s offline work on PC 1',
    [a2.page],
  );
  await syncUntil(a2.page, () => bothEdits(filesA2), 'PC 1’s offline remark on PC 2', [a1.page]);
  await syncUntil(
    b1.page,
    async () => (await syncB1.value('Changes waiting to be sent')) === '0',
    'S020’s offline complaint at head office',
  );

  // Nothing waits, nothing was refused, no problem is left; the header is back to "Synced".
  for (const pc of [a1, a2, b1]) {
    const sync = new SyncPage(pc.page);
    await sync.open();
    await sync.expectAllSent();
    await expect.poll(() => headerSync(pc.page).innerText(), { timeout: 10_000 }).toMatch(/^Synced /);
  }
  // S020 sees only its own customer and ticket.
  const filesB1 = new CustomerFile(b1.page);
  expect(await filesB1.search('1111')).toEqual([]);
  expect(await filesB1.search('4444')).toEqual([]);
  await expect.poll(() => openTicketNumbers(b1.page), { timeout: 10_000 }).toEqual([ticketB]);
  await expect.poll(() => openTicketNumbers(a1.page), { timeout: 10_000 }).toEqual([ticketA]);

  // The SQLite files agree: S012's two PCs hold the same customers, merged field by field.
  const zhangWei = { name: '张伟', notes: '周末上午在家', consent: 1, addresses: '上海市黄浦区南京东路 1 号' };
  for (const pc of [a1, a2]) {
    expect(onDisk(pc)).toEqual({
      customers: [{ name: '孙丽', notes: '', consent: 0, addresses: null }, zhangWei],
      tickets: [ticketA],
      unsent: 0,
    });
  }
  expect(onDisk(b1)).toEqual({
    customers: [{ name: '赵敏', notes: '', consent: 0, addresses: null }],
    tickets: [ticketB],
    unsent: 0,
  });

  // Head office links 张伟 to S020 by his phone (`headoffice:admin -- link-customer 13800001111 S020`):
  // S020 gets the customer file, merged fields and all, but not S012's ticket.
  const [{ id }] = readTable<{ id: string }>(a1.file, "SELECT id FROM customer WHERE name = '张伟'") as [
    { id: string },
  ];
  expect(await linkCustomerByIdOrPhone(rig.db, '13800001111', 'S020')).toBe(
    `Customer 张伟 (${id}) now reaches store S020`,
  );
  await syncUntil(b1.page, async () => (await filesB1.search('1111')).includes('张伟'), 'the linked customer on S020');
  expect(onDisk(b1).customers).toEqual([zhangWei, { name: '赵敏', notes: '', consent: 0, addresses: null }]);
  expect(onDisk(b1).tickets).toEqual([ticketB]);

  // Counter 1's admin is on counter 2's sign-in list without a PIN there: her PIN from counter 1 is
  // not "wrong", the page says an admin must set one here; counter 2's own admin still signs in.
  await a2.page.getByRole('button', { name: say('lock', 'en') }).click();
  await new SignIn(a2.page).as('王芳', '2468');
  await a2.page
    .getByText('No PIN is set for this person on this PC yet: an admin must set it on the Staff page here')
    .waitFor();
  await new SignIn(a2.page).as('李娜', '1357');
  await new SyncPage(a2.page).open();

  // S020's PC is told to take head office's records again (a reset) while head office is away: it
  // says so above its pages, the counter keeps working, and the notice goes once the records are in.
  await rig.stopHeadOffice();
  const raw = new Database(b1.file);
  raw.prepare("DELETE FROM sync_state WHERE key = 'pull_cursor'").run();
  raw.close();
  // A database changed behind the app's back shows at the next sync round (the page re-reads on
  // sync's events, not on a fast poll); the network coming back starts one at once.
  await b1.page.evaluate(() => window.dispatchEvent(new Event('online')));
  const resync = b1.page.getByRole('status').filter({ hasText: 'Head office is sending this store’s records again' });
  await resync.waitFor({ timeout: 15_000 });
  expect(await filesB1.search('3333')).toEqual(['赵敏']);
  await rig.startHeadOfficeAgain();
  await syncUntil(b1.page, async () => (await resync.count()) === 0, 'the end of the re-sync on S020');
  expect(onDisk(b1).customers).toEqual([zhangWei, { name: '赵敏', notes: '', consent: 0, addresses: null }]);

  expect(rig.problems).toEqual([]);
}, 120_000);

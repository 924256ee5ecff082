/**
 * Service tickets end to end, as a new store would use them (docs/DOMAIN.md §2–§6): a complaint taken at the
 * counter, worked through its workflow, a follow-up call rated 2 that sends it back to the
 * manager, then resolved and archived; a repair scheduled, done on site and signed for.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, estimateCanonicalJson, type EstimatesView } from '../../db/api';
import { readTable } from '../support/inspect';
import { openCounter, type Counter } from './fixtures';
import { chooseOption, CustomerForm, FirstRunSetup } from './pages';
import { FollowUpCall, signOnPad, TicketIntake, TicketSteps } from './tickets-pages';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** Price the job and record the customer's approval by phone, through the desk as the signed-in person. */
async function approveByPhone(page: Page, ticketId: string, customerName: string): Promise<void> {
  const call = (method: string, input: unknown) =>
    page.evaluate(
      async ([m, i]) => {
        const response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({ method: m, input: i }),
        });
        const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
        if (!body.ok) throw new Error(`${m} failed: ${JSON.stringify(body.error)}`);
        return body.value;
      },
      [method, input] as const,
    );
  const { today } = (await call('tickets.estimates', { ticketId })) as EstimatesView;
  const saved = (await call('tickets.estimateSave', {
    ticketId,
    estimateId: null,
    validUntil: addDays(today, 7),
    lines: [{ kind: 'labour', description: '上门检修', quantity: 1, unitPriceFen: 8000 }],
  })) as EstimatesView;
  const estimate = saved.versions[0]!;
  await call('tickets.estimateDecide', {
    estimateId: estimate.id,
    decision: 'approved',
    method: 'phone',
    customerName,
    estimateHash: createHash('sha256').update(estimateCanonicalJson(estimate), 'utf8').digest('hex'),
  });
}

const dbFile = (c: Counter) => join(c.host.dataDir, 'counterdesk.sqlite');
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/**
 * A zone where it is now around noon, so "today" and "tomorrow" cannot change during a test,
 * whatever time CI runs at; `offsetHours` is that zone's lead on UTC.
 */
function noonZone(): { zone: string; offsetHours: number } {
  const offsetHours = 12 - new Date().getUTCHours();
  return {
    zone: offsetHours === 0 ? 'Etc/GMT' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`,
    offsetHours,
  };
}

async function setStoreZone(c: Counter, zone: string): Promise<void> {
  await c.page.getByRole('link', { name: 'Service standards' }).click();
  await c.page.getByLabel('Time zone').fill(zone);
  await c.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => readTable(dbFile(c), 'SELECT time_zone FROM ticket_settings')).toEqual([{ time_zone: zone }]);
}

async function newStoreWithCustomer({ timezoneId }: { timezoneId?: string } = {}): Promise<Counter> {
  const c = await openCounter({ locale: 'en-US', ...(timezoneId ? { timezoneId } : {}) });
  await new FirstRunSetup(c.page).createStore({
    code: 'S012',
    name: 'Nanjing Road',
    counterNo: 2,
    adminName: 'Wang Fang',
    pin: '2468',
  });
  await c.page.getByText('(S012)').waitFor();
  const form = new CustomerForm(c.page);
  await form.open();
  await form.fill({ name: '刘女士', phone: '13912345678' });
  await form.save();
  await form.dialog().waitFor({ state: 'hidden' });
  return c;
}

describe('tickets', () => {
  it('takes a complaint, works it through, reopens it on a rating of 2, then resolves and archives it', async () => {
    counter = await newStoreWithCustomer();
    const { page } = counter;

    const intake = new TicketIntake(page);
    await intake.start('Complaint', '5678', '刘女士');
    await intake.choose('Category', 'Service attitude');
    await page.getByLabel('What happened').fill('安装师傅迟到两小时，态度恶劣');
    await page.getByLabel('What the customer wants').fill('道歉并重新安排安装');
    // Whom it is about, apart from who will handle it.
    await intake.choose('Complaint is about', 'Department: Installation');
    const aboutField = page.locator('.ant-select', { has: page.getByLabel('Complaint is about', { exact: true }) });
    await expect.poll(() => aboutField.innerText()).toContain('Installation');
    const number = await intake.submit();
    expect(number).toMatch(/^S012-2-\d{8}-0001$/);

    const steps = new TicketSteps(page);
    await steps.waitForStatus('Recorded');
    await page.getByRole('region', { name: 'Intake' }).getByText('Department: Installation').waitFor();
    // The counter answers the customer at once: the 15-minute clock stops, nobody is assigned yet.
    await steps.take('First reply given', (dialog) =>
      dialog.getByLabel('What the customer was told').fill('已致歉，今天内安排专人回电'),
    );
    const clocks = page.getByRole('region', { name: 'Time limits' });
    await clocks.getByText('met', { exact: true }).waitFor();
    await clocks.getByText('Target 24 h (calendar)', { exact: false }).waitFor();
    await steps.waitForStatus('Recorded');
    // Evidence: a photo of the delivery note, from a file.
    await page.getByLabel('Caption').fill('送货单');
    await page
      .getByLabel('Add a photo from a file')
      .setInputFiles({ name: 'note.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1x1, 'base64') });
    await page.getByRole('region', { name: 'Photos' }).getByText('送货单').waitFor();
    await steps.take('Assign', (dialog) => steps.pick(dialog, 'Responsible person', /^Wang Fang/));
    await steps.waitForStatus('Assigned');
    await steps.take('Start investigation', (dialog) => dialog.getByLabel('Note').fill('已致电顾客，调取安装记录'));
    await steps.waitForStatus('Investigating');
    await steps.take('Record findings and solution', async (dialog) => {
      await dialog.getByLabel('Findings').fill('安装师傅迟到属实');
      await dialog.getByLabel('Solution').fill('书面道歉，明日上午重新安装');
    });
    await steps.waitForStatus('Solution proposed');
    await steps.take('Customer informed: accepts');
    await steps.waitForStatus('Follow-up due');

    // The satisfaction survey call, from the follow-up list: rated 2, back to the manager.
    await new FollowUpCall(page).record(number, { rating: 2, solved: true, comments: '对态度仍不满意' });
    await page.getByRole('table', { name: 'Follow-ups' }).getByText('No tickets in this queue').waitFor();
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    // This store has no after-sales manager: the complaint waits in the admin's queue.
    await page.getByRole('tab', { name: 'For the manager' }).click();
    await page.getByRole('table', { name: 'Ticket list' }).getByRole('link', { name: number }).click();
    await steps.waitForStatus('Reopened: with the manager');
    await page.getByText('Waiting for the admin: this store has no after-sales manager').first().waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Follow-up: back to the manager').waitFor();
    await timeline.getByText('The admin: this store has no after-sales manager').waitFor();

    await steps.take('Resolve', (dialog) => dialog.getByLabel('Result').fill('经理致歉并赠送清洗服务，顾客满意'));
    await steps.waitForStatus('Resolved');
    await steps.take('Archive');
    await steps.waitForStatus('Archived');
    await page.getByText('No step is open to you on this ticket now.').waitFor();

    const events = readTable<{ action: string }>(dbFile(counter), 'SELECT action FROM ticket_event ORDER BY hlc');
    expect(events.map((e) => e.action)).toEqual([
      'create',
      'first_reply',
      'attach',
      'assign',
      'start_investigation',
      'propose_solution',
      'inform_customer',
      'follow_up_reopen',
      'resolve',
      'archive',
    ]);
  });

  it('takes a repair, schedules it, and completes it on site with the customer’s signature', async () => {
    // The browser and the store in one zone where it is noon, so "tomorrow" means the same to both.
    const { zone, offsetHours } = noonZone();
    counter = await newStoreWithCustomer({ timezoneId: zone });
    const { page } = counter;
    await setStoreZone(counter, zone);

    // A technician to schedule.
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('button', { name: 'Add staff' }).click();
    const staff = page.getByRole('dialog');
    await staff.getByLabel('Name', { exact: true }).fill('Chen');
    await chooseOption(page, staff.getByLabel('Role'), 'Technician');
    await staff.getByLabel('PIN', { exact: true }).fill('4444');
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff.waitFor({ state: 'hidden' });

    const intake = new TicketIntake(page);
    await intake.start('Repair', '刘', '刘女士');
    await page.getByRole('radiogroup', { name: 'Where' }).getByText('On site', { exact: true }).click();
    await page.getByLabel('Address').fill('上海市静安区南京西路 1266 号 12 楼');
    await page.getByLabel('Model').fill('KFR-35GW');
    await page.getByLabel('Fault').fill('空调制热时外机噪音大');
    const number = await intake.submit();

    const steps = new TicketSteps(page);
    await steps.waitForStatus('Received');
    const ymd = new Date(Date.now() + (offsetHours + 24) * 3600_000).toISOString().slice(0, 10);
    await steps.take('Schedule a technician', async (dialog) => {
      await steps.pick(dialog, 'Technician', 'Chen');
      await dialog.getByLabel('Planned date').fill(ymd);
      // Leaving a date picker keeps the typed date and closes its calendar.
      await dialog.getByLabel('Planned date').press('Tab');
    });
    await steps.waitForStatus('Scheduled');
    await steps.take('Set appointment', async (dialog) => {
      await dialog.getByLabel('Appointment').fill(`${ymd} 14:30`);
      await dialog.getByLabel('Appointment').press('Tab');
    });
    await steps.waitForStatus('Appointment set');

    // The repair lead's board shows the job in Chen's lane with his load, and tomorrow's appointment.
    await page.getByRole('link', { name: 'Repair board' }).click();
    const lane = page.getByRole('region', { name: 'Chen: 1 open' });
    await lane.getByRole('link', { name: number }).waitFor();
    await lane.getByText('1 open · 0 today · 0 h booked').waitFor();
    const calendar = page.getByRole('region', { name: 'Appointments' });
    await calendar.getByRole('button', { name: 'Next' }).click();
    await calendar.getByRole('link', { name: `14:30 ${number} · 刘女士` }).click();

    // Out of warranty: the customer approves the price by phone before the visit starts the work.
    await approveByPhone(page, new URL(page.url()).hash.replace('#/tickets/', ''), '刘女士');
    await page.getByText('The customer has agreed the price: the work may start.').waitFor();
    await steps.take('Arrived on site');
    await steps.waitForStatus('Being repaired');
    await page
      .getByRole('region', { name: 'Next steps' })
      .getByRole('button', { name: 'Complete with signature' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Complete the repair' });
    await dialog.getByLabel('Work done').fill('紧固外机风扇叶片，清洁滤网');
    await dialog.getByLabel('Result').fill('制热正常，噪音消除，已演示');
    // Without a signature the form is refused and nothing is stored.
    await dialog.getByRole('button', { name: 'Complete with signature' }).click();
    await dialog.getByRole('alert').getByText('The customer must sign on the pad').waitFor();
    await signOnPad(page);
    await dialog.getByText('Signed', { exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Complete with signature' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await steps.waitForStatus('Follow-up due');
    const signatures = page.getByRole('region', { name: 'Signatures' });
    await signatures.getByRole('img', { name: 'Customer’s signature: 刘女士' }).waitFor();
    await signatures.getByText('The form as signed matches the ticket').waitFor();

    const [signature] = readTable<{ form_json: string; form_hash: string; strokes: string }>(
      dbFile(counter),
      'SELECT form_json, form_hash, strokes FROM ticket_signature',
    );
    expect(createHash('sha256').update(signature!.form_json, 'utf8').digest('hex')).toBe(signature!.form_hash);
    expect(JSON.parse(signature!.form_json)).toMatchObject({
      ticketNumber: number,
      technician: 'Chen',
      workDone: '紧固外机风扇叶片，清洁滤网',
      signedBy: '刘女士',
    });
    expect((JSON.parse(signature!.strokes) as unknown[]).length).toBe(2);

    // Corrected after signing: the signature no longer matches, and the page says what changed.
    await page.getByRole('button', { name: 'Correct the intake' }).click();
    const edit = page.getByRole('dialog', { name: 'Correct the intake details' });
    await edit.getByLabel('Fault').fill('空调制热时外机噪音大，外机滴水');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await signatures.getByText('Fault: “空调制热时外机噪音大” → “空调制热时外机噪音大，外机滴水”').waitFor();
    await signatures.getByRole('alert').getByText('Changed after signing').waitFor();
    await signatures.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/signed-changed-en.png' });
    // The customer reads the current form and signs it again; the new signature matches.
    await signatures.getByRole('button', { name: 'Customer signs again' }).click();
    const again = page.getByRole('dialog', { name: 'The customer signs the current service form' });
    await again.getByText('空调制热时外机噪音大，外机滴水').waitFor();
    await again.getByText(/Form fingerprint \(SHA-256\): [0-9a-f]{16}/).waitFor();
    await signOnPad(page);
    await again.getByText('Signed', { exact: true }).waitFor();
    await again.getByRole('button', { name: 'Customer signs again' }).click();
    await again.waitFor({ state: 'hidden' });
    await signatures.getByText('The form as signed matches the ticket').waitFor();
    expect(readTable(dbFile(counter), 'SELECT id FROM ticket_signature')).toHaveLength(2);
    // The walk from intake to a second signature takes longer than one page's default under load.
  }, 120_000);

  it('shows at the counter what falls due today: a reply promised to a customer, until it is kept', async () => {
    counter = await newStoreWithCustomer();
    const { page } = counter;
    await setStoreZone(counter, noonZone().zone);

    const intake = new TicketIntake(page);
    await intake.start('Consultation', '5678', '刘女士');
    await page.getByLabel('Question').fill('能否以旧换新？');
    const inHalfAnHour = new Date(Date.now() + 30 * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${inHalfAnHour.getFullYear()}-${pad(inHalfAnHour.getMonth() + 1)}-${pad(inHalfAnHour.getDate())}T${pad(inHalfAnHour.getHours())}:${pad(inHalfAnHour.getMinutes())}`;
    await page.getByLabel('Promised reply time').fill(local.replace('T', ' '));
    await page.getByLabel('Promised reply time').press('Tab');
    const number = await intake.submit();
    await new TicketSteps(page).waitForStatus('Reply promised');

    await page.getByRole('link', { name: 'Counter', exact: true }).click();
    const due = page.getByRole('region', { name: 'Breached and due today' });
    await due.getByRole('region', { name: 'Due today' }).getByRole('link', { name: number }).waitFor();

    // Kept: answered from the follow-up list, and the counter has nothing due.
    await page.getByRole('link', { name: 'Follow-ups' }).click();
    await page.getByRole('button', { name: `Answer now ${number}` }).click();
    await new TicketSteps(page).take('Answer', (dialog) =>
      dialog.getByLabel('Answer given').fill('可以，旧机折价 300 元'),
    );
    await new TicketSteps(page).waitForStatus('Answered');
    await page.getByRole('link', { name: 'Counter', exact: true }).click();
    await due.getByText('Nothing breached or due today').waitFor();
  });
});

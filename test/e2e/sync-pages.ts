/**
 * Page models of sync with head office (docs/STYLE.md §15): enrolling a PC on the "Head office sync"
 * page, reading its status there and in the header, "Sync now", and the customer-file edits the
 * walk-through makes on several PCs. Controls are found by role and accessible name, in English.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TicketIntake } from './tickets-pages';

/** Head office's address, a one-time code and (as a user would get it) the CA certificate's PEM text. */
export type Enrollment = { url: string; code: string; caCert: string; caVia: 'paste' | 'file' };

export class SyncPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: 'Head office sync' }).click();
    await this.page.getByRole('heading', { level: 2, name: 'Sync with head office' }).waitFor();
  }

  async enroll({ url, code, caCert, caVia }: Enrollment): Promise<void> {
    const p = this.page;
    await p.getByRole('heading', { name: 'Enroll this PC' }).waitFor();
    await p.getByLabel('Head office address').fill(url);
    await p.getByLabel('Enrollment code').fill(code);
    const ca = p.getByLabel('CA certificate to trust (optional)');
    if (caVia === 'paste') await ca.fill(caCert);
    else {
      await p
        .getByLabel('Load the CA certificate from a file')
        .setInputFiles({ name: 'ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(caCert, 'utf8') });
      await expect.poll(() => ca.inputValue()).toBe(caCert);
    }
    await p.getByRole('button', { name: 'Enroll' }).click();
  }

  /** The enrollment's failure, as the page shows it. */
  failure(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Enrollment failed' });
  }

  /** A value of the status table, e.g. `value('Changes waiting to be sent')`. */
  async value(label: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ has: this.page.getByText(label, { exact: true }) });
    return (await row.innerText()).replace(label, '').trim();
  }

  async waitEnrolledAs(storeCode: string): Promise<void> {
    try {
      await expect.poll(() => this.value('Store'), { timeout: 15_000 }).toBe(storeCode);
    } catch (error) {
      // Say why: a refused enrollment shows its reason on the page.
      const shown = await this.page
        .getByRole('main')
        .innerText()
        .catch(() => '');
      throw new Error(`the PC did not enroll as ${storeCode}: ${shown.replace(/\s+/g, ' ')}`, { cause: error });
    }
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
  }

  /**
   * "Sync now", and wait until that sync has ended: the page re-reads its status when sync
   * announces it (sync.changed), and shows the new last sync time. Waits first for a sync already
   * running to end, so the one waited for started after the click.
   */
  async syncOnce(): Promise<void> {
    const idle = 'section[data-sync-state]:not([data-sync-state="syncing"])';
    await this.page.locator(idle).waitFor();
    const before = (await this.page.locator(idle).getAttribute('data-last-sync')) ?? '';
    await this.syncNow();
    await this.page.locator(`${idle}:not([data-last-sync="${before}"])`).waitFor({ timeout: 20_000 });
  }

  /** Nothing waiting, nothing refused, no problem left: this PC has given head office everything. */
  async expectAllSent(): Promise<void> {
    // Read as the page updates itself: the counts drop when a push is acknowledged, and the last
    // problem goes when the whole sync round has ended well.
    await expect
      .poll(
        async () => [
          await this.value('Changes waiting to be sent'),
          await this.value('Changes head office refused'),
          await this.page.getByRole('row').filter({ hasText: 'Last problem' }).count(),
        ],
        { timeout: 20_000 },
      )
      .toEqual(['0', '0', 0]);
  }
}

/** The sync item of the header (a link to the sync page with the live status). */
export function headerSync(page: Page): Locator {
  return page.getByRole('status', { name: 'Sync with head office' });
}

/**
 * Sync the way a person at the counter would when waiting for a colleague's work: once the
 * colleagues' PCs (`senders`) say on their sync pages that nothing waits to be sent, press
 * "Sync now" once, wait for that sync to end, and look. No retries and no fixed waits: each step
 * waits for what the page shows, which it updates by itself when sync announces a change.
 */
export async function syncUntil(page: Page, arrived: () => Promise<boolean>, what: string, senders: Page[] = []) {
  for (const sender of senders) {
    const sending = new SyncPage(sender);
    await sending.open();
    await sending.expectAllSent();
  }
  const sync = new SyncPage(page);
  await sync.open();
  await sync.syncOnce();
  if (!(await arrived())) throw new Error(`${what} did not arrive with the first sync after it was sent`);
}

export class CustomerFile {
  constructor(private readonly page: Page) {}

  /** The counter's search for `query`: the names of the customers found (an empty list when nothing matches). */
  async search(query: string): Promise<string[]> {
    const p = this.page;
    const box = p.getByRole('combobox', { name: 'Search customers' });
    if (!(await box.isVisible())) await p.getByRole('link', { name: 'Counter', exact: true }).click();
    const list = p.getByRole('listbox', { name: 'Customers found' });
    const nothing = p.getByText('Nothing matches', { exact: true });
    // Clear first, so the answer read below is this query's and not the last one's.
    await box.fill('');
    await list.waitFor({ state: 'hidden' });
    await nothing.waitFor({ state: 'hidden' });
    await box.fill(query);
    await p.locator('[role="listbox"][aria-busy="false"]:not([hidden])').or(nothing).first().waitFor();
    const options = await list.getByRole('group', { name: 'Customers' }).getByRole('option').allInnerTexts();
    return options.map((text) => text.split('\n')[0]!.trim());
  }

  async open(query: string, name: string): Promise<Locator> {
    const found = await this.search(query);
    if (!found.includes(name)) throw new Error(`searching "${query}" found ${JSON.stringify(found)}, not ${name}`);
    await this.page.getByRole('combobox', { name: 'Search customers' }).press('Enter');
    const file = this.page.getByRole('region', { name });
    await file.waitFor();
    return file;
  }

  /** Opens the customer, changes fields in the Edit dialog, saves and waits for it to close. */
  async edit(query: string, name: string, change: (dialog: Locator) => Promise<void>): Promise<void> {
    const file = await this.open(query, name);
    await file.getByRole('button', { name: 'Edit' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit customer' });
    await change(dialog);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/** A complaint taken at the counter; returns its number (e.g. S020-1-20261123-0001). */
export async function takeComplaint(
  page: Page,
  customer: { query: string; name: string },
  what: string,
): Promise<string> {
  const intake = new TicketIntake(page);
  await intake.start('Complaint', customer.query, customer.name);
  await intake.choose('Category', 'Service attitude');
  await page.getByLabel('What happened').fill(what);
  await page.getByLabel('What the customer wants').fill('道歉');
  await page.getByRole('button', { name: 'Take the ticket' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^S\d+-\d+-\d{8}-\d{4}$/ });
  await heading.waitFor();
  return heading.innerText();
}

/** The ticket numbers in the "All open" list. */
export async function openTicketNumbers(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  const table = page.getByRole('table', { name: 'Ticket list' });
  await table.getByRole('link').or(table.getByText('No tickets in this queue')).first().waitFor();
  // While the queue loads, antd shows its empty text under the spinner: read once it is gone.
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'hidden' });
  return table.getByRole('link', { name: /^S\d+-/ }).allInnerTexts();
}

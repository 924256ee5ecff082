/**
 * Page models of the ticket workflows (docs/STYLE.md §15): taking a ticket, taking a step of its
 * workflow, the follow-up call, the customer's signature. Controls are found by role and name.
 */
import type { Page } from 'playwright-core';
import { chooseOption } from './pages';

export class TicketIntake {
  constructor(private readonly page: Page) {}
  async start(
    type: 'Consultation' | 'Complaint' | 'After-sales request' | 'Repair' | 'Feedback / suggestion',
    customerQuery: string,
    customerName: string,
  ): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: 'Tickets', exact: true }).click();
    await p.getByRole('button', { name: 'New ticket' }).click();
    await p.getByRole('radiogroup', { name: 'Ticket type' }).getByText(type, { exact: true }).click();
    await p.getByLabel('Find the customer').fill(customerQuery);
    await p.getByRole('button', { name: customerName }).click();
  }
  async choose(label: string, option: string): Promise<void> {
    await chooseOption(this.page, this.page.getByLabel(label, { exact: true }), option);
  }
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Take the ticket' }).click();
    const heading = this.page.getByRole('heading', { level: 2, name: /^S012-/ });
    await heading.waitFor();
    return heading.innerText();
  }
}

export class TicketSteps {
  constructor(private readonly page: Page) {}
  status() {
    return this.page.getByTestId('ticket-status');
  }
  async waitForStatus(status: string): Promise<void> {
    await this.page.getByTestId('ticket-status').getByText(status, { exact: true }).waitFor();
  }
  /** Open a step's dialog, let `fill` answer its fields, confirm, and wait for it to close. */
  async take(
    step: string,
    fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
  ): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Next steps' })
      .getByRole('button', { name: step, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: step });
    // antd zooms a dialog in: a click while it is still scaling can land beside the button.
    await dialog.and(this.page.locator('.ant-modal:not(.ant-zoom-appear)')).waitFor();
    await fill(dialog);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    } catch (error) {
      // Say why: a refused step shows its reason in the dialog.
      const shown = await dialog.innerText();
      throw new Error(`"${step}" did not go through: ${shown.replace(/\s+/g, ' ')}`, { cause: error });
    }
  }
  async pick(dialog: ReturnType<Page['getByRole']>, label: string, option: string | RegExp): Promise<void> {
    await chooseOption(this.page, dialog.getByLabel(label, { exact: true }), option, { exact: false });
  }
}

export class FollowUpCall {
  constructor(private readonly page: Page) {}
  async record(number: string, outcome: { rating: number; solved: boolean; comments: string }): Promise<void> {
    const p = this.page;
    await p.getByRole('link', { name: 'Follow-ups' }).click();
    await p.getByRole('button', { name: `Record the call ${number}` }).click();
    const dialog = p.getByRole('dialog', { name: `Follow-up call: ${number}` });
    await dialog
      .getByRole('radiogroup', { name: 'Rating of the service (1–5)' })
      .getByText(String(outcome.rating), { exact: true })
      .click();
    await dialog
      .getByRole('radiogroup', { name: 'Is the problem solved?' })
      .getByText(outcome.solved ? 'Solved' : 'Not solved', { exact: true })
      .click();
    await dialog.getByLabel('Comments').fill(outcome.comments);
    await dialog.getByRole('button', { name: 'Record the call' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/** The customer signs with the mouse: pointer events, as a finger or pen would send them. */
export async function signOnPad(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: /Signature pad/ });
  // Below the form the customer reads, the pad may start out of view: the mouse signs only what is shown.
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const strokes: Array<Array<[number, number]>> = [
    [
      [0.1, 0.6],
      [0.2, 0.3],
      [0.3, 0.7],
      [0.4, 0.35],
      [0.5, 0.65],
    ],
    [
      [0.55, 0.5],
      [0.65, 0.4],
      [0.75, 0.55],
      [0.85, 0.45],
    ],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 4 });
    await page.mouse.up();
  }
}

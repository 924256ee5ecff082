/**
 * A standalone store edits its 三包 terms (db/customers/categories.ts), and a window that ends on a
 * public holiday runs on to the next working day (db/tickets/warranty-status.ts legalLastDay).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DayKind } from '../../db/tickets/calendar';
import { legalLastDay, warrantyView } from '../../db/tickets/warranty-status';
import { changeLog, count } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk } from './tickets-fixture';

// National Day 2026 as the region data has it: 10-01 to 10-07 closed, Sunday 09-20 and Saturday
// 10-10 make-up working days.
const NATIONAL_DAY = new Map<string, DayKind>([
  ['2026-09-20', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d): [string, DayKind] => [`2026-10-${d}`, 'closed']),
  ['2026-10-10', 'workday'],
]);
const rules = { returnDays: 7, exchangeDays: 15, warrantyMonths: 12 };

describe('a window ending on a public holiday', () => {
  it('ends on the first working day after the holiday: 2026-10-01 → 2026-10-08', () => {
    expect(legalLastDay('2026-10-01', NATIONAL_DAY)).toBe('2026-10-08');
    expect(legalLastDay('2026-10-07', NATIONAL_DAY)).toBe('2026-10-08');
    // The day before the holiday and the day after it are working days: unchanged.
    expect(legalLastDay('2026-09-30', NATIONAL_DAY)).toBe('2026-09-30');
    expect(legalLastDay('2026-10-08', NATIONAL_DAY)).toBe('2026-10-08');
    // An ordinary weekend is not a holiday: the counter is open on it.
    expect(legalLastDay('2026-10-17', NATIONAL_DAY)).toBe('2026-10-17');
    expect(legalLastDay('2026-10-01', undefined)).toBe('2026-10-01');
  });

  it('runs onto a make-up working day when that comes first, and past a weekend when it does not', () => {
    // A one-day holiday on a Friday with the Saturday made up: the Saturday is the last day.
    const friday = new Map<string, DayKind>([
      ['2027-01-01', 'closed'],
      ['2027-01-02', 'workday'],
    ]);
    expect(legalLastDay('2027-01-01', friday)).toBe('2027-01-02');
    // Without the make-up day the weekend follows the holiday: Monday.
    expect(legalLastDay('2027-01-01', new Map([['2027-01-01', 'closed']]))).toBe('2027-01-04');
    // A make-up working day is itself a working day: a window ending on it stays.
    expect(legalLastDay('2026-10-10', NATIONAL_DAY)).toBe('2026-10-10');
  });

  it('moves the return window bought 2026-09-24 (7 days → 10-01) to 10-08, with its boundary days', () => {
    const view = (on: string) =>
      warrantyView({ purchaseDate: '2026-09-24', warrantyEnd: null, rules, calendarDays: NATIONAL_DAY }, on);
    expect(view('2026-10-01')).toMatchObject({ status: 'return_window', returnUntil: '2026-10-08', daysLeft: 7 });
    expect(view('2026-10-08')).toMatchObject({ status: 'return_window', daysLeft: 0 });
    // The exchange window (15 days → 10-09, a working Friday) is unchanged.
    expect(view('2026-10-09')).toMatchObject({ status: 'exchange_window', exchangeUntil: '2026-10-09', daysLeft: 0 });
    expect(view('2026-10-10').status).toBe('in_warranty');
    // Without the calendar the window ends on the holiday itself, as before.
    expect(warrantyView({ purchaseDate: '2026-09-24', warrantyEnd: null, rules }, '2026-10-02').status).toBe(
      'exchange_window',
    );
  });

  it('moves a warranty end on a holiday too: bought 2025-10-01 with 12 months is covered through 2026-10-08', () => {
    const view = warrantyView(
      { purchaseDate: '2025-10-01', warrantyEnd: null, rules, calendarDays: NATIONAL_DAY },
      '2026-10-08',
    );
    expect(view).toMatchObject({ status: 'in_warranty', warrantyEnd: '2026-10-08', daysLeft: 0 });
  });
});

const fridge = {
  code: 'fridge',
  nameZh: '冰箱',
  nameEn: 'Refrigerator',
  returnDays: 30,
  exchangeDays: 45,
  warrantyMonths: 12,
  mainPartsMonths: 36,
};

async function fridgeRequest(d: TicketDesk, purchaseDate: string) {
  const customer = await d.customer('钱女士');
  const product = await d.ok('admin', 'customers.addProduct', {
    customerId: customer.id,
    category: 'fridge',
    brand: '海尔',
    model: 'BCD-470',
    purchaseDate,
  });
  return d.ok('counter', 'tickets.create', {
    type: 'aftersales',
    customerId: customer.id,
    productId: product.id,
    channel: 'in_store',
    receiptNo: 'NO.20261025-1',
    purchaseDate,
    model: 'BCD-470',
    serial: 'SN1',
    fault: '不制冷',
    wants: 'refund',
  });
}

describe('a standalone store’s category terms', () => {
  it('are edited by the admin and change the window the after-sales plan is judged by', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const before = await fridgeRequest(d, '2026-10-25');
    expect(before.sanbao).toMatchObject({ status: 'in_warranty' });
    const terms = await d.ok('admin', 'customers.saveCategory', fridge);
    expect(terms.owner).toBe('store');
    expect(terms.categories.find((c) => c.code === 'fridge')).toMatchObject({ returnDays: 30, exchangeDays: 45 });
    expect(changeLog(d.file).at(-1)).toMatchObject({ entity: 'product_category', entityId: 'fridge', op: 'update' });
    const after = await d.ok('counter', 'tickets.get', { id: before.id });
    expect(after.sanbao).toMatchObject({ status: 'return_window', returnUntil: '2026-11-24', daysLeft: 1 });
    // The plan check reads the same terms: a lead may now decide the refund.
    const verified = await d.ok('counter', 'tickets.act', {
      ticketId: after.id,
      version: after.version,
      step: { action: 'verify', findings: '故障复现' },
    });
    const decided = await d.ok('cs_lead', 'tickets.act', {
      ticketId: verified.id,
      version: verified.version,
      step: { action: 'decide_plan', plan: 'refund', details: '按三包处理' },
    });
    expect(decided.status).not.toBe('verified');
    // A new category is added at the end of the list.
    const added = await d.ok('admin', 'customers.saveCategory', {
      ...fridge,
      code: 'ebike',
      nameZh: '电动自行车',
      nameEn: 'E-bike',
    });
    expect(added.categories.at(-1)).toMatchObject({ code: 'ebike', returnDays: 30 });
  });

  it('are refused to anyone without store.manage, in the main process', async () => {
    const d = await openTicketDesk();
    for (const who of ['counter', 'cs_lead', 'manager'] as const)
      expect(await d.refused(who, 'customers.saveCategory', fridge)).toMatchObject({ code: 'permission_denied' });
  });

  it('are refused once the store is enrolled: head office owns them, nothing is written', async () => {
    const d = await openTicketDesk();
    const raw = new Database(d.file);
    raw.prepare(`INSERT INTO sync_state (key, value) VALUES ('device_id', 'dev-1')`).run();
    raw.close();
    expect((await d.ok('admin', 'customers.categoryTerms', {})).owner).toBe('head_office');
    const logged = count(d.file, 'change_log');
    expect(await d.refused('admin', 'customers.saveCategory', fridge)).toMatchObject({
      code: 'permission_denied',
      key: 'categories_hq_owned',
    });
    expect(count(d.file, 'change_log')).toBe(logged);
    const terms = await d.ok('admin', 'customers.categoryTerms', {});
    expect(terms.categories.find((c) => c.code === 'fridge')).toMatchObject({ returnDays: 7 });
  });

  it('name bad input: negative, over 3650 days, a 10 MB name, windows out of order, a bad code', async () => {
    const d = await openTicketDesk();
    const bad = (input: Record<string, unknown>) =>
      d.refused('admin', 'customers.saveCategory', { ...fridge, ...input });
    expect(await bad({ returnDays: -1 })).toMatchObject({ key: 'category_days_range', field: 'returnDays' });
    expect(await bad({ exchangeDays: 3651 })).toMatchObject({ key: 'category_days_range', field: 'exchangeDays' });
    expect(await bad({ warrantyMonths: 1.5 })).toMatchObject({ key: 'category_months_range', field: 'warrantyMonths' });
    expect(await bad({ nameZh: '冰'.repeat(10 * 1024 * 1024) })).toMatchObject({ key: 'too_long', field: 'nameZh' });
    expect(await bad({ returnDays: 20, exchangeDays: 10 })).toMatchObject({
      key: 'category_exchange_shorter',
      field: 'exchangeDays',
    });
    expect(await bad({ mainPartsMonths: 6 })).toMatchObject({
      key: 'category_main_parts_shorter',
      field: 'mainPartsMonths',
    });
    expect(await bad({ code: '冰箱' })).toMatchObject({ key: 'category_code_format', field: 'code' });
    const terms = await d.ok('admin', 'customers.categoryTerms', {});
    expect(terms.categories.find((c) => c.code === 'fridge')).toMatchObject({ returnDays: 7, exchangeDays: 15 });
  });
});

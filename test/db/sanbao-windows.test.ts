/**
 * 三包 windows at their boundaries (db/tickets/warranty-status.ts, db/customers/warranty.ts): the day
 * before, on and after each window's last day; month ends; 29 February; the store's time zone.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, warrantyEnd } from '../../db/customers/warranty';
import { createCalendar } from '../../db/tickets/calendar';
import { warrantyOfTicket } from '../../db/tickets/warranty-of-ticket';
import { warrantyStatus, warrantyView } from '../../db/tickets/warranty-status';

const rules = { returnDays: 7, exchangeDays: 15, warrantyMonths: 12 };
const status = (purchaseDate: string | null, on: string, r = rules, end: string | null = null) =>
  warrantyStatus({ purchaseDate, warrantyEnd: end, rules: r }, on);

describe('the warranty end', () => {
  it('includes its last day: bought 2025-09-18 with 12 months is covered on 2026-09-18, not on 2026-09-19', () => {
    expect(warrantyEnd('2025-09-18', 12)).toBe('2026-09-18');
    expect(status('2025-09-18', '2026-09-17')).toBe('in_warranty');
    expect(status('2025-09-18', '2026-09-18')).toBe('in_warranty');
    expect(status('2025-09-18', '2026-09-19')).toBe('expired');
    expect(warrantyView({ purchaseDate: '2025-09-18', warrantyEnd: null, rules }, '2026-09-18').daysLeft).toBe(0);
  });

  it('ends on the shorter month’s last day when it has no such day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(status('2026-01-31', '2026-02-28', { ...rules, warrantyMonths: 1 })).toBe('in_warranty');
    expect(status('2026-01-31', '2026-03-01', { ...rules, warrantyMonths: 1 })).toBe('expired');
  });

  it('handles 29 February: bought on a leap day, a year later ends on 28 February', () => {
    expect(warrantyEnd('2028-02-29', 12)).toBe('2029-02-28');
    expect(warrantyEnd('2028-02-29', 48)).toBe('2032-02-29');
    expect(status('2028-02-29', '2029-02-28')).toBe('in_warranty');
    expect(status('2028-02-29', '2029-03-01')).toBe('expired');
    // A 7-day window across the leap day: 02-25 + 7 = 03-03 in 2028 (29 days in February).
    expect(warrantyView({ purchaseDate: '2028-02-25', warrantyEnd: null, rules }, '2028-03-03').status).toBe(
      'return_window',
    );
    expect(status('2028-02-25', '2028-03-04')).toBe('exchange_window');
  });

  it('uses the stored end of a registered product over the category’s months', () => {
    expect(status('2025-09-18', '2027-09-18', rules, '2028-09-18')).toBe('in_warranty');
  });
});

describe('the return and exchange windows', () => {
  // Bought 09-18: the purchase day is not counted, so 7 days run to 09-25 and 15 to 10-03.
  it.each([
    ['2026-09-18', 'return_window', 7],
    ['2026-09-24', 'return_window', 1],
    ['2026-09-25', 'return_window', 0],
    ['2026-09-26', 'exchange_window', 7],
    ['2026-10-02', 'exchange_window', 1],
    ['2026-10-03', 'exchange_window', 0],
    ['2026-10-04', 'in_warranty', 349],
  ] as const)('bought 2026-09-18, on %s: %s with %i days left', (on, expected, daysLeft) => {
    const view = warrantyView({ purchaseDate: '2026-09-18', warrantyEnd: null, rules }, on);
    expect(view).toMatchObject({ status: expected, daysLeft, returnUntil: '2026-09-25', exchangeUntil: '2026-10-03' });
  });

  it('follows the category’s rules: a 30-day return window, or none at all', () => {
    expect(status('2026-09-18', '2026-10-18', { returnDays: 30, exchangeDays: 30, warrantyMonths: 12 })).toBe(
      'return_window',
    );
    expect(status('2026-09-18', '2026-10-19', { returnDays: 30, exchangeDays: 30, warrantyMonths: 12 })).toBe(
      'in_warranty',
    );
    const none = warrantyView(
      { purchaseDate: '2026-09-18', warrantyEnd: null, rules: { returnDays: 0, exchangeDays: 0, warrantyMonths: 0 } },
      '2026-09-18',
    );
    expect(none).toMatchObject({ status: 'in_warranty', returnUntil: null, exchangeUntil: null, daysLeft: 0 });
  });

  it('says "unknown" without a usable purchase date: none, not a date, year 9999, or after the day judged', () => {
    expect(status(null, '2026-09-18')).toBe('unknown');
    expect(status('2026-02-30', '2026-09-18')).toBe('unknown');
    expect(status('9999-01-01', '2026-09-18')).toBe('unknown');
    expect(status('2026-09-19', '2026-09-18')).toBe('unknown');
  });
});

describe('a ticket’s status in the store’s time zone', () => {
  const cal = createCalendar({
    timeZone: 'Asia/Shanghai',
    opensAt: '09:00',
    closesAt: '21:00',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    holidays: new Map(),
  });
  const row = (createdAt: string) => ({
    type: 'aftersales' as const,
    createdAt,
    productPurchaseDate: '2026-09-18',
    productWarrantyEnd: null,
    returnDays: 7,
    exchangeDays: 15,
    warrantyMonths: 12,
    formPurchaseDate: null,
    carriedWarranty: null,
  });

  it('judges on the Shanghai date the request was taken, not the UTC one', () => {
    // 2026-09-25 23:30 in Shanghai is 15:30 UTC: still the return window's last day.
    expect(warrantyOfTicket(row('2026-09-25T15:30:00.000Z'), cal)).toMatchObject({
      status: 'return_window',
      judgedOn: '2026-09-25',
    });
    // 2026-09-26 00:30 in Shanghai is still 09-25 in UTC: the window has passed there.
    expect(warrantyOfTicket(row('2026-09-25T16:30:00.000Z'), cal)).toMatchObject({
      status: 'exchange_window',
      judgedOn: '2026-09-26',
    });
  });

  it('keeps the status a repair job carried from its request, and says nothing for other types', () => {
    expect(
      warrantyOfTicket({ ...row('2027-03-01T02:00:00.000Z'), type: 'repair', carriedWarranty: 'return_window' }, cal)
        ?.status,
    ).toBe('return_window');
    expect(warrantyOfTicket({ ...row('2026-09-20T02:00:00.000Z'), type: 'complaint' }, cal)).toBeNull();
  });
});

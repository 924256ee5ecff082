/**
 * Inputs that once made a handler run unbounded or fail inside: far dates, report periods of
 * millennia, text SQLite would store changed. Each is refused by the method's contract, naming the
 * field, quickly, and with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { changeLog, count } from '../support/inspect';
import { openTestDesk, setUpStore } from '../support/temp-store';

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

describe('bounded inputs', () => {
  it('refuses report periods beyond the date range or longer than a year, quickly', async () => {
    const t = await setUp();
    for (const method of ['tickets.complaintReport', 'tickets.staffReport', 'tickets.breachReport'] as const) {
      const far = await timed(() => t.call(method, { from: '2026-01-01', to: '9999-12-31' }));
      expect(far.ms).toBeLessThan(1000);
      expect(far.result).toMatchObject({
        ok: false,
        error: {
          code: 'validation',
          key: 'date_out_of_range',
          field: 'to',
          message: 'The date must be between 2000-01-01 and 2100-12-31',
        },
      });
      const long = await t.call(method, { from: '2026-01-01', to: '2027-12-31' });
      expect(long).toMatchObject({
        ok: false,
        error: { code: 'validation', key: 'report_span_too_long', field: 'to' },
      });
      // A leap year, whole, is still one report.
      expect((await t.call(method, { from: '2028-01-01', to: '2028-12-31' })).ok).toBe(true);
      expect(await t.call(method, { from: '1999-12-31', to: '2000-01-31' })).toMatchObject({
        ok: false,
        error: { key: 'date_out_of_range', field: 'from' },
      });
    }
    const month = await t.ok('tickets.complaintReport', { from: '2026-01-01', to: '2026-12-31' });
    expect(month.trend).toHaveLength(12);
  });

  it('answers a queue filtered to a far date with a validation error, not an internal one', async () => {
    const t = await setUp();
    for (const to of ['9999-12-31', '0001-01-01', '2101-01-01']) {
      expect(await t.call('tickets.queue', { to })).toMatchObject({
        ok: false,
        error: { code: 'validation', key: 'date_out_of_range', field: 'to' },
      });
    }
    expect((await t.call('tickets.queue', { from: '2000-01-01', to: '2100-12-31' })).ok).toBe(true);
    expect(t.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('bounds every kind of date field: calendar dates, instants, purchase dates, receipts', async () => {
    const t = await setUp();
    const customer = await t.ok('customers.create', { name: '张三', phones: [{ number: '13812345678' }] });
    const before = changeLog(t.file).length;
    const product = await t.call('customers.addProduct', {
      customerId: customer.id,
      category: 'tv',
      brand: 'TCL',
      model: 'X1',
      purchaseDate: '1999-12-31',
    });
    expect(product).toMatchObject({ ok: false, error: { key: 'date_out_of_range', field: 'purchaseDate' } });
    const promise = await t.call('tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '?',
      promisedReplyAt: '+275760-09-13T00:00:00.000Z',
    });
    expect(promise).toMatchObject({ ok: false, error: { code: 'validation' } });
    const far = await t.call('tickets.create', {
      type: 'consultation',
      customerId: customer.id,
      channel: 'phone',
      question: '?',
      promisedReplyAt: '9999-12-31T23:59:00+08:00',
    });
    expect(far).toMatchObject({ ok: false, error: { key: 'date_out_of_range', field: 'promisedReplyAt' } });
    expect(await t.call('tickets.saveHoliday', { date: '2101-01-01', kind: 'closed' })).toMatchObject({
      ok: false,
      error: { key: 'date_out_of_range', field: 'date' },
    });
    expect(await t.call('print.log', { before: '9999-01-01T00:00:00Z' })).toMatchObject({
      ok: false,
      error: { key: 'date_out_of_range', field: 'before' },
    });
    const supplier = await t.ok('parts.supplierCreate', { name: '苏州恒达' });
    const part = await t.ok('parts.create', { partNo: 'P-1', name: '排水泵', unit: '个', costFen: 1, priceFen: 2 });
    const receipt = await t.call('parts.receiptCreate', {
      supplierId: supplier.id,
      receivedOn: '0001-01-01',
      lines: [{ partId: part.id, deliveredQty: 1, unitCostFen: 1 }],
    });
    expect(receipt).toMatchObject({ ok: false, error: { key: 'date_out_of_range', field: 'receivedOn' } });
    expect(changeLog(t.file).length).toBe(before + 2);
    expect(count(t.file, 'product')).toBe(0);
  });

  it('refuses text with half a surrogate pair or a NUL, wherever text is stored', async () => {
    const t = await setUp();
    const lone = await t.call('customers.create', { name: '张\ud800三', phones: [{ number: '13812345678' }] });
    expect(lone).toMatchObject({ ok: false, error: { code: 'validation', key: 'text_unstorable', field: 'name' } });
    const nul = await t.call('parts.supplierCreate', { name: 'a\u0000b' });
    expect(nul).toMatchObject({ ok: false, error: { key: 'text_unstorable', field: 'name' } });
    // A whole pair (an emoji) is ordinary text.
    expect((await t.call('customers.create', { name: '张三😀', phones: [{ number: '13812345678' }] })).ok).toBe(true);
    expect(count(t.file, 'customer')).toBe(1);
  });
});

async function setUp() {
  const t = await openTestDesk();
  await setUpStore(t);
  return t;
}

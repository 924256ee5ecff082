/** What the labels print, and a scanned code back to its record, under each role's permissions. */
import { describe, expect, it } from 'vitest';
import { openPartsDesk, openRepairTicket, stockUp } from '../support/parts-desk';

describe('label data', () => {
  it('a part label: number, name, spec, bin and the count asked for; a bad count is refused', async () => {
    const d = await openPartsDesk();
    const pump = d.partId('WM-PUMP-01');
    const one = await d.ok('print.partLabel', { partId: pump }, d.as.clerk);
    expect(one).toMatchObject({ count: 1, part: { id: pump, partNo: 'WM-PUMP-01', bin: 'A-01-1' } });
    expect((await d.ok('print.partLabel', { partId: `${pump}*24` }, d.as.clerk)).count).toBe(24);
    for (const partId of [`${pump}*0`, `${pump}*201`])
      expect(await d.call('print.partLabel', { partId }, d.as.clerk)).toMatchObject({
        ok: false,
        error: { key: 'label_count_range' },
      });
    expect(await d.call('print.partLabel', { partId: 'nope' }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The print log files it under the part number and count.
    await d.ok(
      'print.record',
      {
        form: 'part-label',
        subjectId: `${pump}*24`,
        copyNo: 0,
        language: 'zh-CN',
        output: 'pdf',
        result: 'saved',
      },
      d.as.clerk,
    );
    const log = await d.ok('print.history', { form: 'part-label', subjectId: `${pump}*24` }, d.as.clerk);
    expect(log.entries[0]?.subjectNo).toBe('WM-PUMP-01 ×24');
  });

  it('bin labels: one bin, a shelf, every bin; each with the parts on it', async () => {
    const d = await openPartsDesk();
    // The main store room is made with the first delivery.
    await stockUp(d, { 'WM-PUMP-01': 1 }, '2026-01-02');
    const main = (await d.ok('parts.locations', {}, d.as.clerk)).items.find((l) => l.isMain)!;
    const one = await d.ok('print.binLabel', { binId: `${main.id}:A-01-1` }, d.as.clerk);
    expect(one.labels).toEqual([
      {
        bin: 'A-01-1',
        code: `${main.code}/A-01-1`,
        parts: [expect.objectContaining({ partNo: 'WM-PUMP-01' })],
        moreParts: 0,
      },
    ]);
    const shelf = await d.ok('print.binLabel', { binId: `${main.id}:A-01*` }, d.as.clerk);
    expect(shelf.labels.map((l) => l.bin)).toEqual(['A-01-1', 'A-01-2']);
    const all = await d.ok('print.binLabel', { binId: `${main.id}:*` }, d.as.clerk);
    expect(all.labels.length).toBeGreaterThanOrEqual(shelf.labels.length);
    // A new, empty bin still gets its label; an empty shelf pattern names nothing.
    expect((await d.ok('print.binLabel', { binId: `${main.id}:Z-99-9` }, d.as.clerk)).labels[0]?.parts).toEqual([]);
    expect(await d.call('print.binLabel', { binId: `${main.id}:Z-*` }, d.as.clerk)).toMatchObject({
      ok: false,
      error: { key: 'label_no_bins' },
    });
  });

  it('a goods tag: ticket number, surname only, masked phone', async () => {
    const d = await openPartsDesk();
    const ticket = await openRepairTicket(d);
    const tag = await d.ok('print.goodsTag', { ticketId: `${ticket.id}*3` }, d.as.counter);
    expect(tag).toMatchObject({ count: 3, ticket: { number: ticket.number }, customer: { surname: '顾' } });
    expect(tag.customer.phone).toMatch(/^139\*{4}\d{4}$/);
    expect(JSON.stringify(tag)).not.toContain('顾客甲');
  });
});

describe('print.resolveCode', () => {
  it('a ticket number opens the ticket, a part number picks the part, anything else is named unknown', async () => {
    const d = await openPartsDesk();
    const ticket = await openRepairTicket(d);
    expect(await d.ok('print.resolveCode', { code: ticket.number }, d.as.counter)).toEqual({
      kind: 'ticket',
      id: ticket.id,
      number: ticket.number,
    });
    expect(await d.ok('print.resolveCode', { code: 'wm-pump-01' }, d.as.technician)).toMatchObject({
      kind: 'part',
      id: d.partId('WM-PUMP-01'),
      partNo: 'WM-PUMP-01',
    });
    expect(await d.call('print.resolveCode', { code: 'NOT-A-CODE' }, d.as.counter)).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'scan_unknown' },
    });
    expect(await d.call('print.resolveCode', { code: 'x'.repeat(65) }, d.as.counter)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});

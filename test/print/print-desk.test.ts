/**
 * Printing through the desk: the data each form prints (read under the caller's permissions), the
 * print log that marks reprints as copies, and this PC's printer settings.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { printEn } from '../../renderer/i18n/print.en';
import { printZhCN } from '../../renderer/i18n/print.zh-CN';
import { IntakeReceipt } from '../../renderer/print/forms/intake-receipt';
import type { PrintT } from '../../renderer/print/print-texts';
import { describe, expect, it } from 'vitest';
import { buildServiceForm, canonicalJson, type StepInput, type TicketDetail } from '../../db/api';
import { changeLog, count } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk, type Who } from '../db/tickets-fixture';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const SIGNATURE = {
  width: 400,
  height: 160,
  strokes: [Array.from({ length: 12 }, (_, i) => [20 + i * 10, 80 + (i % 3) * 5] as [number, number])],
};

function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

/** An in-store repair of an air conditioner: scheduled, worked on, one part issued, signed for. */
async function repairedTicket(d: TicketDesk): Promise<TicketDetail> {
  const customer = await d.ok('admin', 'customers.create', { name: '吴先生', phones: [{ number: '13912345678' }] });
  let ticket = await d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    model: 'KFR-35GW',
    serial: 'SN20240611A',
    fault: '空调制热时外机噪音大',
    accessories: '遥控器一个',
    condition: '外壳有轻微划痕',
  });
  ticket = await act(d, 'repair_lead', ticket, {
    action: 'schedule',
    technicianId: d.idOf('technician'),
    plannedDate: '2026-11-24',
  });
  await d.approveEstimate(ticket.id);
  ticket = await act(d, 'technician', ticket, { action: 'start_work' });

  const supplier = await d.ok('admin', 'parts.supplierCreate', { name: '宁波海天制冷配件厂' });
  const part = await d.ok('admin', 'parts.create', {
    partNo: 'AC-CAP-04',
    name: '空调启动电容',
    spec: '35uF 450V',
    unit: '个',
    costFen: 1500,
    priceFen: 4000,
    bin: 'C-01-3',
  });
  const receipt = await d.ok('admin', 'parts.receiptCreate', {
    supplierId: supplier.id,
    receivedOn: '2026-11-23',
    supplierRef: 'DN-1',
    lines: [
      {
        partId: part.id,
        deliveredQty: 5,
        unitCostFen: 1500,
        inspection: { acceptedQty: 5, rejectedQty: 0, rejectReason: '' },
      },
    ],
  });
  await d.ok('admin', 'parts.receiptClose', { receiptId: receipt.id });
  const requisition = await d.ok('technician', 'parts.requisitionCreate', {
    ticketId: ticket.id,
    lines: [{ partId: part.id, qty: 2 }],
  });
  await d.ok('admin', 'parts.requisitionApprove', { requisitionId: requisition.id });
  await d.ok('parts_clerk', 'parts.requisitionIssue', {
    requisitionId: requisition.id,
    lines: [{ lineId: requisition.lines[0]!.id, qty: 2 }],
  });

  ticket = await d.ok('technician', 'tickets.get', { id: ticket.id });
  const workDone = '更换启动电容，紧固外机风扇';
  const result = '运行正常，已向顾客演示';
  const form = buildServiceForm(ticket.serviceFormSource!, { workDone, result, signerName: '吴先生' });
  return act(d, 'technician', ticket, {
    action: 'complete',
    workDone,
    result,
    signerName: '吴先生',
    signature: SIGNATURE,
    formHash: sha256(canonicalJson(form)),
  });
}

describe('the service form’s data', () => {
  it('carries the customer, the goods as received, the technician, the parts issued with prices and the signature', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await repairedTicket(d);
    const data = await d.ok('counter', 'print.ticket', { ticketId: ticket.id });
    expect(data.store).toMatchObject({ code: 'S012', name: '南京西路店', counterNo: 2 });
    expect(data.ticket).toMatchObject({ number: ticket.number, type: 'repair', createdByName: '李娜' });
    expect(data.customer).toEqual({ name: '吴先生', phones: ['13912345678'], address: '', masked: false });
    expect(data.purchase).toMatchObject({ model: 'KFR-35GW', serial: 'SN20240611A' });
    expect(data.intake).toEqual(
      expect.arrayContaining([
        { key: 'condition', value: '外壳有轻微划痕' },
        { key: 'accessories', value: '遥控器一个' },
      ]),
    );
    expect(data).toMatchObject({
      technician: '陈师傅',
      plannedDate: '2026-11-24',
      workDone: '更换启动电容，紧固外机风扇',
      result: '运行正常，已向顾客演示',
    });
    expect(data.lines).toEqual([
      {
        partNo: 'AC-CAP-04',
        description: '空调启动电容 35uF 450V',
        qty: 2,
        unit: '个',
        unitFen: 4000,
        amountFen: 8000,
      },
    ]);
    expect(data.partsTotalFen).toBe(8000);
    expect(data.signature).toMatchObject({ signerName: '吴先生', width: 400, height: 160 });
    expect(data.signature!.strokes[0]).toHaveLength(12);
  });

  it('masks the phone and leaves out the address for a role that may not see them', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await repairedTicket(d);
    const data = await d.ok('technician', 'print.ticket', { ticketId: ticket.id });
    expect(data.customer).toEqual({ name: '吴先生', phones: ['139****5678'], address: '', masked: true });
  });

  it('says which record is missing', async () => {
    const d = await openTicketDesk();
    expect(
      await d.refused('counter', 'print.ticket', { ticketId: '0193a3b0-0000-7000-8000-000000000001' }),
    ).toMatchObject({ code: 'not_found', field: 'ticketId' });
  });
});

describe('the print log', () => {
  it('logs who printed which form when, and marks every later print as a copy', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const ticket = await repairedTicket(d);
    const subject = { form: 'service-form' as const, subjectId: ticket.id };
    expect(await d.ok('counter', 'print.history', subject)).toEqual({ nextCopyNo: 0, entries: [] });

    // A failed attempt and a cancelled dialog put nothing on paper: the next print is still the original.
    await d.ok('counter', 'print.record', {
      ...subject,
      copyNo: 0,
      language: 'zh-CN',
      output: 'printer',
      result: 'failed',
      printer: 'HP_M404',
      reason: 'Print job failed',
    });
    await d.ok('counter', 'print.record', {
      ...subject,
      copyNo: 0,
      language: 'zh-CN',
      output: 'printer',
      result: 'cancelled',
      printer: null,
    });
    expect((await d.ok('counter', 'print.history', subject)).nextCopyNo).toBe(0);

    const original = await d.ok('counter', 'print.record', {
      ...subject,
      copyNo: 0,
      language: 'zh-CN',
      output: 'printer',
      result: 'printed',
      printer: 'HP_M404',
    });
    expect(original).toMatchObject({
      form: 'service-form',
      subjectNo: ticket.number,
      copyNo: 0,
      staffName: '李娜',
      printedAt: new Date(sh('2026-11-23 10:00')).toISOString(),
    });
    d.advance(5);
    await d.ok('technician', 'print.record', { ...subject, copyNo: 1, language: 'en', output: 'pdf', result: 'saved' });

    const history = await d.ok('counter', 'print.history', subject);
    expect(history.nextCopyNo).toBe(2);
    expect(history.entries.map((e) => [e.staffName, e.copyNo, e.result])).toEqual([
      ['陈师傅', 1, 'saved'],
      ['李娜', 0, 'printed'],
      ['李娜', 0, 'cancelled'],
      ['李娜', 0, 'failed'],
    ]);
    // Another form of the same ticket has its own count.
    expect((await d.ok('counter', 'print.history', { form: 'intake-receipt', subjectId: ticket.id })).nextCopyNo).toBe(
      0,
    );

    // Append-only and synced: one insert in the change log per attempt.
    const logged = changeLog(d.file).filter((change) => change.entity === 'print_log');
    expect(logged.map((change) => change.op)).toEqual(['insert', 'insert', 'insert', 'insert']);
  });

  it('refuses a copy number the log cannot account for, a missing record, and writes nothing', async () => {
    const d = await openTicketDesk();
    const ticket = await repairedTicket(d);
    expect(
      await d.refused('counter', 'print.record', {
        form: 'service-form',
        subjectId: ticket.id,
        copyNo: 3,
        language: 'en',
        output: 'printer',
        result: 'printed',
      }),
    ).toMatchObject({
      code: 'conflict',
      key: 'print_copy_ahead',
      field: 'copyNo',
    });
    expect(
      await d.refused('counter', 'print.record', {
        form: 'requisition',
        subjectId: ticket.id,
        copyNo: 0,
        language: 'en',
        output: 'printer',
        result: 'printed',
      }),
    ).toMatchObject({
      code: 'not_found',
      field: 'subjectId',
    });
    expect(count(d.file, 'print_log')).toBe(0);
  });

  it('is the leads’ to read; printing itself is for whoever may read the record', async () => {
    const d = await openTicketDesk();
    const ticket = await repairedTicket(d);
    await d.ok('technician', 'print.record', {
      form: 'job-sheet',
      subjectId: ticket.id,
      copyNo: 0,
      language: 'zh-CN',
      output: 'browser',
      result: 'sent',
    });
    expect(await d.refused('counter', 'print.log', {})).toMatchObject({ code: 'permission_denied' });
    const log = await d.ok('admin', 'print.log', {});
    expect(log.items.map((e) => [e.form, e.subjectNo, e.staffName, e.output, e.result])).toEqual([
      ['job-sheet', ticket.number, '陈师傅', 'browser', 'sent'],
    ]);
  });
});

describe('printer settings', () => {
  it('start with the dialog, the form’s paper and one copy, and keep what is saved — on this PC only', async () => {
    const d = await openTicketDesk();
    const before = await d.ok('counter', 'print.settings', {});
    expect(before.items.find((s) => s.form === 'requisition')).toEqual({
      form: 'requisition',
      printer: null,
      silent: false,
      paper: 'A4',
      copies: 1,
      saved: false,
    });
    const changesBefore = changeLog(d.file).length;

    const saved = await d.ok('admin', 'print.updateSetting', {
      form: 'requisition',
      printer: 'HP_LaserJet_M404',
      silent: true,
      paper: 'A5',
      copies: 2,
    });
    expect(saved).toEqual({
      form: 'requisition',
      printer: 'HP_LaserJet_M404',
      silent: true,
      paper: 'A5',
      copies: 2,
      saved: true,
    });
    expect((await d.ok('counter', 'print.settings', {})).items.find((s) => s.form === 'requisition')).toEqual(saved);
    // A printer name means nothing on another PC: nothing enters the change log.
    expect(changeLog(d.file)).toHaveLength(changesBefore);
  });

  it('refuse silent printing without a printer, a paper the form is not printed on, and other roles', async () => {
    const d = await openTicketDesk();
    expect(
      await d.refused('admin', 'print.updateSetting', {
        form: 'service-form',
        printer: null,
        silent: true,
        paper: 'A4',
        copies: 1,
      }),
    ).toMatchObject({ key: 'print_silent_needs_printer', field: 'silent' });
    expect(
      await d.refused('admin', 'print.updateSetting', {
        form: 'intake-receipt',
        printer: 'XP-80C',
        silent: true,
        paper: 'A4',
        copies: 1,
      }),
    ).toMatchObject({ key: 'paper_not_for_form', field: 'paper' });
    expect(
      await d.refused('admin', 'print.updateSetting', {
        form: 'intake-receipt',
        printer: 'XP-80C',
        silent: true,
        paper: 'receipt-80',
        copies: 10,
      }),
    ).toMatchObject({ key: 'print_copies_range', field: 'copies' });
    expect(
      await d.refused('technician', 'print.updateSetting', {
        form: 'intake-receipt',
        printer: 'XP-80C',
        silent: true,
        paper: 'receipt-80',
        copies: 1,
      }),
    ).toMatchObject({ code: 'permission_denied' });
    expect(count(d.file, 'print_setting')).toBe(0);
  });
});

describe('the intake receipt’s progress address', () => {
  it('is head office’s progress page once the PC is enrolled over https, and nothing while standalone', async () => {
    const d = await openTicketDesk(sh('2026-11-23 10:00'));
    const customer = await d.customer('周女士');
    const ticket = await d.ok('counter', 'tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      fault: '不开机',
      condition: '外观完好',
    });
    expect((await d.ok('counter', 'print.ticket', { ticketId: ticket.id })).progressUrl).toBeNull();
    const raw = new Database(d.file);
    const setState = raw.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)');
    setState.run('server_url', 'https://hq.example.com:8443');
    // The address alone (enrolment not finished) is not enough.
    expect((await d.ok('counter', 'print.ticket', { ticketId: ticket.id })).progressUrl).toBeNull();
    setState.run('device_id', 'dev-1');
    const data = await d.ok('counter', 'print.ticket', { ticketId: ticket.id });
    expect(data.progressUrl).toBe('https://hq.example.com:8443/progress');
    // The receipt prints it under "keep this receipt", in the form's language.
    const texts = i18next.createInstance();
    await texts.init({
      resources: { en: { print: printEn }, 'zh-CN': { print: printZhCN } },
      ns: ['print'],
      defaultNS: 'print',
      nsSeparator: false,
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    for (const [language, words] of [
      ['zh-CN', '网上查询进度：https://hq.example.com:8443/progress（输入本单号及手机号码后 4 位）'],
      ['en', 'Check progress online at https://hq.example.com:8443/progress with this number'],
    ] as const) {
      const t = texts.getFixedT(language, 'print') as unknown as PrintT;
      const html = renderToStaticMarkup(createElement(IntakeReceipt, { data, copyNo: 0, t, language }));
      expect(html).toContain(words);
    }
    setState.run('server_url', 'http://hq.example.com');
    expect((await d.ok('counter', 'print.ticket', { ticketId: ticket.id })).progressUrl).toBeNull();
    raw.close();
  });
});

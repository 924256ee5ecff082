/**
 * A store with something to print, made through the desk API on a fixed clock so every number and
 * date on the forms is the same on every run (the reference PNGs depend on it): a repair done on
 * site and signed for, with two parts issued; a second repair with a long parts list; their
 * requisitions; a stocktake of the whole store room.
 */
import { approvedEstimate } from '../support/estimate-approval';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildServiceForm,
  canonicalJson,
  type MethodInput,
  type MethodName,
  type MethodResult,
  type StepInput,
  type TicketDetail,
} from '../../db/api';
import { openDesk } from '../../db/desk';
import { newId } from '../../db/ids';
import type { ClientState } from '../../db/desk-types';
import { DATABASE_FILE_NAME } from '../../electron/paths';
import { memoryLogger } from '../support/temp-store';

/** Monday 23 November 2026, 10:00 in Shanghai. */
export const PRINT_CLOCK = Date.parse('2026-11-23T10:00:00+08:00');
export const PRINT_TIME_ZONE = 'Asia/Shanghai';
export const ADMIN = { name: '王经理', pin: '2468' };

/** Appliance parts with Chinese names and Greek in their specs (μF, Φ, Ω), as real catalogues have. */
const PARTS = [
  ['AC-CAP-04', '空调启动电容', '35μF 450V', '个', 4000, 'C-01-3'],
  ['AC-FILTER-12', '空调过滤网', '标准型', '片', 2000, 'C-04-1'],
  ['WM-PUMP-01', '排水泵', '220V 30W', '个', 8800, 'A-01-1'],
  ['WM-DOOR-06', '滚筒门封圈', 'Φ480', '个', 15000, 'A-02-1'],
  ['RF-THERM-03', '冰箱温控器', 'WDF-20', '个', 6500, 'B-02-1'],
  ['TV-RES-13', '电视电源电阻', '10Ω 5W', '个', 500, 'D-01-2'],
] as const;

/** The long list: enough parts that a service form's parts table cannot fit one A4 page. */
const LONG_LIST = 38;

export type PrintStore = {
  dataDir: string;
  adminId: string;
  ticket: { id: string; number: string };
  longTicket: { id: string; number: string };
  /** Signed, then a payment taken: its service form changed after signing. */
  changedTicket: { id: string; number: string };
  requisition: { id: string; number: string };
  stocktake: { id: string; number: string };
};

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const SIGNATURE = {
  width: 400,
  height: 120,
  strokes: [
    Array.from({ length: 24 }, (_, i) => [20 + i * 7, 70 + Math.round(18 * Math.sin(i / 2))] as [number, number]),
    Array.from({ length: 10 }, (_, i) => [210 + i * 12, 40 + i * 6] as [number, number]),
  ],
};

let seq = 0;

/** Writes charge lines and payments as rows of their tables (migration 0020), as the charges area does. */
function charges(desk: Awaited<ReturnType<typeof openDesk>>, ticketId: string, now: () => number) {
  const db = desk.store!.db;
  const stamp = () => {
    seq += 1;
    return { at: new Date(now() + seq).toISOString(), hlc: `seed-${String(seq).padStart(4, '0')}` };
  };
  return {
    line: async (
      kind: 'labour' | 'part' | 'discount',
      description: string,
      quantity: number,
      unitPriceFen: number,
      options: { covered?: boolean; reason?: string } = {},
    ) => {
      const { at, hlc } = stamp();
      const covered = options.covered ?? false;
      const amountFen = covered ? 0 : kind === 'discount' ? -unitPriceFen : quantity * unitPriceFen;
      await db
        .insertInto('chargeLine')
        .values({
          id: newId(),
          ticketId,
          kind,
          description,
          partId: null,
          sourceId: null,
          quantity,
          unitPriceFen,
          covered: covered ? 1 : 0,
          amountFen,
          reason: options.reason ?? '',
          createdBy: null,
          createdAt: at,
          voidedAt: null,
          voidedBy: null,
          voidReason: '',
          hlc,
        })
        .execute();
    },
    payment: async (
      kind: 'deposit' | 'payment' | 'refund',
      method: 'cash' | 'wechat' | 'alipay' | 'card' | 'account',
      amountFen: number,
      options: { refundOf?: string; reason?: string } = {},
    ): Promise<string> => {
      const { at, hlc } = stamp();
      const id = newId();
      await db
        .insertInto('payment')
        .values({
          id,
          ticketId,
          kind,
          method,
          amountFen,
          refundOf: options.refundOf ?? null,
          reason: options.reason ?? '',
          takenBy: null,
          deviceId: 'S012-2',
          takenAt: at,
          hlc,
        })
        .execute();
      return id;
    },
  };
}

export async function seedPrintStore(): Promise<PrintStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counterdesk-print-'));
  const clock = { now: PRINT_CLOCK };
  const desk = await openDesk({
    file: join(dataDir, DATABASE_FILE_NAME),
    appVersion: '0.1.0-test',
    host: 'browser',
    forcedLanguage: null,
    logger: memoryLogger(),
    now: () => clock.now,
  });
  const client: ClientState = { sessionId: null };
  async function ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const result = await desk.dispatch(client, method, input);
    if (!result.ok) throw new Error(`${method} failed while seeding the print store: ${JSON.stringify(result.error)}`);
    return result.value as MethodResult<M>;
  }
  const act = (ticket: TicketDetail, step: StepInput) =>
    ok('tickets.act', { ticketId: ticket.id, version: ticket.version, step });
  let adminId = '';
  /** Moves the clock; the idle lock then wants the admin's PIN again, as at the counter. */
  const later = async (iso: string) => {
    clock.now = Date.parse(iso);
    await ok('session.signIn', { staffId: adminId, pin: ADMIN.pin });
  };

  try {
    const admin = await ok('setup.createStore', {
      storeCode: 'S012',
      storeName: '南京西路旗舰店',
      counterNo: 2,
      adminName: ADMIN.name,
      adminPin: ADMIN.pin,
    });
    adminId = admin.id;
    const store = await ok('store.get', {});
    await ok('store.update', {
      ...store,
      workingDays: [...store.workingDays],
      phone: '021-62581234',
      address: '上海市静安区南京西路 1266 号',
    });
    const technician = await ok('staff.create', { name: '陈师傅', role: 'technician', pin: '4444' });

    const supplier = await ok('parts.supplierCreate', { name: '宁波海天制冷配件厂' });
    const catalogue = [
      ...PARTS,
      ...Array.from(
        { length: LONG_LIST },
        (_, i) =>
          [
            `GEN-${String(i + 1).padStart(3, '0')}`,
            `通用维修配件 ${i + 1}`,
            `规格 ${i + 1}`,
            '个',
            100 * (i + 1),
            `E-${String(i + 1).padStart(2, '0')}-1`,
          ] as const,
      ),
    ];
    const partIds: string[] = [];
    for (const [partNo, name, spec, unit, priceFen, bin] of catalogue) {
      partIds.push(
        (await ok('parts.create', { partNo, name, spec, unit, costFen: Math.round(priceFen / 2), priceFen, bin })).id,
      );
    }
    const receipt = await ok('parts.receiptCreate', {
      supplierId: supplier.id,
      receivedOn: '2026-11-20',
      supplierRef: 'DN-20261120',
      lines: partIds.map((partId) => ({
        partId,
        deliveredQty: 10,
        unitCostFen: 100,
        inspection: { acceptedQty: 10, rejectedQty: 0, rejectReason: '' },
      })),
    });
    await ok('parts.receiptClose', { receiptId: receipt.id });

    const customer = await ok('customers.create', {
      name: '吴先生',
      phones: [{ number: '13912345678' }],
      addresses: [{ label: '家', address: '上海市静安区延安中路 1000 弄 8 号 1202 室' }],
    });
    const product = await ok('customers.addProduct', {
      customerId: customer.id,
      category: 'aircon',
      brand: '格力',
      model: 'KFR-35GW',
      serial: 'GR2024061100123',
      purchaseDate: '2026-03-15',
      purchaseStore: '南京西路旗舰店',
      receiptNo: 'FP-20260315-0088',
    });

    // A repair on site, carried through to the customer's signature.
    let ticket = await ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      productId: product.id,
      location: 'on_site',
      address: '上海市静安区延安中路 1000 弄 8 号 1202 室',
      model: 'KFR-35GW',
      serial: 'GR2024061100123',
      fault: '空调制热时外机噪音大，开机约十分钟后出现异响。',
    });
    ticket = await act(ticket, { action: 'schedule', technicianId: technician.id, plannedDate: '2026-11-24' });
    ticket = await act(ticket, { action: 'contact_customer', appointmentAt: '2026-11-24T07:00:00.000Z' });
    await later('2026-11-24T15:05:00+08:00');
    ticket = await act(ticket, { action: 'arrive' });
    const requisition = await ok('parts.requisitionCreate', {
      ticketId: ticket.id,
      note: '上门维修备料',
      lines: [
        { partId: partIds[0]!, qty: 1 },
        { partId: partIds[1]!, qty: 2 },
      ],
    });
    await ok('parts.requisitionApprove', { requisitionId: requisition.id });
    await ok('parts.requisitionIssue', {
      requisitionId: requisition.id,
      lines: requisition.lines.map((line) => ({ lineId: line.id, qty: line.requestedQty })),
    });
    // What the customer is charged and paid, as the charges area records it (rows of migration 0020):
    // the parts, charged when issued, are under warranty at ¥0 (¥80.00 the warranty pays); the visit
    // is charged, with a discount, a deposit, a payment and a refund. Charges ¥80.00, paid ¥60.00,
    // balance due ¥20.00.
    const money = charges(desk, ticket.id, () => clock.now);
    await money.line('labour', '上门检测及维修', 1, 9000);
    await money.line('discount', '会员优惠', 1, 1000, { reason: '金卡会员' });
    const deposit = await money.payment('deposit', 'cash', 3000);
    await money.payment('payment', 'wechat', 4000);
    await money.payment('refund', 'cash', 1000, { refundOf: deposit, reason: '定金多收' });
    ticket = await ok('tickets.get', { id: ticket.id });
    const workDone = '更换空调启动电容，清洗过滤网，紧固外机风扇叶片。';
    const result = '制热运行正常，噪音消除，已向顾客演示。';
    const form = buildServiceForm(ticket.serviceFormSource!, { workDone, result, signerName: '吴先生' });
    ticket = await act(ticket, {
      action: 'complete',
      workDone,
      result,
      signerName: '吴先生',
      signature: SIGNATURE,
      formHash: sha256(canonicalJson(form)),
    });

    // A second repair that needed many parts: its service form runs onto a second page.
    await later('2026-11-24T16:00:00+08:00');
    let longTicket = await ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      model: 'XQG100-B12',
      fault: '洗衣机整机大修。',
      accessories: '无',
      condition: '外壳完好',
    });
    longTicket = await act(longTicket, { action: 'schedule', technicianId: technician.id });
    for (let start = 0; start < LONG_LIST; start += 30) {
      const lines = partIds
        .slice(PARTS.length + start, PARTS.length + Math.min(start + 30, LONG_LIST))
        .map((partId) => ({ partId, qty: 1 }));
      const long = await ok('parts.requisitionCreate', { ticketId: longTicket.id, lines });
      await ok('parts.requisitionApprove', { requisitionId: long.id });
      await ok('parts.requisitionIssue', {
        requisitionId: long.id,
        lines: long.lines.map((line) => ({ lineId: line.id, qty: line.requestedQty })),
      });
    }

    // A repair signed, then paid: the payment changed the form after the customer signed it.
    await later('2026-11-24T17:00:00+08:00');
    let changedTicket = await ok('tickets.create', {
      type: 'repair',
      customerId: customer.id,
      location: 'in_store',
      model: 'BCD-215',
      fault: '冰箱冷藏室不制冷。',
      accessories: '无',
      condition: '外壳完好',
    });
    changedTicket = await act(changedTicket, { action: 'schedule', technicianId: technician.id });
    // Out of warranty: the customer approved the estimate by phone before the work started.
    await approvedEstimate((method, input) => ok(method, input), changedTicket.id, customer.name);
    changedTicket = await act(await ok('tickets.get', { id: changedTicket.id }), { action: 'start_work' });
    const changedMoney = charges(desk, changedTicket.id, () => clock.now);
    await changedMoney.line('labour', '检测及更换温控器', 1, 12000);
    changedTicket = await ok('tickets.get', { id: changedTicket.id });
    const changedWork = '更换冰箱温控器。';
    const changedResult = '制冷恢复正常。';
    changedTicket = await act(changedTicket, {
      action: 'complete',
      workDone: changedWork,
      result: changedResult,
      signerName: '吴先生',
      signature: SIGNATURE,
      formHash: sha256(
        canonicalJson(
          buildServiceForm(changedTicket.serviceFormSource!, {
            workDone: changedWork,
            result: changedResult,
            signerName: '吴先生',
          }),
        ),
      ),
    });
    await changedMoney.payment('payment', 'alipay', 12000);

    const stocktake = await ok('parts.stocktakeStart', { binPrefix: '', note: '月度盘点' });
    return {
      dataDir,
      adminId: admin.id,
      ticket: { id: ticket.id, number: ticket.number },
      longTicket: { id: longTicket.id, number: longTicket.number },
      changedTicket: { id: changedTicket.id, number: changedTicket.number },
      requisition: { id: requisition.id, number: requisition.number },
      stocktake: { id: stocktake.id, number: stocktake.number },
    };
  } finally {
    await desk.close();
  }
}

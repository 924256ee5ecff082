/**
 * The set-up the parts tests share: a store with one signed-in window per parts role, two
 * suppliers and a small catalogue of real-looking parts; plus stock and repair tickets to work on.
 */
import type { MethodResult } from '../../db/api';
import type { ClientState } from '../../db/desk-types';
import type { Role } from '../../db/staff/roles';
import { openTestDesk, setUpStore, type TestDesk } from './temp-store';

export const PARTS_SUPPLIERS = [
  { name: '苏州恒达电器配件有限公司', contact: '周经理', phone: '0512-66881234' },
  { name: '宁波海天制冷配件厂', contact: '钱工', phone: '0574-87654321' },
] as const;

/** Appliance parts a department store's service desk keeps: washing machines, fridges, air conditioners. */
export const PARTS_CATALOGUE = [
  {
    partNo: 'WM-PUMP-01',
    name: '排水泵',
    spec: '220V 30W',
    models: ['XQB80-1708', 'XQG100-B12'],
    unit: '个',
    costFen: 4500,
    priceFen: 8800,
    reorderLevel: 3,
    reorderQty: 10,
    bin: 'A-01-1',
  },
  {
    partNo: 'WM-BELT-02',
    name: '洗衣机皮带',
    spec: '1270J5',
    models: ['XQG70-B10866'],
    unit: '条',
    costFen: 1200,
    priceFen: 3000,
    reorderLevel: 5,
    reorderQty: 20,
    bin: 'A-01-2',
  },
  {
    partNo: 'RF-THERM-03',
    name: '冰箱温控器',
    spec: 'WDF-20',
    models: ['BCD-215', 'BCD-470W'],
    unit: '个',
    costFen: 2800,
    priceFen: 6500,
    reorderLevel: 2,
    reorderQty: 6,
    bin: 'B-02-1',
  },
  {
    partNo: 'AC-CAP-04',
    name: '空调启动电容',
    spec: '35μF 450V',
    models: ['KFR-35GW'],
    unit: '个',
    costFen: 1500,
    priceFen: 4000,
    reorderLevel: 4,
    reorderQty: 10,
    bin: 'C-01-3',
  },
  {
    partNo: 'AC-REMOTE-05',
    name: '空调遥控器',
    spec: 'YR-H71',
    models: ['KFR-26GW', 'KFR-35GW'],
    unit: '个',
    costFen: 1800,
    priceFen: 4500,
    reorderLevel: null,
    reorderQty: 0,
    bin: 'C-02-1',
  },
] as const;

export type PartsDesk = TestDesk & {
  admin: ClientState;
  as: Record<'lead' | 'clerk' | 'technician' | 'counter', ClientState>;
  partId: (partNo: string) => string;
  supplierIds: string[];
  /** Sign every window in again, as after a test moved the clock past the idle lock. */
  signInAgain: () => Promise<void>;
};

const ROLE_OF = {
  lead: 'parts_lead',
  clerk: 'parts_clerk',
  technician: 'technician',
  counter: 'counter_staff',
} as const satisfies Record<string, Role>;

/** A set-up store, one signed-in window per parts role, two suppliers and the catalogue above. */
export async function openPartsDesk(options: { now?: () => number } = {}): Promise<PartsDesk> {
  const t = await openTestDesk(options);
  await setUpStore(t);
  const as = {} as Record<keyof typeof ROLE_OF, ClientState>;
  const windows: Array<{ client: ClientState; staffId: string; pin: string }> = [
    { client: t.client, staffId: (await t.ok('session.status', {})).staff!.id, pin: '2468' },
  ];
  for (const [key, role] of Object.entries(ROLE_OF) as Array<[keyof typeof ROLE_OF, Role]>) {
    const staff = await t.ok('staff.create', { name: `${key}-staff`, role, pin: '4321' });
    as[key] = { sessionId: null };
    windows.push({ client: as[key], staffId: staff.id, pin: '4321' });
    await t.ok('session.signIn', { staffId: staff.id, pin: '4321' }, as[key]);
  }
  const supplierIds: string[] = [];
  for (const supplier of PARTS_SUPPLIERS) supplierIds.push((await t.ok('parts.supplierCreate', supplier)).id);
  const ids = new Map<string, string>();
  for (const [index, part] of PARTS_CATALOGUE.entries()) {
    const created = await t.ok('parts.create', {
      ...part,
      models: [...part.models],
      supplierIds: [supplierIds[index % 2]!],
    });
    ids.set(part.partNo, created.id);
  }
  return {
    ...t,
    admin: t.client,
    as,
    supplierIds,
    signInAgain: async () => {
      for (const w of windows) await t.ok('session.signIn', { staffId: w.staffId, pin: w.pin }, w.client);
    },
    partId: (partNo) => {
      const id = ids.get(partNo);
      if (!id) throw new Error(`no part ${partNo} in the test catalogue`);
      return id;
    },
  };
}

/** Receives and closes a delivery of the given quantities, all accepted: stock to work with. */
export async function stockUp(
  d: PartsDesk,
  quantities: Record<string, number>,
  receivedOn: string,
): Promise<MethodResult<'parts.receiptClose'>> {
  const lines = Object.entries(quantities).map(([partNo, qty]) => ({
    partId: d.partId(partNo),
    deliveredQty: qty,
    unitCostFen: 1000,
    inspection: { acceptedQty: qty, rejectedQty: 0, rejectReason: '' },
  }));
  const receipt = await d.ok(
    'parts.receiptCreate',
    { supplierId: d.supplierIds[0]!, receivedOn, supplierRef: 'DN-STOCK', lines },
    d.as.clerk,
  );
  return d.ok('parts.receiptClose', { receiptId: receipt.id }, d.as.clerk);
}

let phoneSeq = 0;

/** A ticket to requisition parts for, taken at the counter with its customer: a repair unless told. */
export async function openRepairTicket(
  d: PartsDesk,
  { type = 'repair', voided = false }: { type?: 'repair' | 'complaint'; voided?: boolean } = {},
): Promise<{ id: string; number: string }> {
  phoneSeq += 1;
  const customer = await d.ok('customers.create', {
    name: '顾客甲',
    phones: [{ number: `1391234${String(5000 + phoneSeq).padStart(4, '0')}` }],
  });
  const ticket =
    type === 'repair'
      ? await d.ok('tickets.create', {
          type: 'repair',
          customerId: customer.id,
          location: 'in_store',
          fault: '洗衣机不排水',
          condition: '外观完好',
        })
      : await d.ok('tickets.create', {
          type: 'complaint',
          customerId: customer.id,
          channel: 'in_store',
          category: 'product_quality',
          whatHappened: '门封漏水',
          customerWants: '换货',
        });
  if (voided)
    await d.ok('tickets.act', {
      ticketId: ticket.id,
      version: ticket.version,
      step: { action: 'void', reason: '顾客取消' },
    });
  return { id: ticket.id, number: ticket.number };
}

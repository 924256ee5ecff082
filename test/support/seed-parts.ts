/**
 * Spare-parts demo data, hooked into `seedStore`: a catalogue of appliance parts, two suppliers,
 * an old and a recent delivery, so the reorder list and the slow-moving report have something to
 * show. Entered through the desk API, as the staff would.
 */
import type { MethodInput, MethodName, MethodResult } from '../../db/api';
import type { ClientState, Desk } from '../../db/desk-types';
import { localDateOf } from '../../db/tickets/calendar';

/** The demo store's parts: catalogue, stock as if received 200 and 10 days ago, reorder levels. */
export const DEMO_PARTS = [
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
    old: 0,
    recent: 2,
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
    old: 0,
    recent: 30,
  },
  {
    partNo: 'WM-DOOR-06',
    name: '滚筒门封圈',
    spec: 'Φ480',
    models: ['XQG100-B12'],
    unit: '个',
    costFen: 6800,
    priceFen: 15000,
    reorderLevel: 2,
    reorderQty: 5,
    bin: 'A-02-1',
    old: 0,
    recent: 0,
  },
  {
    partNo: 'WM-MOTOR-09',
    name: '洗衣机电机',
    spec: 'YXT-250',
    models: ['XQB80-1708'],
    unit: '台',
    costFen: 21000,
    priceFen: 42000,
    reorderLevel: 1,
    reorderQty: 2,
    bin: 'A-03-1',
    old: 2,
    recent: 0,
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
    old: 0,
    recent: 2,
  },
  {
    partNo: 'RF-FAN-07',
    name: '冰箱风扇电机',
    spec: 'DC12V',
    models: ['BCD-470W'],
    unit: '个',
    costFen: 3500,
    priceFen: 8000,
    reorderLevel: 2,
    reorderQty: 4,
    bin: 'B-02-2',
    old: 0,
    recent: 6,
  },
  {
    partNo: 'RF-GASKET-11',
    name: '冰箱门封条',
    spec: '1650×560',
    models: ['BCD-215'],
    unit: '条',
    costFen: 5200,
    priceFen: 9800,
    reorderLevel: 3,
    reorderQty: 10,
    bin: 'B-03-1',
    old: 1,
    recent: 0,
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
    old: 0,
    recent: 12,
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
    old: 15,
    recent: 0,
  },
  {
    partNo: 'AC-BOARD-08',
    name: '空调室内机主板',
    spec: 'CE-KFR35G',
    models: ['KFR-35GW'],
    unit: '块',
    costFen: 38000,
    priceFen: 68000,
    reorderLevel: null,
    reorderQty: 0,
    bin: 'C-03-1',
    old: 3,
    recent: 0,
  },
  {
    partNo: 'AC-FILTER-12',
    name: '空调过滤网',
    spec: '标准型',
    models: ['KFR-26GW', 'KFR-35GW'],
    unit: '片',
    costFen: 600,
    priceFen: 2000,
    reorderLevel: 10,
    reorderQty: 50,
    bin: 'C-04-1',
    old: 0,
    recent: 40,
  },
  {
    partNo: 'TV-PSU-10',
    name: '电视电源板',
    spec: '42寸通用',
    models: ['LED42K20'],
    unit: '块',
    costFen: 9500,
    priceFen: 18000,
    reorderLevel: null,
    reorderQty: 0,
    bin: 'D-01-1',
    old: 0,
    recent: 4,
  },
] as const;

/** What the demo's reports must show (checked by test/db/parts-demo.test.ts). */
export const DEMO_EXPECTED = {
  // The gasket is slow-moving with nothing reserved: it is not suggested for reorder.
  reorder: ['RF-THERM-03', 'WM-DOOR-06', 'WM-PUMP-01'],
  slowMoving: ['AC-BOARD-08', 'WM-MOTOR-09', 'AC-REMOTE-05', 'RF-GASKET-11'],
} as const;

const DEMO_SUPPLIERS = [
  { name: '宁波海天制冷配件厂', contact: '钱工', phone: '0574-87654321' },
  { name: '苏州恒达电器配件有限公司', contact: '周经理', phone: '0512-66881234' },
] as const;

async function must<M extends MethodName>(
  desk: Desk,
  client: ClientState,
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const result = await desk.dispatch(client, method, input);
  if (!result.ok) throw new Error(`${method} failed while seeding parts: ${result.error.message}`);
  return result.value as MethodResult<M>;
}

function daysAgo(days: number): string {
  return localDateOf(Date.now() - days * 86_400_000, 'Asia/Shanghai');
}

/** The demo staff's PINs (test/support/seed.ts DEMO_STAFF). */
const PINS = { parts_clerk: '6666', parts_lead: '5555', technician: '4444' } as const;

/**
 * The demo store's spare parts, through the desk API as the staff would enter them: the admin
 * keys the catalogue, the clerk (赵磊) receives an old and a recent delivery (the recent one with
 * a rejected line) and moves capacitors to the repair van; on a washing-machine repair the
 * technician (陈师傅) requisitions a pump and a belt, the lead (杨洋) signs, the clerk issues; a
 * second requisition waits for the lead's signature. `admin` is a signed-in admin window.
 */
export async function seedParts(desk: Desk, admin: ClientState): Promise<void> {
  const suppliers = [];
  for (const supplier of DEMO_SUPPLIERS) suppliers.push(await must(desk, admin, 'parts.supplierCreate', supplier));
  const ids = new Map<string, string>();
  for (const { old: _old, recent: _recent, ...part } of DEMO_PARTS) {
    const supplier = part.partNo.startsWith('RF-') || part.partNo.startsWith('AC-') ? suppliers[0]! : suppliers[1]!;
    ids.set(
      part.partNo,
      (await must(desk, admin, 'parts.create', { ...part, models: [...part.models], supplierIds: [supplier.id] })).id,
    );
  }
  const staff = await must(desk, admin, 'session.staffList', {});
  const signedIn = async (role: keyof typeof PINS): Promise<ClientState> => {
    const client: ClientState = { sessionId: null };
    await must(desk, client, 'session.signIn', { staffId: staff.find((s) => s.role === role)!.id, pin: PINS[role] });
    return client;
  };
  const clerk = await signedIn('parts_clerk');

  const receive = async (
    supplierId: string,
    receivedOn: string,
    supplierRef: string,
    lines: Array<{ partNo: string; qty: number; rejected?: number; reason?: string }>,
  ) => {
    const receipt = await must(desk, clerk, 'parts.receiptCreate', {
      supplierId,
      receivedOn,
      supplierRef,
      lines: lines.map((line) => {
        const part = DEMO_PARTS.find((p) => p.partNo === line.partNo)!;
        const rejected = line.rejected ?? 0;
        return {
          partId: ids.get(line.partNo)!,
          deliveredQty: line.qty + rejected,
          unitCostFen: part.costFen,
          inspection: { acceptedQty: line.qty, rejectedQty: rejected, rejectReason: line.reason ?? '' },
        };
      }),
    });
    await must(desk, clerk, 'parts.receiptClose', { receiptId: receipt.id });
  };
  for (const [index, supplier] of suppliers.entries()) {
    const mine = DEMO_PARTS.filter((p) => (p.partNo.startsWith('RF-') || p.partNo.startsWith('AC-')) === (index === 0));
    const old = mine.filter((p) => p.old > 0).map((p) => ({ partNo: p.partNo, qty: p.old }));
    const recent = mine
      .filter((p) => p.recent > 0)
      .map((p) => ({
        partNo: p.partNo,
        qty: p.recent,
        ...(p.partNo === 'AC-FILTER-12' ? { rejected: 5, reason: '滤网变形' } : {}),
      }));
    if (old.length > 0) await receive(supplier.id, daysAgo(200), `DN-${index + 1}-OLD`, old);
    if (recent.length > 0) await receive(supplier.id, daysAgo(10), `DN-${index + 1}-NEW`, recent);
  }
  const van = await must(desk, admin, 'parts.locationCreate', { code: 'VAN-1', name: '上门维修车' });
  const main = (await must(desk, admin, 'parts.lookups', {})).locations.find((l) => l.code === 'MAIN')!;
  await must(desk, clerk, 'parts.transfer', {
    partId: ids.get('AC-CAP-04')!,
    fromLocationId: main.id,
    toLocationId: van.id,
    qty: 4,
    reason: '上门维修备件',
  });

  const customer = await must(desk, admin, 'customers.create', { name: '刘秀英', phones: [{ number: '13916880001' }] });
  const repair = await must(desk, admin, 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    location: 'in_store',
    fault: '洗衣机不排水，皮带打滑',
    condition: '外观完好，无配件',
  });
  const technician = await signedIn('technician');
  const lead = await signedIn('parts_lead');
  const line = (partNo: string, qty: number) => ({ partId: ids.get(partNo)!, qty });
  const issued = await must(desk, technician, 'parts.requisitionCreate', {
    ticketId: repair.id,
    note: '排水泵与皮带',
    lines: [line('WM-PUMP-01', 1), line('WM-BELT-02', 1)],
  });
  await must(desk, lead, 'parts.requisitionApprove', { requisitionId: issued.id });
  await must(desk, clerk, 'parts.requisitionIssue', {
    requisitionId: issued.id,
    lines: issued.lines.map((l) => ({ lineId: l.id, qty: l.requestedQty })),
  });
  await must(desk, technician, 'parts.requisitionCreate', {
    ticketId: repair.id,
    note: '复检后可能需要',
    lines: [line('RF-THERM-03', 1)],
  });
  for (const client of [clerk, technician, lead]) await must(desk, client, 'session.signOut', { reason: 'manual' });
}

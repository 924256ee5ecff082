/**
 * A store for the ticket tests: S012, counter 2, open 09:00–21:00 Mon–Sat in Asia/Shanghai, one
 * staff member per role each in their own window (client), and a clock the test moves. A window
 * whose session locked while the clock jumped signs in again, as the staff member would.
 */
import type { MethodInput, MethodName, MethodResult, StepInput, TicketDetail } from '../../db/api';
import type { DeskResult } from '../../db/contract';
import type { ClientState } from '../../db/desk-types';
import type { Role } from '../../db/staff/roles';
import { approvedEstimate } from '../support/estimate-approval';
import { openTestDesk, setUpStore } from '../support/temp-store';

/** Local time in Shanghai (UTC+8, no daylight saving) as epoch ms: `sh('2026-11-23 09:00')`. */
export function sh(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
}

/** Monday 23 November 2026, 09:00 in Shanghai: the desk has just opened. */
export const MONDAY_OPEN = sh('2026-11-23 09:00');

export type Who =
  'admin' | 'counter' | 'cs_lead' | 'repair_lead' | 'technician' | 'technician2' | 'manager' | 'parts_clerk';

const STAFF: ReadonlyArray<{ who: Exclude<Who, 'admin'>; name: string; role: Role; pin: string }> = [
  { who: 'counter', name: '李娜', role: 'counter_staff', pin: '1111' },
  { who: 'cs_lead', name: '张敏', role: 'cs_lead', pin: '2222' },
  { who: 'repair_lead', name: '刘强', role: 'repair_lead', pin: '3333' },
  { who: 'technician', name: '陈师傅', role: 'technician', pin: '4444' },
  { who: 'technician2', name: '王师傅', role: 'technician', pin: '4545' },
  { who: 'manager', name: '周经理', role: 'aftersales_manager', pin: '7777' },
  { who: 'parts_clerk', name: '赵磊', role: 'parts_clerk', pin: '6666' },
];

export async function openTicketDesk(start = MONDAY_OPEN) {
  const clock = { now: start };
  const t = await openTestDesk({ now: () => clock.now });
  const admin = await setUpStore(t, { adminPin: '2468' });
  const people = new Map<Who, { id: string; pin: string; client: ClientState }>([
    ['admin', { id: admin.id, pin: '2468', client: t.client }],
  ]);
  for (const s of STAFF) {
    const created = await t.ok('staff.create', { name: s.name, role: s.role, pin: s.pin });
    people.set(s.who, { id: created.id, pin: s.pin, client: { sessionId: null } });
  }

  async function call<M extends MethodName>(
    who: Who,
    method: M,
    input: MethodInput<M>,
  ): Promise<DeskResult<MethodResult<M>>> {
    const person = people.get(who)!;
    const first = await t.call(method, input, person.client);
    if (first.ok || (first.error.code !== 'not_signed_in' && first.error.code !== 'session_expired')) return first;
    const signIn = await t.call('session.signIn', { staffId: person.id, pin: person.pin }, person.client);
    if (!signIn.ok) throw new Error(`${who} could not sign in: ${JSON.stringify(signIn.error)}`);
    return t.call(method, input, person.client);
  }

  async function ok<M extends MethodName>(who: Who, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
    const result = await call(who, method, input);
    if (!result.ok) throw new Error(`${who} ${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  /** The error a refused call gives (the test fails if the call went through). */
  async function refused<M extends MethodName>(who: Who, method: M, input: MethodInput<M>) {
    const result = await call(who, method, input);
    if (result.ok) throw new Error(`${who} ${method} was expected to be refused but succeeded`);
    return result.error;
  }

  let phoneSeq = 0;
  async function customer(name = '王芳', tier: 'regular' | 'silver' | 'gold' | 'vip' = 'regular') {
    phoneSeq += 1;
    return ok('admin', 'customers.create', {
      name,
      tier,
      phones: [{ number: `1390000${String(phoneSeq).padStart(4, '0')}` }],
    });
  }

  return {
    ...t,
    clock,
    idOf: (who: Who) => people.get(who)!.id,
    call,
    ok,
    refused,
    customer,
    /**
     * Count every standard in the store's working hours. A fresh store counts its whole-day targets
     * ("within 24 hours") in calendar hours (migration 0019); tests of working-time arithmetic
     * (nights, weekends, holidays) say so with this first.
     */
    countWorkingHours: async () => {
      const targets = await ok('admin', 'tickets.slaTargets', {});
      await ok('admin', 'tickets.saveSlaTargets', { targets: targets.map((t) => ({ ...t, counts: 'working' })) });
    },
    /** Price the job and record the customer's approval by phone, so its work may start. */
    approveEstimate: (ticketId: string) => approvedEstimate((m, i) => ok('counter', m, i), ticketId, '吴先生'),
    /** Move the desk's clock (forwards or, to test a PC clock change, backwards). */
    setTime: (ms: number) => {
      clock.now = ms;
    },
    advance: (minutes: number) => {
      clock.now += minutes * 60_000;
    },
  };
}

export type TicketDesk = Awaited<ReturnType<typeof openTicketDesk>>;

/** One workflow step by `who` on the ticket as last seen (its version guards against a stale screen). */
export function act(d: TicketDesk, who: Who, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
}

export const VISIT_ADDRESS = '上海市静安区南京西路 1266 号 12 楼';

/**
 * A repair of 吴先生's air conditioner taken at the counter: on site at VISIT_ADDRESS, or brought in
 * with its remote and a scratched case. `approved`: out of warranty, the customer approves the price
 * at the counter, so the work may start.
 */
export async function newRepair(
  d: TicketDesk,
  location: 'on_site' | 'in_store',
  { priority = 'normal', approved = false }: { priority?: 'normal' | 'high' | 'urgent'; approved?: boolean } = {},
): Promise<TicketDetail> {
  const customer = await d.customer('吴先生');
  const ticket = await d.ok('counter', 'tickets.create', {
    type: 'repair',
    customerId: customer.id,
    priority,
    location,
    address: location === 'on_site' ? VISIT_ADDRESS : '',
    model: 'KFR-35GW',
    fault: '空调制热时外机噪音大',
    accessories: location === 'in_store' ? '遥控器一个' : '',
    condition: location === 'in_store' ? '外壳有轻微划痕' : '',
  });
  if (approved) await d.approveEstimate(ticket.id);
  return ticket;
}

/** 刘女士's complaint about a rude installer, taken at the counter; `about` names whom it is about. */
export async function newComplaint(
  d: TicketDesk,
  { serious = false, about }: { serious?: boolean; about?: string } = {},
): Promise<TicketDetail> {
  const customer = await d.customer('刘女士');
  return d.ok('counter', 'tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    channel: 'in_store',
    category: 'service_attitude',
    whatHappened: '上门安装师傅态度恶劣，未按约定时间到达',
    customerWants: '道歉并重新安排安装',
    serious,
    ...(about === undefined ? {} : { about }),
  });
}

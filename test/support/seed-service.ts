/**
 * The demo's service work, hooked into `seedStore` after the parts (so the parts demo's ticket keeps
 * its number): proof of purchase for about 30% of the customers, and ~150 tickets of all five types
 * at every stage, each step taken through the desk API by the staff member whose job it is. Times
 * come from the desk's own clock, so nothing is old enough to be breached.
 */
import { createHash } from 'node:crypto';
import {
  buildServiceForm,
  canonicalJson,
  type MethodInput,
  type MethodName,
  type MethodResult,
  type StepInput,
  type TicketDetail,
} from '../../db/api';
import type { ClientState, Desk } from '../../db/desk-types';
import type { Role } from '../../db/staff/roles';
import { addDays, localDateOf, zonedInstant } from '../../db/tickets/calendar';
import { createProductGenerator, type GeneratedProduct } from './generator';
import { approvedEstimate } from './estimate-approval';

const TIME_ZONE = 'Asia/Shanghai';

const FAULTS: Readonly<Record<string, ReadonlyArray<string>>> = {
  tv: ['开机后无图像，有声音', '屏幕出现竖条纹', '遥控器失灵，按键无反应', '画面偶尔闪烁后黑屏'],
  fridge: ['冷藏室不制冷，冷冻正常', '压缩机噪音大', '门封不严，结霜严重', '显示屏报E1故障'],
  washer: ['不排水，显示E21', '脱水时剧烈抖动', '进水阀漏水', '滚筒不转，有焦味'],
  aircon: ['制热效果差，出风不热', '室内机滴水', '外机噪音大', '开机几分钟后自动停机'],
  kitchen: ['吸力明显下降', '点火困难，打不着火', '面板按键失灵', '运行时异响'],
  small: ['通电后不加热', '指示灯不亮，无法启动', '内胆涂层脱落', '电源线接头发热'],
  furniture: ['沙发扶手松动，有响声', '皮面开裂', '功能位电动按钮失灵', '坐垫塌陷'],
  mattress: ['床垫中间塌陷', '弹簧有异响', '面料起球开线', '侧边支撑变形'],
};
const QUESTIONS = [
  '请问空调清洗保养怎么收费？',
  '冰箱能否以旧换新，补贴多少？',
  '延保服务包括哪些项目？',
  '购买发票丢失还能保修吗？',
  '上门安装需要提前几天预约？',
  '电视壁挂架是否另外收费？',
  '沙发面料可以单独更换吗？',
  '洗衣机搬家后需要重新调平吗？',
];
const ANSWERS = [
  '已告知收费标准并发送价目表',
  '已说明活动规则，顾客表示考虑',
  '已解释保修范围，顾客满意',
  '已为顾客查询记录并答复',
];
const COMPLAINTS = [
  { category: 'delivery', what: '送货比约定时间晚了四个小时，没有提前通知', wants: '希望道歉并补偿运费' },
  { category: 'service_attitude', what: '上门师傅态度生硬，未穿鞋套', wants: '希望门店批评教育并回复' },
  { category: 'product_quality', what: '新买一周的冰箱门把手断裂', wants: '要求更换整机' },
  { category: 'aftersales', what: '报修三天无人联系', wants: '尽快安排师傅上门' },
  { category: 'other', what: '发票抬头开错，多次联系未处理', wants: '重新开具发票' },
] as const;
const FEEDBACK = [
  { category: 'environment', content: '门店停车位太少，建议增加指引' },
  { category: 'service', content: '导购讲解很专业，点赞' },
  { category: 'price', content: '希望会员价能覆盖小家电' },
  { category: 'product', content: '建议引进更多嵌入式厨电型号' },
  { category: 'other', content: '希望营业时间延长到晚上十点' },
] as const;

const SIGNATURE = {
  width: 400,
  height: 120,
  strokes: [
    Array.from({ length: 20 }, (_, i) => [20 + i * 8, 60 + Math.round(15 * Math.sin(i / 2))] as [number, number]),
    Array.from({ length: 8 }, (_, i) => [220 + i * 12, 40 + i * 7] as [number, number]),
  ],
};
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export type DemoStaff = ReadonlyArray<{ name: string; role: Role; pin: string }>;
type Owned = { customerId: string; productId: string; name: string; product: GeneratedProduct };

async function must<M extends MethodName>(
  desk: Desk,
  client: ClientState,
  method: M,
  input: MethodInput<M>,
): Promise<MethodResult<M>> {
  const result = await desk.dispatch(client, method, input);
  if (!result.ok) throw new Error(`${method} failed while seeding service work: ${result.error.message}`);
  return result.value as MethodResult<M>;
}

/**
 * `admin` is a signed-in admin window; `customers` the seeded customers' ids and names in order.
 * Returns how many products and tickets it made.
 */
export async function seedService(
  desk: Desk,
  admin: ClientState,
  staff: DemoStaff,
  customers: ReadonlyArray<{ id: string; name: string }>,
  seed: number,
): Promise<{ products: number; tickets: number }> {
  if (customers.length === 0) return { products: 0, tickets: 0 };
  const gen = createProductGenerator(seed);
  const now = Date.now();
  const today = localDateOf(now, TIME_ZONE);
  const tomorrow = addDays(today, 1);
  const list = await must(desk, admin, 'session.staffList', {});
  const idOf = (role: Role): string => list.find((s) => s.role === role)!.id;
  const windows = new Map<Role, ClientState>();
  const as = async (role: Role): Promise<ClientState> => {
    const open = windows.get(role);
    if (open) return open;
    const client: ClientState = { sessionId: null };
    await must(desk, client, 'session.signIn', { staffId: idOf(role), pin: staff.find((s) => s.role === role)!.pin });
    windows.set(role, client);
    return client;
  };
  const counter = await as('counter_staff');

  // Proof of purchase (购买凭证), keyed at the counter.
  const owned: Owned[] = [];
  for (const customer of customers) {
    if (gen.random() >= 0.3) continue;
    for (let n = gen.random() < 0.2 ? 2 : 1; n > 0; n--) {
      const product = gen.product(today);
      const row = await must(desk, counter, 'customers.addProduct', { customerId: customer.id, ...product });
      owned.push({ customerId: customer.id, productId: row.id, name: customer.name, product });
    }
  }
  const anyone = () => gen.pick(customers);
  const ownedOne = () => gen.pick(owned);
  const act = async (role: Role, ticket: TicketDetail, step: StepInput): Promise<TicketDetail> =>
    must(desk, await as(role), 'tickets.act', { ticketId: ticket.id, version: ticket.version, step });
  const intake = (input: MethodInput<'tickets.create'>) => must(desk, counter, 'tickets.create', input);
  /** Work outside warranty starts once the customer has approved its estimate (by phone here). */
  const priced = async (ticket: TicketDetail, customerName: string): Promise<void> => {
    const { gate } = await must(desk, counter, 'tickets.estimates', { ticketId: ticket.id });
    if (gate !== null) await approvedEstimate((m, i) => must(desk, counter, m, i), ticket.id, customerName);
  };
  const priority = () => (gen.random() < 0.15 ? 'urgent' : 'normal') as 'urgent' | 'normal';
  let tickets = 0;
  /** A local time later today if there is room for it, else tomorrow's. */
  const laterToday = (hours: number): string => {
    const at = Math.min(now + hours * 3_600_000, zonedInstant(today, '23:30', TIME_ZONE));
    return new Date(at > now + 10 * 60_000 ? at : zonedInstant(tomorrow, '10:00', TIME_ZONE)).toISOString();
  };
  const followUp = (ticket: TicketDetail) =>
    must(desk, counter, 'tickets.recordFollowUp', {
      ticketId: ticket.id,
      version: ticket.version,
      reached: true,
      rating: gen.pick([4, 5, 5]),
      productWorks: 'works_well',
      problemSolved: true,
      comments: '顾客表示满意',
    });

  // Repairs (维修): fresh, scheduled today/tomorrow for 陈师傅, appointments, in repair, done and awaiting the follow-up call.
  for (let i = 0; i < 45; i++) {
    const o = ownedOne();
    const onSite = i % 3 === 1;
    let ticket = await intake({
      type: 'repair',
      customerId: o.customerId,
      productId: o.productId,
      priority: priority(),
      location: onSite ? 'on_site' : 'in_store',
      address: onSite
        ? `上海市${gen.pick(['静安区', '徐汇区', '长宁区'])}${gen.pick(['南京西路', '淮海中路', '延安中路'])}${100 + i * 7}号`
        : '',
      model: o.product.model,
      serial: o.product.serial,
      fault: gen.pick(FAULTS[o.product.category] ?? FAULTS.small!),
      accessories: onSite ? '' : gen.pick(['无', '遥控器一个', '电源线一根']),
      condition: onSite ? '' : gen.pick(['外观完好', '外壳有轻微划痕', '边角有磕碰']),
    });
    tickets++;
    if (i < 10) continue; // fresh, waiting for the repair lead
    const technicianId = i % 9 === 0 ? idOf('repair_lead') : idOf('technician');
    const tech: Role = technicianId === idOf('technician') ? 'technician' : 'repair_lead';
    const plannedDate = i < 22 ? (i % 2 === 0 ? today : tomorrow) : addDays(today, i % 4);
    ticket = await act('repair_lead', ticket, { action: 'schedule', technicianId, plannedDate });
    if (i < 16) continue;
    if (onSite) {
      // The jobs the technician has reached were booked for this very minute; the rest later.
      const booked =
        i >= 28
          ? new Date(Math.floor(now / 60_000) * 60_000).toISOString()
          : plannedDate === today
            ? laterToday(2 + (i % 4))
            : undefined;
      const when =
        booked ??
        new Date(zonedInstant(plannedDate, `${String(9 + (i % 8)).padStart(2, '0')}:30`, TIME_ZONE)).toISOString();
      ticket = await act(tech, ticket, { action: 'contact_customer', appointmentAt: when, note: '已电话确认上门时间' });
      if (i < 28) continue;
      await priced(ticket, o.name);
      ticket = await act(tech, ticket, { action: 'arrive' });
    } else {
      if (i < 20) continue;
      await priced(ticket, o.name);
      ticket = await act(tech, ticket, { action: 'start_work' });
    }
    if (i < 34) {
      if (i % 5 === 0) await act(tech, ticket, { action: 'wait_parts', note: '等待配件到货' });
      else if (i % 2 === 0) await act(tech, ticket, { action: 'record_work', workDone: '已拆机检测，确认故障部件' });
      continue;
    }
    const workDone = '更换故障部件，清洁内部并测试运行';
    const result = '运行正常，已向顾客演示';
    const form = buildServiceForm(ticket.serviceFormSource!, { workDone, result, signerName: o.name });
    ticket = await act(tech, ticket, {
      action: 'complete',
      workDone,
      result,
      signerName: o.name,
      signature: SIGNATURE,
      formHash: sha256(canonicalJson(form)),
    });
    if (i >= 41) await followUp(ticket);
  }

  // After-sales (售后) with proof of purchase, handled by the after-sales manager.
  for (let i = 0; i < 30; i++) {
    const o = ownedOne();
    let ticket = await intake({
      type: 'aftersales',
      customerId: o.customerId,
      productId: o.productId,
      priority: priority(),
      channel: gen.pick(['in_store', 'phone', 'online'] as const),
      receiptNo: o.product.receiptNo,
      purchaseDate: o.product.purchaseDate,
      model: o.product.model,
      serial: o.product.serial,
      fault: gen.pick(FAULTS[o.product.category] ?? FAULTS.small!),
      wants: gen.pick(['replace', 'repair', 'refund', 'undecided'] as const),
    });
    tickets++;
    if (i < 8) continue;
    ticket = await act('aftersales_manager', ticket, { action: 'assign', assigneeId: idOf('aftersales_manager') });
    ticket = await act('aftersales_manager', ticket, { action: 'verify', findings: '凭证有效，故障属实，在保修期内' });
    if (i < 13) continue;
    const plan = gen.pick(['replace', 'repair', 'refund'] as const);
    ticket = await act('aftersales_manager', ticket, {
      action: 'decide_plan',
      plan,
      details: plan === 'repair' ? '安排师傅维修，更换故障部件' : plan === 'replace' ? '同型号换新' : '按原价退款',
      // Kept only when the plan falls outside its 三包 window (db/tickets/plan-window.ts).
      ...(plan === 'repair' ? {} : { overrideReason: '多次维修未果，经理同意' }),
    });
    if (i < 17) continue;
    ticket = await act('aftersales_manager', ticket, { action: 'customer_confirms' });
    await priced(ticket, o.name);
    ticket = await act('aftersales_manager', ticket, { action: 'start_work' });
    if (i < 21) continue;
    ticket = await act('aftersales_manager', ticket, { action: 'mark_done', result: '已按方案处理完毕' });
    if (i >= 27) await followUp(ticket);
  }

  // Complaints (投诉), assigned by the customer-service lead to herself.
  for (let i = 0; i < 25; i++) {
    const c = gen.pick(COMPLAINTS);
    const o = i % 2 === 0 ? ownedOne() : null;
    let ticket = await intake({
      type: 'complaint',
      customerId: o?.customerId ?? anyone().id,
      ...(o ? { productId: o.productId } : {}),
      priority: priority(),
      channel: gen.pick(['phone', 'in_store', 'email'] as const),
      category: c.category,
      whatHappened: c.what,
      customerWants: c.wants,
      serious: i % 12 === 5,
    });
    tickets++;
    if (i < 6) continue;
    ticket = await act('cs_lead', ticket, { action: 'assign', assigneeId: idOf('cs_lead') });
    if (i < 11) continue;
    ticket = await act('cs_lead', ticket, { action: 'start_investigation' });
    if (i < 15) continue;
    ticket = await act('cs_lead', ticket, {
      action: 'propose_solution',
      findings: '核实情况属实',
      solution: '向顾客致歉并给予补偿',
    });
    if (i < 18) continue;
    ticket = await act('cs_lead', ticket, { action: 'inform_customer', customerView: '顾客接受方案' });
    if (i < 22) continue;
    ticket = await followUp(ticket);
    await act('cs_lead', ticket, { action: 'archive' });
  }

  // Consultations (咨询): most answered at once, some with a promised reply (two due today).
  for (let i = 0; i < 30; i++) {
    const promised =
      i < 2
        ? laterToday(3 + i)
        : i < 12
          ? new Date(zonedInstant(addDays(today, 1 + (i % 3)), '15:00', TIME_ZONE)).toISOString()
          : undefined;
    const ticket = await intake({
      type: 'consultation',
      customerId: anyone().id,
      channel: gen.pick(['phone', 'in_store', 'online'] as const),
      question: gen.pick(QUESTIONS),
      ...(promised ? { promisedReplyAt: promised } : { answer: gen.pick(ANSWERS) }),
    });
    tickets++;
    if (promised && i >= 9) await act('counter_staff', ticket, { action: 'answer', answer: gen.pick(ANSWERS) });
  }

  // Feedback and suggestions, reviewed and closed by the customer-service lead.
  for (let i = 0; i < 20; i++) {
    const f = gen.pick(FEEDBACK);
    let ticket = await intake({
      type: 'feedback',
      customerId: anyone().id,
      channel: gen.pick(['in_store', 'online'] as const),
      category: f.category,
      content: f.content,
    });
    tickets++;
    if (i < 8) continue;
    ticket = await act('cs_lead', ticket, { action: 'review', response: '已转相关部门改进' });
    if (i >= 14) await act('cs_lead', ticket, { action: 'close' });
  }

  for (const client of windows.values()) await must(desk, client, 'session.signOut', { reason: 'manual' });
  return { products: owned.length, tickets };
}

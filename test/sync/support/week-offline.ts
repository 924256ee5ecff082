/**
 * A week of counter work done offline, for F14 (docs/SYNC.md §3b): new customers with their phones,
 * edits of them, service notes, complaint tickets with their create event, assignments and notes,
 * and stock adjustments. Going through the desk API costs about 4 ms a call, too slow for 100k
 * changes in CI, so this writes what those calls write — the rows, their change-log rows (one per
 * record, changed fields only, one tx_id per action), the per-field stamps of last-writer-wins
 * records, the search terms and the on-hand cache — straight on the store's connection, from the
 * same values and stamps. `changeShapes` lets a test hold the result against real desk calls: the
 * fields each kind of change carries must be the same. Derived ticket columns are written as the
 * fold would (status, assignee); the SLA row is left to the next refresh, as sync does.
 */
import type { Store } from '../../../db/open';
import { newId } from '../../../db/ids';
import { SCHEMA_VERSION } from '../../../db/migrations/index';
import { customerTerms } from '../../../db/customers/search-terms';
import { normalisePhone } from '../../../db/customers/phone';
import { hlcInstant } from '../../../db/tickets/events';
import { exclusive } from '../../../db/exclusive';
import { createGenerator } from '../../support/generator';

export type OfflineContext = {
  store: Store;
  staffId: string;
  /** The PC's own store row id (tickets carry it). */
  storeId: string;
  /** A ticket number this PC made at the desk today: later numbers follow it. */
  lastTicketNumber: string;
  /** The create event's data the desk wrote for a normal-priority complaint (its SLA targets). */
  createEventData: string;
  locationId: string;
  parts: ReadonlyArray<{ id: string; costFen: number }>;
  seed: number;
};

export type OfflineWeek = {
  changes: number;
  actions: Record<string, number>;
  /** Every stock movement made: partId → Σ qty. */
  onHand: Map<string, number>;
  /** Each ticket's status as the fold gives it. */
  ticketStatus: Map<string, string>;
};

type Customer = { id: string; notes: string };
type Log = (entity: string, id: string, op: string, fields: Record<string, unknown>, stamp: string) => void;
type Ticket = { id: string; status: 'recorded' | 'assigned' };

export async function writeOfflineWeek(ctx: OfflineContext, changes: number): Promise<OfflineWeek> {
  const { sqlite, hlc } = ctx.store;
  const gen = createGenerator(ctx.seed);
  const rnd = gen.random;
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(rnd() * items.length)]!;
  const week: OfflineWeek = { changes: 0, actions: {}, onHand: new Map(), ticketStatus: new Map() };
  const customers: Customer[] = [];
  const tickets: Ticket[] = [];
  const prefix = ctx.lastTicketNumber.slice(0, -4);
  let ticketSeq = Number(ctx.lastTicketNumber.slice(-4));

  const sql = {
    log: sqlite.prepare(
      'INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    stamp: sqlite.prepare(
      'INSERT INTO row_clock (entity, entity_id, field, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = excluded.hlc',
    ),
    customer: sqlite.prepare(
      'INSERT INTO customer (id, name, tier, tier_rule, notes, preferred_channel, contact_consent, do_not_contact, created_store_id, created_by, created_at, updated_at, deleted_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
    ),
    phone: sqlite.prepare(
      'INSERT INTO customer_phone (id, customer_id, kind, number, digits, position, created_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    term: sqlite.prepare('INSERT OR IGNORE INTO search_term (term, customer_id) VALUES (?, ?)'),
    editCustomer: sqlite.prepare('UPDATE customer SET notes = ?, updated_at = ?, hlc = ? WHERE id = ?'),
    note: sqlite.prepare(
      'INSERT INTO customer_note (id, customer_id, body, staff_id, created_at, hlc) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    ticket: sqlite.prepare(
      `INSERT INTO ticket (id, number, store_id, customer_id, product_id, type, priority, channel, category, summary, form, created_by, created_at, updated_at, hlc, status, is_open, state_hlc)
       VALUES (?, ?, ?, ?, NULL, 'complaint', 'normal', ?, ?, ?, ?, ?, ?, ?, ?, 'recorded', 1, ?)`,
    ),
    event: sqlite.prepare(
      'INSERT INTO ticket_event (id, ticket_id, action, from_status, to_status, staff_id, at, note, data, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    assigned: sqlite.prepare("UPDATE ticket SET status = 'assigned', assignee_id = ?, state_hlc = ? WHERE id = ?"),
    stateStamp: sqlite.prepare('UPDATE ticket SET state_hlc = ? WHERE id = ?'),
    movement: sqlite.prepare(
      "INSERT INTO stock_movement (id, part_id, location_id, kind, qty, unit_cost_fen, reason, doc_type, doc_id, doc_line_id, reverses_id, staff_id, created_at, hlc) VALUES (?, ?, ?, 'adjust', ?, ?, ?, 'manual', NULL, NULL, NULL, ?, ?, ?)",
    ),
    onHand: sqlite.prepare(
      'INSERT INTO stock_on_hand (part_id, location_id, qty, last_movement_at) VALUES (?, ?, ?, ?) ON CONFLICT (part_id, location_id) DO UPDATE SET qty = stock_on_hand.qty + excluded.qty, last_movement_at = max(stock_on_hand.last_movement_at, excluded.last_movement_at)',
    ),
  };

  /** One desk action: its own transaction id and time, one change row per record. */
  const action = (name: string, work: (log: Log, nowIso: string) => void) => {
    const txId = newId();
    const nowIso = new Date(ctx.store.now()).toISOString();
    work((entity, id, op, fields, stamp) => {
      sql.log.run(newId(), txId, entity, id, op, JSON.stringify(fields), stamp, ctx.staffId, SCHEMA_VERSION, nowIso);
      week.changes += 1;
    }, nowIso);
    week.actions[name] = (week.actions[name] ?? 0) + 1;
  };
  const stampAll = (entity: string, id: string, fields: Record<string, unknown>, stamp: string) => {
    for (const field of Object.keys(fields)) sql.stamp.run(entity, id, field, stamp);
  };

  const newCustomer = () =>
    action('new customer', (log, nowIso) => {
      const person = gen.customer();
      const id = newId();
      const stamp = hlc.send();
      const fields = {
        name: person.name,
        tier: 'regular',
        tierRule: 'manual',
        notes: person.notes,
        preferredChannel: null,
        // The customer's message language: the row's NULL default, logged like the desk logs it.
        language: null,
        contactConsent: 0,
        doNotContact: 0,
        createdStoreId: ctx.storeId,
        createdBy: ctx.staffId,
        createdAt: nowIso,
        updatedAt: nowIso,
        deletedAt: null,
      };
      sql.customer.run(
        id,
        fields.name,
        fields.tier,
        fields.tierRule,
        fields.notes,
        null,
        0,
        0,
        ctx.storeId,
        ctx.staffId,
        nowIso,
        nowIso,
        stamp,
      );
      log('customer', id, 'insert', fields, stamp);
      stampAll('customer', id, fields, stamp);
      const digits: string[] = [];
      for (const [position, raw] of person.phones.entries()) {
        const phone = normalisePhone(raw)!;
        const phoneId = newId();
        const phoneStamp = hlc.send();
        sql.phone.run(phoneId, id, phone.kind, phone.number, phone.digits, position, nowIso, phoneStamp);
        log(
          'customer_phone',
          phoneId,
          'insert',
          { customerId: id, kind: phone.kind, number: phone.number, digits: phone.digits, position, createdAt: nowIso },
          phoneStamp,
        );
        digits.push(phone.digits);
      }
      for (const term of customerTerms({ name: person.name, phoneDigits: digits, products: [] }))
        sql.term.run(term, id);
      customers.push({ id, notes: person.notes });
    });

  const editCustomer = () =>
    action('customer edit', (log, nowIso) => {
      const customer = pick(customers);
      customer.notes =
        pick(['偏好电话联系', '周末上门方便', '老顾客，多次购买', '请先短信再来电', `回访于${nowIso.slice(0, 10)}`]) +
        (customer.notes === '' ? '' : '；');
      const stamp = hlc.send();
      sql.editCustomer.run(customer.notes, nowIso, stamp, customer.id);
      log('customer', customer.id, 'update', { notes: customer.notes, updatedAt: nowIso }, stamp);
      sql.stamp.run('customer', customer.id, 'notes', stamp);
    });

  const serviceNote = () =>
    action('service note', (log, nowIso) => {
      const id = newId();
      const stamp = hlc.send();
      const fields = {
        customerId: pick(customers).id,
        body: pick(['电话回访，顾客满意', '顾客来电询问安装时间', '已寄送保修卡']),
        staffId: ctx.staffId,
        createdAt: nowIso,
      };
      sql.note.run(id, fields.customerId, fields.body, ctx.staffId, nowIso, stamp);
      log('customer_note', id, 'append', fields, stamp);
    });

  const appendEvent = (
    log: Log,
    ticketId: string,
    step: string,
    from: string | null,
    to: string | null,
    note: string,
    data: string,
  ) => {
    const id = newId();
    const stamp = hlc.send();
    const fields = {
      ticketId,
      action: step,
      fromStatus: from,
      toStatus: to,
      staffId: ctx.staffId,
      at: hlcInstant(stamp),
      note,
      data,
    };
    sql.event.run(id, ticketId, step, from, to, ctx.staffId, fields.at, note, data, stamp);
    log('ticket_event', id, 'append', fields, stamp);
    return stamp;
  };

  const newTicket = () =>
    action('new ticket', (log, nowIso) => {
      const id = newId();
      ticketSeq += 1;
      const whatHappened = pick(['送货延误三天', '安装师傅态度不好', '收到的冰箱门有划痕', '售后电话打不通']);
      const form = {
        channel: 'in_store',
        category: 'service_attitude',
        whatHappened,
        customerWants: '尽快处理',
        serious: false,
        about: 'none',
      };
      const stamp = hlc.send();
      // The form travels key by key, as the desk logs it (db/tickets/form-sync.ts).
      const formKeys = Object.fromEntries(Object.entries(form).map(([key, value]) => [`form.${key}`, value]));
      const fields = {
        number: `${prefix}${String(ticketSeq).padStart(4, '0')}`,
        storeId: ctx.storeId,
        customerId: pick(customers).id,
        productId: null,
        parentTicketId: null,
        type: 'complaint',
        priority: 'normal',
        channel: 'in_store',
        category: 'service_attitude',
        summary: whatHappened,
        ...formKeys,
        createdBy: ctx.staffId,
        createdAt: nowIso,
        updatedAt: nowIso,
      };
      sql.ticket.run(
        id,
        fields.number,
        ctx.storeId,
        fields.customerId,
        fields.channel,
        fields.category,
        whatHappened,
        JSON.stringify(form),
        ctx.staffId,
        nowIso,
        nowIso,
        stamp,
        stamp,
      );
      log('ticket', id, 'insert', fields, stamp);
      stampAll('ticket', id, fields, stamp);
      // The fold's state stamp is the last event that moved the ticket: here, its creation.
      sql.stateStamp.run(appendEvent(log, id, 'create', null, 'recorded', '', ctx.createEventData), id);
      tickets.push({ id, status: 'recorded' });
      week.ticketStatus.set(id, 'recorded');
    });

  const workTicket = () =>
    action('ticket step', (log) => {
      const ticket = pick(tickets);
      if (ticket.status === 'recorded' && rnd() < 0.6) {
        const stamp = appendEvent(
          log,
          ticket.id,
          'assign',
          'recorded',
          'assigned',
          '',
          JSON.stringify({ assigneeId: ctx.staffId }),
        );
        sql.assigned.run(ctx.staffId, stamp, ticket.id);
        ticket.status = 'assigned';
        week.ticketStatus.set(ticket.id, 'assigned');
      } else
        appendEvent(log, ticket.id, 'note', null, null, pick(['已联系顾客', '等待厂家回复', '顾客同意改期']), '{}');
    });

  const adjustStock = () =>
    action('stock movement', (log, nowIso) => {
      const part = pick(ctx.parts);
      const qty = (rnd() < 0.5 ? -1 : 1) * (1 + Math.floor(rnd() * 5));
      const id = newId();
      const stamp = hlc.send();
      const reason = qty > 0 ? '盘盈' : '报损';
      sql.movement.run(id, part.id, ctx.locationId, qty, part.costFen, reason, ctx.staffId, nowIso, stamp);
      log(
        'stock_movement',
        id,
        'append',
        {
          partId: part.id,
          locationId: ctx.locationId,
          kind: 'adjust',
          qty,
          unitCostFen: part.costFen,
          reason,
          docType: 'manual',
          docId: null,
          docLineId: null,
          reversesId: null,
          staffId: ctx.staffId,
          createdAt: nowIso,
        },
        stamp,
      );
      sql.onHand.run(part.id, ctx.locationId, qty, nowIso);
      week.onHand.set(part.id, (week.onHand.get(part.id) ?? 0) + qty);
    });

  // The mix of a store week: about a third of the changes are new customers.
  const MIX: Array<[number, () => void]> = [
    [0.25, newCustomer],
    [0.15, editCustomer],
    [0.1, serviceNote],
    [0.15, newTicket],
    [0.15, workTicket],
    [0.2, adjustStock],
  ];
  // In transactions of 500 actions, between which the counter could work.
  while (week.changes < changes) {
    await exclusive(ctx.store, () => {
      for (let i = 0; i < 500 && week.changes < changes; i += 1) {
        let roll = rnd();
        let chosen = MIX.at(-1)![1];
        for (const [weight, act] of MIX) {
          if (roll < weight) {
            chosen = act;
            break;
          }
          roll -= weight;
        }
        if (customers.length === 0 || (chosen === workTicket && tickets.length === 0)) chosen = newCustomer;
        chosen();
      }
    });
  }
  return week;
}

/** The fields each kind of change carries, by "entity op" (and the event's action for ticket events). */
export function changeShapes(store: Store, { sinceSeq = 0 } = {}): Map<string, string> {
  const rows = store.sqlite.prepare('SELECT entity, op, fields FROM change_log WHERE seq > ?').all(sinceSeq) as Array<{
    entity: string;
    op: string;
    fields: string;
  }>;
  const shapes = new Map<string, string>();
  for (const row of rows) {
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    const kind =
      row.entity === 'ticket_event' ? `${row.entity} ${row.op} ${String(fields.action)}` : `${row.entity} ${row.op}`;
    shapes.set(kind, Object.keys(fields).sort().join(','));
  }
  return shapes;
}

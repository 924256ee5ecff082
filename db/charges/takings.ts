/**
 * The day's takings for the shift hand-over: what came in and went out per payment method, per
 * counter PC and per staff member, over one local day of the store (its time zone, as the ticket
 * settings say). Sums run in SQL over the day's index range; the listing is capped.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema';
import { staffNames } from '../print/store-header';
import { addDays, zonedInstant } from '../tickets/calendar';
import { loadTicketSettings, requireStore } from '../tickets/settings';
import { MAX_TAKINGS_LISTED, type Takings, type TakingsTotals } from './contract';
import { thisDevice } from './payments';
import { PAYMENT_METHODS, type PaymentKind, type PaymentMethod } from './tables';

type Group = {
  kind: PaymentKind;
  method: PaymentMethod;
  deviceId: string;
  takenBy: string | null;
  total: number;
  n: number;
};

function emptyTotals(): {
  -readonly [K in keyof TakingsTotals]: K extends 'byMethod' ? Record<PaymentMethod, number> : number;
} {
  return {
    byMethod: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, number>,
    receivedFen: 0,
    refundedFen: 0,
    netFen: 0,
    count: 0,
  };
}

function add(totals: ReturnType<typeof emptyTotals>, group: Group): void {
  const signed = group.kind === 'refund' ? -group.total : group.total;
  totals.byMethod[group.method] += signed;
  if (group.kind === 'refund') totals.refundedFen += group.total;
  else totals.receivedFen += group.total;
  totals.netFen += signed;
  totals.count += group.n;
}

/** The instants a local day of the store runs between, as ISO strings (payments store UTC ISO). */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: new Date(zonedInstant(date, '00:00', timeZone)).toISOString(),
    to: new Date(zonedInstant(addDays(date, 1), '00:00', timeZone)).toISOString(),
  };
}

export async function loadTakings(db: Kysely<DB>, date: string, nowIso: string): Promise<Takings> {
  const store = await requireStore(db);
  const { timeZone } = await loadTicketSettings(db, store.id);
  const { from, to } = dayBounds(date, timeZone);
  const groups = (await db
    .selectFrom('payment')
    .select((eb) => [
      'kind',
      'method',
      'deviceId',
      'takenBy',
      eb.fn.sum<number>('amountFen').as('total'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('takenAt', '>=', from)
    .where('takenAt', '<', to)
    .groupBy(['kind', 'method', 'deviceId', 'takenBy'])
    .execute()) as Group[];

  const total = emptyTotals();
  const devices = new Map<string, ReturnType<typeof emptyTotals>>();
  const staff = new Map<string, ReturnType<typeof emptyTotals> & { staffId: string | null }>();
  for (const group of groups) {
    const g = { ...group, total: Number(group.total), n: Number(group.n) };
    add(total, g);
    if (!devices.has(g.deviceId)) devices.set(g.deviceId, emptyTotals());
    add(devices.get(g.deviceId)!, g);
    const key = g.takenBy ?? '';
    if (!staff.has(key)) staff.set(key, { ...emptyTotals(), staffId: g.takenBy });
    add(staff.get(key)!, g);
  }
  const names = await staffNames(
    db,
    [...staff.values()].map((s) => s.staffId),
  );

  const listed = await db
    .selectFrom('payment')
    .innerJoin('ticket', 'ticket.id', 'payment.ticketId')
    .select([
      'payment.id',
      'payment.takenAt',
      'ticket.number as ticketNumber',
      'payment.kind',
      'payment.method',
      'payment.amountFen',
      'payment.deviceId',
      'payment.takenBy',
    ])
    .where('payment.takenAt', '>=', from)
    .where('payment.takenAt', '<', to)
    .orderBy('payment.takenAt')
    .orderBy('payment.hlc')
    .limit(MAX_TAKINGS_LISTED + 1)
    .execute();
  const listNames = await staffNames(
    db,
    listed.map((p) => p.takenBy),
  );

  return {
    date,
    timeZone,
    storeName: store.name,
    storeCode: store.code,
    thisDevice: await thisDevice(db),
    total,
    byDevice: [...devices.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([deviceId, totals]) => ({ ...totals, deviceId })),
    byStaff: [...staff.values()]
      .map((s) => ({ ...s, name: s.staffId ? (names.get(s.staffId) ?? null) : null }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '')),
    payments: listed.slice(0, MAX_TAKINGS_LISTED).map(({ takenBy, ...p }) => ({
      ...p,
      takenByName: takenBy ? (listNames.get(takenBy) ?? null) : null,
    })),
    more: listed.length > MAX_TAKINGS_LISTED,
    printedAt: nowIso,
  };
}

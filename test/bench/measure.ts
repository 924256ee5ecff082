/** Times the counter's queries through the desk's dispatcher (validation, session, transaction included). */
import Database from 'better-sqlite3';
import { namePinyin } from '../../db/customers/search-terms';
import type { ClientState, Desk } from '../../db/desk-types';
import { createRandom } from '../support/generator';

export type Kind = 'phone' | 'name' | 'initials' | 'ticket' | 'serial' | 'receipt' | 'history';
export type Figures = { n: number; p50: number; p95: number; p99: number; targetMs: number; hits: number };

export const KINDS: ReadonlyArray<{ kind: Kind; label: string; targetMs: number }> = [
  { kind: 'phone', label: 'phone fragment (4 digits)', targetMs: 10 },
  { kind: 'name', label: 'name (Chinese)', targetMs: 10 },
  { kind: 'initials', label: 'pinyin initials', targetMs: 10 },
  { kind: 'ticket', label: 'ticket number', targetMs: 10 },
  { kind: 'serial', label: 'product serial (whole or last 6)', targetMs: 10 },
  { kind: 'receipt', label: 'receipt number', targetMs: 10 },
  { kind: 'history', label: 'open customer history', targetMs: 20 },
];

type Sample = { kind: Kind; input: string };

/** Queries a counter would type, drawn at random from what is in the store. */
export function drawSamples(file: string, perKind: number, seed = 7): Sample[] {
  const db = new Database(file, { readonly: true });
  const random = createRandom(seed);
  const max = (table: string) => (db.prepare(`SELECT max(rowid) AS n FROM ${table}`).get() as { n: number }).n;
  const customers = max('customer');
  const products = max('product');
  const tickets = max('ticket');
  const at = (n: number) => 1 + Math.floor(random() * n);
  const customer = db.prepare('SELECT id, name FROM customer WHERE rowid = ?');
  const phone = db.prepare('SELECT digits FROM customer_phone WHERE customer_id = ? ORDER BY position LIMIT 1');
  const product = db.prepare('SELECT serial, receipt_no AS receiptNo FROM product WHERE rowid = ?');
  const ticket = db.prepare('SELECT number FROM ticket WHERE rowid = ?');
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < perKind; i++) {
      const c = customer.get(at(customers)) as { id: string; name: string };
      const digits = (phone.get(c.id) as { digits: string }).digits;
      const from = Math.floor(random() * (digits.length - 3));
      const p = product.get(at(products)) as { serial: string; receiptNo: string };
      samples.push(
        { kind: 'phone', input: digits.slice(from, from + 4) },
        { kind: 'name', input: c.name },
        { kind: 'initials', input: namePinyin(c.name)!.initials },
        { kind: 'ticket', input: (ticket.get(at(tickets)) as { number: string }).number },
        { kind: 'serial', input: i % 2 === 0 ? p.serial : p.serial.slice(-6) },
        { kind: 'receipt', input: p.receiptNo },
        { kind: 'history', input: (customer.get(at(customers)) as { id: string }).id },
      );
    }
  } finally {
    db.close();
  }
  return samples;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export async function measure(
  desk: Desk,
  client: ClientState,
  samples: ReadonlyArray<Sample>,
  warmUp: number,
): Promise<Record<Kind, Figures>> {
  const times = new Map<Kind, number[]>();
  const hits = new Map<Kind, number>();
  for (const [index, sample] of samples.entries()) {
    const started = performance.now();
    const result =
      sample.kind === 'history'
        ? await desk.dispatch(client, 'customers.history', { id: sample.input })
        : await desk.dispatch(client, 'customers.search', { query: sample.input });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`${sample.kind} query "${sample.input}" failed: ${result.error.message}`);
    if (index < warmUp * KINDS.length) continue;
    times.set(sample.kind, [...(times.get(sample.kind) ?? []), ms]);
    if (found(sample.kind, result.value)) hits.set(sample.kind, (hits.get(sample.kind) ?? 0) + 1);
  }
  const out = {} as Record<Kind, Figures>;
  for (const { kind, targetMs } of KINDS) {
    const sorted = (times.get(kind) ?? []).sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 100) / 100;
    out[kind] = {
      n: sorted.length,
      p50: round(percentile(sorted, 0.5)),
      p95: round(percentile(sorted, 0.95)),
      p99: round(percentile(sorted, 0.99)),
      targetMs,
      hits: hits.get(kind) ?? 0,
    };
  }
  return out;
}

/** A fast answer that finds nothing is no answer: count how often the drawn record came back. */
function found(kind: Kind, value: unknown): boolean {
  const v = value as { items?: unknown[]; products?: unknown[]; tickets?: unknown[]; customer?: unknown };
  switch (kind) {
    case 'history':
      return v.customer !== undefined;
    case 'ticket':
      return (v.tickets?.length ?? 0) > 0;
    case 'serial':
    case 'receipt':
      return (v.products?.length ?? 0) > 0;
    default:
      return (v.items?.length ?? 0) > 0;
  }
}

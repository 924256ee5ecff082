/**
 * Builds the benchmark's store once: a real store (set up through the desk, so it has its admin)
 * filled with generated customers, products and tickets by bulk SQL in big transactions — the
 * dispatcher would take hours for 3.3 million rows — with the very search terms the app writes.
 */
import Database from 'better-sqlite3';
import { v7 } from 'uuid';
import { customerTerms } from '../../db/customers/search-terms';
import { warrantyEnd } from '../../db/customers/warranty';
import { openDesk } from '../../db/desk';
import type { Logger } from '../../db/desk-types';
import { createGenerator, type GeneratedProduct } from '../support/generator';

export type BenchSize = { customers: number; products: number; tickets: number };

export const BENCH_ADMIN = { name: '王经理', pin: '1000' };
const BATCH = 20_000;
const TODAY = '2026-11-25';
const TICKET_TYPES = [
  'consultation',
  'consultation',
  'aftersales',
  'repair',
  'repair',
  'complaint',
  'feedback',
] as const;
const TICKET_STATUSES = ['closed', 'closed', 'closed', 'resolved', 'in_progress', 'open'] as const;
const WARRANTY_MONTHS: Record<string, number> = { furniture: 24, mattress: 36 };

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function inBatches(
  db: Database.Database,
  total: number,
  write: (from: number, to: number) => void,
  onProgress: (done: number) => void,
): void {
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH);
    db.transaction(() => write(from, to))();
    onProgress(to);
  }
}

export async function buildBenchStore(file: string, size: BenchSize, log: (line: string) => void): Promise<void> {
  const desk = await openDesk({ file, appVersion: 'bench', host: 'browser', forcedLanguage: null, logger: silent });
  const setup = await desk.dispatch({ sessionId: null }, 'setup.createStore', {
    storeCode: 'S012',
    storeName: '南京西路旗舰店',
    counterNo: 2,
    adminName: BENCH_ADMIN.name,
    adminPin: BENCH_ADMIN.pin,
  });
  if (!setup.ok) throw new Error(`setting up the bench store failed: ${setup.error.message}`);
  await desk.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1500000');
  db.pragma('temp_store = MEMORY');
  const storeId = (db.prepare('SELECT id FROM store').get() as { id: string }).id;
  const generator = createGenerator(20261125);
  const progress = (what: string, total: number) => (done: number) => {
    if (done === total || done % (BATCH * 10) === 0)
      log(`  ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  };

  const insertCustomer =
    db.prepare(`INSERT INTO customer (id, name, tier, notes, created_store_id, created_by, created_at, updated_at, deleted_at, hlc, tier_rule, preferred_channel, contact_consent, do_not_contact)
    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, '0', 'manual', NULL, 0, 0)`);
  const insertPhone = db.prepare(
    `INSERT INTO customer_phone (id, customer_id, kind, number, digits, position, created_at, hlc) VALUES (?, ?, ?, ?, ?, ?, ?, '0')`,
  );
  const insertAddress = db.prepare(
    `INSERT INTO customer_address (id, customer_id, label, address, position, created_at, hlc) VALUES (?, ?, '', ?, 0, ?, '0')`,
  );
  const insertTerm = db.prepare('INSERT OR IGNORE INTO search_term (term, customer_id) VALUES (?, ?)');
  const insertProduct =
    db.prepare(`INSERT INTO product (id, customer_id, category, brand, model, serial, purchase_date, purchase_store, receipt_no, price_fen, warranty_end, created_store_id, created_by, created_at, updated_at, deleted_at, hlc)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, '0')`);

  // Customers are registered over two years; ids are UUIDv7, so they sort by registration too.
  const customerIds: string[] = new Array<string>(size.customers);
  const names: string[] = new Array<string>(size.customers);
  const phoneDigits: string[][] = new Array<string[]>(size.customers);
  const start = Date.parse('2024-11-25T01:00:00Z');
  const span = Date.parse(`${TODAY}T01:00:00Z`) - start;
  log(`customers (${size.customers.toLocaleString('en')})`);
  inBatches(
    db,
    size.customers,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const c = generator.customer();
        const at = start + Math.floor((span * i) / size.customers);
        const id = v7({ msecs: at });
        const iso = new Date(at).toISOString();
        customerIds[i] = id;
        names[i] = c.name;
        insertCustomer.run(id, c.name, c.tier, c.notes, storeId, iso, iso);
        phoneDigits[i] = c.phones.map((number, position) => {
          const digits = number.replace(/\D/g, '');
          insertPhone.run(
            v7({ msecs: at }),
            id,
            number.includes('-') ? 'landline' : 'mobile',
            number,
            digits,
            position,
            iso,
          );
          return digits;
        });
        insertAddress.run(v7({ msecs: at }), id, c.address, iso);
      }
    },
    progress('customers', size.customers),
  );

  // Products go to customers at random; a customer's terms are written once all their products exist.
  log(`products (${size.products.toLocaleString('en')})`);
  const productsOf = new Map<number, Array<{ id: string; serial: string; receiptNo: string }>>();
  inBatches(
    db,
    size.products,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const owner = Math.floor(generator.random() * size.customers);
        const p: GeneratedProduct = generator.product(TODAY);
        const id = v7();
        const now = new Date().toISOString();
        const end = warrantyEnd(p.purchaseDate, WARRANTY_MONTHS[p.category] ?? 12);
        insertProduct.run(
          id,
          customerIds[owner],
          p.category,
          p.brand,
          p.model,
          p.serial,
          p.purchaseDate,
          p.purchaseStore,
          p.receiptNo,
          p.priceFen,
          end,
          storeId,
          now,
          now,
        );
        const list = productsOf.get(owner) ?? [];
        list.push({ id, serial: p.serial, receiptNo: p.receiptNo });
        productsOf.set(owner, list);
      }
    },
    progress('products', size.products),
  );

  log('search terms');
  inBatches(
    db,
    size.customers,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const products = productsOf.get(i) ?? [];
        for (const term of customerTerms({ name: names[i]!, phoneDigits: phoneDigits[i]!, products }))
          insertTerm.run(term, customerIds[i]);
      }
    },
    progress('customers indexed', size.customers),
  );

  log(`tickets (${size.tickets.toLocaleString('en')})`);
  insertTickets(db, size, storeId, customerIds, productsOf, generator.random, log);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
}

/** Tickets straight into the tickets area's table: S012-<counter>-<date>-<daily sequence>, spread over two years. */
function insertTickets(
  db: Database.Database,
  size: BenchSize,
  storeId: string,
  customerIds: string[],
  productsOf: Map<number, Array<{ id: string }>>,
  random: () => number,
  log: (line: string) => void,
): void {
  const insert =
    db.prepare(`INSERT INTO ticket (id, number, store_id, customer_id, product_id, type, priority, summary, form, created_at, updated_at, hlc, status, state_hlc)
    VALUES (?, ?, ?, ?, ?, ?, 'normal', ?, '{}', ?, ?, '0', ?, '0')`);
  const days = 730;
  const perDay = Math.ceil(size.tickets / days);
  const counters = 3;
  const first = Date.parse('2024-11-26T01:00:00Z');
  const progress = (done: number) => {
    if (done === size.tickets || done % (BATCH * 10) === 0)
      log(`  tickets: ${done.toLocaleString('en')} / ${size.tickets.toLocaleString('en')}`);
  };
  inBatches(
    db,
    size.tickets,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const day = Math.floor(i / perDay);
        const inDay = i % perDay;
        const at = first + day * 86_400_000 + Math.floor((inDay * 12 * 3_600_000) / perDay);
        const date = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
        const counter = 1 + (inDay % counters);
        const sequence = String(1 + Math.floor(inDay / counters)).padStart(4, '0');
        // Customers registered earlier come back more often; any customer may have several tickets.
        const owner = Math.floor(random() * customerIds.length);
        const products = productsOf.get(owner);
        const productId = products && random() < 0.7 ? products[Math.floor(random() * products.length)]!.id : null;
        const type = TICKET_TYPES[Math.floor(random() * TICKET_TYPES.length)]!;
        const iso = new Date(at).toISOString();
        insert.run(
          v7({ msecs: at }),
          `S012-${counter}-${date}-${sequence}`,
          storeId,
          customerIds[owner],
          productId,
          type,
          '顾客来电',
          iso,
          iso,
          TICKET_STATUSES[Math.floor(random() * TICKET_STATUSES.length)]!,
        );
      }
    },
    progress,
  );
}

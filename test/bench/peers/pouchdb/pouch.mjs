// PouchDB as the benchmark's peer uses it: core + http + replication, with the storage the run asks
// for ('memory' = its best case, 'leveldb' = on disk like our SQLite/PostgreSQL path), and the
// customer documents of test/bench/sync-bench.ts mapped 1:1 (docs/SYNC.md §4c.2).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const ADAPTERS = ['memory', 'leveldb'];

/** PouchDB whose local databases use `adapter`; leveldb files go under `dir`. */
export function pouchFor(adapter, dir) {
  if (!ADAPTERS.includes(adapter)) throw new Error(`Unknown PouchDB adapter "${adapter}"; use one of ${ADAPTERS.join(', ')}`);
  const PouchDB = require('pouchdb-core')
    .plugin(require(`pouchdb-adapter-${adapter}`))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const Local = PouchDB.defaults(adapter === 'memory' ? { adapter } : { adapter, prefix: `${dir}/` });
  return { PouchDB, Local };
}

/** Time-ordered ids like our UUIDv7 (db/ids.ts), so both sides index keys arriving in order. */
let lastMs = 0;
let counter = 0;
export function uuidv7() {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  const hex = ms.toString(16).padStart(12, '0') + (0x7000 | (counter & 0xfff)).toString(16) + randomBytes(8).toString('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A new customer as fillOutbox in sync-bench.ts inserts it. */
export function newCustomer(i, nowIso) {
  return { _id: uuidv7(), type: 'customer', name: `顾客${i}`, tier: 'regular', notes: '', createdStoreId: null, createdBy: null, createdAt: nowIso, updatedAt: nowIso, deletedAt: null };
}

/** A customer as head office holds it before P2 (sync-bench.ts's SQL: notes of 60 characters). */
export function seededCustomer(i, nowIso) {
  return { _id: uuidv7(), type: 'customer', name: `顾客${i}`, tier: 'regular', notes: 'x'.repeat(60), createdStoreId: null, createdBy: null, createdAt: nowIso, updatedAt: nowIso, deletedAt: null };
}

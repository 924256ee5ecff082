/** A week offline's worth of customer changes written straight into a counter's outbox (the sync benchmarks). */
import type { Store } from '../../db/open';
import { newId } from '../../db/ids';
import { SCHEMA_VERSION } from '../../db/migrations/index';

/** N customer changes in the outbox, as a week offline would leave them (inserts and edits). */
export function fillOutbox(store: Store, n: number): void {
  const now = new Date().toISOString();
  const insertCustomer = store.sqlite.prepare(
    "INSERT INTO customer (id, name, tier, notes, created_store_id, created_by, created_at, updated_at, deleted_at, hlc) VALUES (?, ?, 'regular', ?, NULL, NULL, ?, ?, NULL, ?)",
  );
  const log = store.sqlite.prepare(
    "INSERT INTO change_log (change_id, tx_id, entity, entity_id, op, fields, hlc, staff_id, schema_version, created_at) VALUES (?, ?, 'customer', ?, ?, ?, ?, NULL, ?, ?)",
  );
  store.sqlite.transaction(() => {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const hlc = store.hlc.send();
      if (i % 5 === 4 && ids.length > 0) {
        const id = ids[i % ids.length]!;
        log.run(
          newId(),
          newId(),
          id,
          'update',
          JSON.stringify({ notes: `回访 ${i}`, updatedAt: now }),
          hlc,
          SCHEMA_VERSION,
          now,
        );
        continue;
      }
      const id = newId();
      ids.push(id);
      const fields = {
        name: `顾客${i}`,
        tier: 'regular',
        notes: '',
        createdStoreId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      insertCustomer.run(id, fields.name, '', now, now, hlc);
      log.run(newId(), newId(), id, 'insert', JSON.stringify(fields), hlc, SCHEMA_VERSION, now);
    }
  })();
}

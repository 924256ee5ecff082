/**
 * What sync must know about the customers area on a counter PC: a pulled customer, phone or
 * product moves that customer's search terms. During a snapshot they are only listed, and built
 * in the background afterwards (search-bulk.ts).
 */
import type { AppliedRecord, ApplyPhase, SyncRegistration, SyncWork } from '../sync/registration';
import { deferReindex, nextBacklog, reindexCustomers, searchBacklogSize } from './search-bulk';
import { TERM_FIELDS } from './search-terms';

const customerIdOf = (r: AppliedRecord) =>
  typeof r.state.fields.customerId === 'string' ? r.state.fields.customerId : null;

/** A customer's search terms: now for a pull, listed for the background build during a snapshot. */
const reindex = ({ statements }: SyncWork, ids: Set<string>, { snapshot }: ApplyPhase) =>
  (snapshot ? deferReindex : reindexCustomers)(statements, ids);

export function registerCustomersSync(sync: SyncRegistration): void {
  sync.onApplied(
    'customer',
    async (work, records, phase) => reindex(work, new Set(records.map((r) => r.entityId)), phase),
    { fields: TERM_FIELDS.customer },
  );
  for (const entity of ['customer_phone', 'product'] as const) {
    sync.onApplied(
      entity,
      async (work, records, phase) =>
        reindex(work, new Set(records.map(customerIdOf).filter((id): id is string => id !== null)), phase),
      { fields: TERM_FIELDS[entity] },
    );
  }
  sync.searchBacklog({
    size: searchBacklogSize,
    build(statements, budget) {
      const ids = nextBacklog(statements, budget);
      reindexCustomers(statements, ids);
      return ids.size;
    },
  });
}

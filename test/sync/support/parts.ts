/** Head-office catalogue rows and old-style local edits for the ownership scenarios (F5, F25). */
import { newId } from '../../../db/ids';
import { recordChange } from '../../../db/sync/change-log';
import type { TestCounter } from './counter';

export function hqPart(partNo: string, priceFen: number) {
  const now = new Date().toISOString();
  return {
    entity: 'part',
    entityId: newId(),
    op: 'insert' as const,
    fields: {
      partNo,
      name: `配件 ${partNo}`,
      spec: '',
      models: '[]',
      unit: '个',
      supplierIds: '[]',
      costFen: Math.round(priceFen * 0.6),
      priceFen,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    },
  };
}

/**
 * A change written the way an older Counterdesk (or a tool) would, bypassing today's UI checks:
 * head office must still refuse what the store may not change.
 */
export async function writeLocally(
  counter: TestCounter,
  table: 'part',
  id: string,
  entity: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const { store } = counter;
  await store.db.transaction().execute(async (trx) => {
    const tx = {
      trx,
      txId: newId(),
      staffId: null,
      nowIso: new Date(store.now()).toISOString(),
      stamp: () => store.hlc.send(),
    };
    const hlc = tx.stamp();
    await trx
      .updateTable(table)
      .set({ ...fields, hlc })
      .where('id', '=', id)
      .execute();
    await recordChange(tx, { entity, entityId: id, op: 'update', hlc, fields });
  });
}

/**
 * The SLA matrix at head office: reply and resolve minutes and the clock kind per ticket type ×
 * priority × tier, stored as the `sla_target` records every counter pulls (db/tickets/sync-entities.ts).
 * A save writes only the cells that change, each as a whole record (every field), so a PC that
 * never had the row and a PC that had it both end up with the same target.
 */
import { HqError } from '../../auth';
import type { HqDatabase } from '../../db/open';
import type { AuditEntry } from '../audit';
import { targetKey, type SlaMatrix, type SlaTarget, type SlaTargetRow } from '../contract/standards';
import type { HqWrite } from '../hq-writes';
import { liveRecords } from './hq-records';
import { regulationTargets } from './regulation';

function fromRecord(base: SlaTarget, fields: Record<string, unknown>): SlaTarget {
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) ? v : fallback);
  return {
    ...base,
    replyMinutes: num(fields.replyMinutes, base.replyMinutes),
    resolveMinutes: num(fields.resolveMinutes, base.resolveMinutes),
    counts: fields.counts === 'calendar' ? 'calendar' : fields.counts === 'working' ? 'working' : base.counts,
  };
}

export async function readMatrix(db: HqDatabase): Promise<SlaMatrix> {
  const records = new Map((await liveRecords(db, 'sla_target', undefined, 200)).map((r) => [r.entityId, r.fields]));
  const targets: SlaTargetRow[] = regulationTargets().map((base) => {
    const fields = records.get(targetKey(base));
    return fields ? { ...fromRecord(base, fields), fromHq: true } : { ...base, fromHq: false };
  });
  return { targets };
}

export type Plan = { writes: HqWrite[]; audit: AuditEntry[] };

const values = ({ replyMinutes, resolveMinutes, counts }: SlaTarget) => ({ replyMinutes, resolveMinutes, counts });

/** The writes and audit entries for the cells of `input` that differ from what head office has now. */
export async function planMatrixSave(db: HqDatabase, input: ReadonlyArray<SlaTarget>, nowIso: string): Promise<Plan> {
  const keys = input.map(targetKey);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated) throw new HqError(400, 'bad_request', `The target ${repeated} appears twice`);
  const current = new Map((await readMatrix(db)).targets.map((t) => [targetKey(t), t]));
  const plan: Plan = { writes: [], audit: [] };
  for (const target of input) {
    const key = targetKey(target);
    const before = current.get(key)!;
    const same =
      before.fromHq &&
      before.replyMinutes === target.replyMinutes &&
      before.resolveMinutes === target.resolveMinutes &&
      before.counts === target.counts;
    if (same) continue;
    plan.writes.push({
      entity: 'sla_target',
      entityId: key,
      op: before.fromHq ? 'update' : 'insert',
      fields: {
        ticketType: target.ticketType,
        priority: target.priority,
        tier: target.tier,
        ...values(target),
        updatedAt: nowIso,
      },
    });
    plan.audit.push({ action: 'sla_target.update', target: key, before: values(before), after: values(target) });
  }
  return plan;
}

/**
 * I4, deterministic merge (docs/SYNC.md §3a): head office's state of every record the PCs wrote equals a
 * model computed from the PCs' own change logs with the merge rules (db/sync/merge.ts, through each
 * entity's policy in db/synced-entities.ts), folded in several shuffled orders that must all agree.
 * A ticket's status is part of it: the fold of all its events in (hlc, replica) order
 * (db/tickets/derive.ts), the same on every PC that has the ticket.
 *
 * Records head office changed itself (its own writes, a value it re-asserted), and changes it
 * rejected or re-stamped, have no model here: those outcomes are checked by their own scenarios.
 */
import { expandState } from '../../../db/sync/compact-state';
import { expect } from 'vitest';
import { composeComposite } from '../../../db/sync/composite';
import { EMPTY_STATE, HQ_NODE, canonicalJson, mergeStates, nodeOfHlc, stateOfChange } from '../../../db/sync/merge';
import type { RecordState } from '../../../db/sync/protocol';
import { syncedEntities } from '../../../db/synced-entities';
import { foldEvents } from '../../../db/tickets/derive';
import { locationOf, toFoldEvent } from '../../../db/tickets/events';
import { TICKET_FORM } from '../../../db/tickets/form-sync';
import { machineOf } from '../../../db/tickets/machines/index';
import type { TicketType } from '../../../db/tickets/workflow';
import { createRandom } from '../../support/generator';
import { readTable } from '../../support/inspect';
import type { TestCounter } from './counter';
import type { TestHeadOffice } from './hq';

const { ruleFor } = syncedEntities;

export type LoggedChange = {
  changeId: string;
  entity: string;
  entityId: string;
  op: string;
  fields: Record<string, unknown>;
  hlc: string;
};

/** Every change the PCs logged (a change is counted once even if two files hold it). */
export function loggedChanges(counters: ReadonlyArray<Pick<TestCounter, 'file'>>): LoggedChange[] {
  const byId = new Map<string, LoggedChange>();
  for (const counter of counters) {
    const rows = readTable<{
      change_id: string;
      entity: string;
      entity_id: string;
      op: string;
      fields: string;
      hlc: string;
    }>(counter.file, 'SELECT change_id, entity, entity_id, op, fields, hlc FROM change_log');
    for (const r of rows)
      byId.set(r.change_id, {
        changeId: r.change_id,
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        fields: JSON.parse(r.fields) as Record<string, unknown>,
        hlc: r.hlc,
      });
  }
  return [...byId.values()];
}

/** The merge rules applied to one record's changes in the given order. */
export function modelState(entity: string, changes: ReadonlyArray<LoggedChange>): RecordState {
  const rule = ruleFor(entity);
  if (!rule) throw new Error(`No merge rule for ${entity}`);
  return changes.reduce(
    (state, c) => mergeStates(rule.policy, state, stateOfChange(c.op, c.fields, c.hlc, rule.ignoredFields)),
    EMPTY_STATE,
  );
}

/** A seeded Fisher–Yates shuffle: the same order again for the same `rnd`. */
export function shuffled<T>(items: ReadonlyArray<T>, rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function inChunks<T>(ids: ReadonlyArray<string>, query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await query(ids.slice(i, i + 5000))));
  return out;
}

/**
 * I4 at head office. Returns how many records were compared and how many had no model (see above);
 * `entities` narrows the check.
 */
export async function expectDeterministicMerge(
  hq: TestHeadOffice,
  counters: ReadonlyArray<Pick<TestCounter, 'file'>>,
  { orders = 3, seed = 1, entities }: { orders?: number; seed?: number; entities?: ReadonlyArray<string> } = {},
): Promise<{ compared: number; skipped: number }> {
  const changes = loggedChanges(counters).filter(
    (c) => ruleFor(c.entity) && (!entities || entities.includes(c.entity)),
  );
  const ids = changes.map((c) => c.changeId);
  const refused = new Set([
    ...(
      await inChunks(ids, (chunk) =>
        hq.db.selectFrom('rejectedChange').select('changeId').where('changeId', 'in', chunk).execute(),
      )
    ).map((r) => r.changeId),
    ...(
      await inChunks(ids, (chunk) =>
        hq.db.selectFrom('clockSkew').select('changeId').where('changeId', 'in', chunk).execute(),
      )
    ).map((r) => r.changeId),
  ]);
  const key = (entity: string, id: string) => `${entity}/${id}`;
  const byRecord = new Map<string, LoggedChange[]>();
  for (const c of changes)
    byRecord.set(key(c.entity, c.entityId), [...(byRecord.get(key(c.entity, c.entityId)) ?? []), c]);
  const atHq = new Map<string, RecordState>();
  for (const entity of new Set(changes.map((c) => c.entity))) {
    // By entity, so PostgreSQL walks entity_state's primary key.
    const ids = [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.entityId))];
    const rows = await inChunks(ids, (chunk) =>
      hq.db
        .selectFrom('entityState')
        .select(['entityId', 'state'])
        .where('entity', '=', entity)
        .where('entityId', 'in', chunk)
        .execute(),
    );
    for (const r of rows) atHq.set(key(entity, r.entityId), expandState(r.state));
  }

  const rnd = createRandom(seed);
  const mismatches: string[] = [];
  let compared = 0;
  let skipped = 0;
  for (const [record, list] of byRecord) {
    const hqState = atHq.get(record);
    // Head office's own stamp in the state: it wrote or re-asserted a value itself.
    const hqWrote =
      hqState !== undefined &&
      [...Object.values(hqState.clocks), hqState.deleted].some(
        (clock) => clock !== null && nodeOfHlc(clock) === HQ_NODE,
      );
    if (hqWrote || list.some((c) => refused.has(c.changeId))) {
      skipped += 1;
      continue;
    }
    const entity = list[0]!.entity;
    const models = Array.from({ length: orders }, (_, i) =>
      canonicalJson(modelState(entity, i === 0 ? list : shuffled(list, rnd))),
    );
    if (new Set(models).size > 1)
      mismatches.push(`${record}: the merge rules give different states in different orders`);
    if (!hqState) mismatches.push(`${record}: unknown at head office`);
    else if (canonicalJson(hqState) !== models[0])
      mismatches.push(`${record}: head office ${canonicalJson(hqState)}, model ${models[0]}`);
    compared += 1;
  }
  expect(mismatches, 'head office state differs from the merge model').toEqual([]);
  return { compared, skipped };
}

/** A ticket's status from all its events the PCs logged, folded as every PC must fold them. */
export function modelTicketStatus(
  changes: ReadonlyArray<LoggedChange>,
  ticketId: string,
): { status: string; flagged: number } {
  const header = modelState(
    'ticket',
    changes.filter((c) => c.entity === 'ticket' && c.entityId === ticketId),
  );
  const type = header.fields.type as TicketType;
  const events = changes
    .filter((c) => c.entity === 'ticket_event' && c.fields.ticketId === ticketId)
    .map((c) =>
      toFoldEvent({
        id: c.entityId,
        action: String(c.fields.action),
        at: String(c.fields.at),
        hlc: c.hlc,
        data: String(c.fields.data ?? '{}'),
      }),
    );
  const derived = foldEvents(
    machineOf(type),
    events,
    locationOf({ type, form: JSON.stringify(composeComposite(header.fields, TICKET_FORM)) }),
    { respondMinutes: 0, resolveMinutes: 0, counts: 'working' },
  );
  return { status: derived.status, flagged: derived.flagged.length };
}

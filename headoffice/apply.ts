/**
 * Applies a batch of changes at head office (docs/SYNC.md §2.3 step 3–4), inside the caller's
 * transaction: each change goes through its entity's ownership rule and merge function
 * (entities.ts, db/sync/merge.ts), the merged state lands in `entity_state`, and one feed
 * row per effective change is appended. The caller holds the feed lock (feed.ts), so the whole
 * batch sees and writes a consistent state. Permanent failures become `rejected` and the batch
 * goes on; nothing here throws for one bad change. Loading and saving the states is states.ts, the
 * rejections, conflicts and clock skews side-records.ts, re-stamping clock-skew.ts. What customers
 * need beyond the merge (links, merged-away customers, duplicate phones) are follow-ups
 * (batch-types.ts `BatchFollowUp`): customer-links.ts, customer-merge.ts, duplicate-phones.ts, and
 * the report rollups (reports/rollup-follow-up.ts), and the SMS outbox (sms/outbox-follow-up.ts).
 */
import type { RawBuilder, Transaction } from 'kysely';
import { losingFields, mergeStates, sameState, sameValue, stateOfChange } from '../db/sync/merge';
import { recordKey, type PushResult, type WireChange } from '../db/sync/protocol';
import { type ApplyContext, type BatchFollowUp, type Working } from './batch-types';
import { receivedStamp } from './clock-skew';
import { customerLinking } from './customer-links';
import type { HqDB } from './db/schema';
import { duplicatePhoneCheck } from './duplicate-phones';
import { opAllowedFromStore, ruleFor, type EntityRule } from './entities';
import type { FeedRow } from './feed';
import { reportRollups } from './reports/rollup-follow-up';
import { saveSideRecords, type Conflict, type Rejection, type Skew } from './side-records';
import { joinOffers, type JoinOffers } from './join/offers';
import { smsOutboxFollowUp } from './sms/outbox-follow-up';
import { batchStatement, loadStates, scopeOf } from './states';
import { loadStoreScope } from './store-scope';

export type { ApplyContext } from './batch-types';

const REASONS: Record<string, string> = {
  unknown_entity: 'Head office does not know this kind of record',
  hq_owned: 'This is set by head office; the store may not change it',
  hq_field: 'This field is set by head office; the store may not change it',
  other_store: 'This record belongs to another store',
  append_only: 'This record can only be added, never changed or removed',
  invalid: 'The change is malformed',
  customer_not_linked: 'This customer is not linked to this store; head office can link it (link-customer)',
  other_store_record: 'This names a record of another store',
  refused_record: 'This names a record head office refused earlier in the same push',
};

/** A batch merged in memory, with its statement built: what `writePrepared` writes. */
export type PreparedBatch = {
  working: Map<string, Working>;
  results: PushResult[];
  statement: RawBuilder<unknown> | null;
  followUps: BatchFollowUp[];
  /** What a standalone store offered in this batch (join/offers.ts), written after the batch. */
  offers: JoinOffers | null;
  rejections: Rejection[];
  conflicts: Conflict[];
  skews: Skew[];
};

/** Prepare and write at once: head office's own writes (a store's push goes through push.ts, which also writes its offers). */
export async function applyChanges(
  trx: Transaction<HqDB>,
  ctx: ApplyContext,
  changes: ReadonlyArray<WireChange>,
): Promise<PushResult[]> {
  const prepared = await prepareChanges(trx, ctx, changes);
  await writePrepared(trx, ctx, prepared);
  return prepared.results;
}

/**
 * Loads the batch's records, runs every change through its rules and merge, and builds the
 * statement that saves the outcome; writes nothing (head office's clock may move on).
 */
export async function prepareChanges(
  trx: Transaction<HqDB>,
  ctx: ApplyContext,
  changes: ReadonlyArray<WireChange>,
): Promise<PreparedBatch> {
  const working = await loadStates(trx, changes);
  const results: PushResult[] = [];
  const feed: FeedRow[] = [];
  const rejections: Rejection[] = [];
  const conflicts: Conflict[] = [];
  const skews: Skew[] = [];
  const followUps: BatchFollowUp[] = [
    customerLinking(ctx, working),
    duplicatePhoneCheck(),
    reportRollups(),
    smsOutboxFollowUp(ctx.storeId),
  ];
  const fromStore = ctx.storeId !== null;
  const storeScope = fromStore ? await loadStoreScope(trx, ctx.storeId!, changes, working) : null;
  const offers = fromStore ? joinOffers(trx, ctx, changes) : null;

  const reject = (
    change: WireChange,
    code: string,
    w: Working | undefined,
    rule: EntityRule | undefined,
    fields: string[],
  ) => {
    rejections.push({ change, code, reason: REASONS[code] ?? code });
    results.push({ seq: change.seq, status: 'rejected', code });
    storeScope?.refused(change);
    if (w?.existed && rule && fields.length > 0) reassert(w, rule, change, fields);
  };

  // Head office re-asserts its value with its own stamp, so the store that tried to change it
  // (and every other replica) converges on head office's value (docs/SYNC.md F25).
  const reassert = (w: Working, rule: EntityRule, change: WireChange, fields: string[]) => {
    const stamp = ctx.hqClock.send();
    const clocks = { ...w.state.clocks };
    let touched = false;
    for (const field of fields) {
      if (field in clocks) {
        clocks[field] = stamp;
        touched = true;
      }
    }
    if (!touched) return;
    w.state = { ...w.state, clocks };
    w.dirty = true;
    pushFeed(w, rule, change, null, true);
  };

  const pushFeed = (
    w: Working,
    rule: EntityRule,
    change: WireChange,
    originReplica: string | null,
    altered: boolean,
  ) => {
    const scope = scopeOf(rule, w.ownerStoreId);
    if (scope === 'hq_only') return;
    feed.push({
      txId: change.txId,
      originReplica,
      originSeq: originReplica ? change.seq : null,
      entity: change.entity,
      entityId: change.entityId,
      state: w.state,
      scope,
      customerRef: rule.customerOf?.(change.entityId, w.state.fields) ?? null,
      altered,
      keep: w,
    });
  };

  for (const change of changes) {
    const rule = ruleFor(change.entity);
    const w = working.get(recordKey(change.entity, change.entityId))!;
    if (!rule) {
      reject(change, 'unknown_entity', undefined, undefined, []);
      continue;
    }
    if (fromStore) {
      // A store's own fields of a head-office record it has (a part's bin), never a record of its making.
      const storeKept =
        rule.storeFields &&
        change.op === 'update' &&
        w.existed &&
        Object.keys(change.fields).every((f) => rule.storeFields!.includes(f));
      if (rule.owner === 'hq' && !storeKept) {
        // Made while the store worked standalone: offered for review, not refused (join/offers.ts).
        if (await offers!.takes(change)) {
          results.push({ seq: change.seq, status: 'offered', code: 'join_offer' });
          continue;
        }
        reject(change, 'hq_owned', w, rule, Object.keys(change.fields));
        continue;
      }
      if (!opAllowedFromStore(rule, change.op)) {
        reject(change, 'append_only', w, rule, []);
        continue;
      }
      if (
        (rule.owner === 'store' || rule.owner === 'device') &&
        w.existed &&
        w.ownerStoreId !== null &&
        w.ownerStoreId !== ctx.storeId
      ) {
        reject(change, 'other_store', undefined, rule, []);
        continue;
      }
      // Nothing is re-asserted: the store was never sent this record, so there is nothing to correct.
      const outOfScope = storeScope!.refusal(change);
      if (outOfScope) {
        reject(change, outOfScope, undefined, rule, []);
        continue;
      }
    }
    // A ledger row or event arriving again is a retry: its record already exists as it was written.
    if (rule.appendOnly && w.existed && !rule.keyedByOthers) {
      results.push({ seq: change.seq, status: 'superseded', code: 'duplicate' });
      continue;
    }

    const { hlc, skew } = receivedStamp(change, ctx.hqClock, ctx.nowMs);
    if (skew) skews.push(skew);
    let delta = stateOfChange(change.op, change.fields, hlc, rule.ignoredFields);
    let fieldRejected = false;
    if (fromStore && w.existed && rule.hqFieldsAfterInsert && change.op !== 'delete') {
      const refused = rule.hqFieldsAfterInsert.filter((f) => f in delta.clocks);
      if (refused.length > 0) {
        fieldRejected = true;
        rejections.push({ change, code: 'hq_field', reason: `${REASONS.hq_field}: ${refused.join(', ')}` });
        const fields = { ...delta.fields };
        const clocks = { ...delta.clocks };
        for (const f of refused) {
          delete fields[f];
          delete clocks[f];
        }
        delta = { ...delta, fields, clocks };
        reassert(w, rule, change, refused);
        if (Object.keys(clocks).length === 0) {
          results.push({ seq: change.seq, status: 'rejected', code: 'hq_field' });
          continue;
        }
      }
    }

    const merged = mergeStates(rule.policy, w.state, delta);
    for (const field of losingFields(delta, merged)) {
      // Bookkeeping (updatedAt) always differs between two edits: only real values are conflicts.
      if (field === 'updatedAt' || sameValue(delta.fields[field], merged.fields[field])) continue;
      conflicts.push({
        entity: change.entity,
        entityId: change.entityId,
        field,
        winnerValue: merged.fields[field],
        winnerHlc: merged.clocks[field]!,
        loserValue: delta.fields[field],
        loserHlc: hlc,
      });
    }
    for (const followUp of followUps) followUp.merged({ change, rule, record: w, merged });
    if (sameState(merged, w.state)) {
      results.push({
        seq: change.seq,
        status: fieldRejected ? 'applied' : 'superseded',
        ...(fieldRejected ? { code: 'hq_field' } : {}),
      });
      continue;
    }
    if (!w.existed && w.ownerStoreId === null) w.ownerStoreId = ctx.storeId ?? ctx.onBehalfOf ?? null;
    w.state = merged;
    w.dirty = true;
    w.existed = true;
    pushFeed(w, rule, change, ctx.replicaId, hlc !== change.hlc || fieldRejected);
    results.push({ seq: change.seq, status: 'applied', ...(fieldRejected ? { code: 'hq_field' } : {}) });
  }

  return {
    working,
    results,
    statement: batchStatement(feed, working),
    followUps,
    offers,
    rejections,
    conflicts,
    skews,
  };
}

/**
 * Writes a prepared batch: the follow-ups' writes that go first (customer links), feed rows and
 * states, side records, then the follow-ups that read the saved states (duplicate phones). The
 * statements are queued at once and run one after the other on the transaction's connection, so
 * PostgreSQL goes from one to the next without waiting for this process (the caller may queue more
 * behind them). Link files read only records this batch does not touch, so the order changes
 * nothing they see.
 */
export function writePrepared(trx: Transaction<HqDB>, ctx: ApplyContext, batch: PreparedBatch): Promise<unknown> {
  const before = batch.followUps.map((followUp) => followUp.beforeStates?.(trx));
  const saving = batch.statement?.execute(trx) ?? Promise.resolve();
  const siding = saveSideRecords(trx, ctx, batch.rejections, batch.conflicts, batch.skews);
  const after = saving.then(() => Promise.all(batch.followUps.map((followUp) => followUp.afterStates?.(trx))));
  return Promise.all([...before, saving, siding, after]);
}

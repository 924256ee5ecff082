/**
 * The device side of a push (docs/SYNC.md §2.3): send the next byte-bounded batch of the outbox, then
 * mark rows acknowledged from head office's lastAppliedSeq (never from "the request returned"),
 * record rejected changes for the sync problems page, and handle the 409s: a gap (resend from
 * where head office is), a forked replica (a database restored from an old copy continues as a new
 * replica) and an unknown replica (head office restored from an older backup: push again).
 */
import { deskNowIso, saveClockMark } from '../clock';
import { SCHEMA_VERSION } from '../migrations/index';
import type { Store } from '../open';
import { exclusive } from '../exclusive';
import { lastLocalSeq, markAcked, pendingBatch, recordRejected, unackFrom, type PendingChange } from './outbox';
import { PROTOCOL_VERSION, type PushRequest, type PushResponse } from './protocol';
import { RawJson } from './raw-json';
import type { HttpAnswer } from './client';
import { errorOf, SyncStop, TransientError, type SyncSession } from './session';
import { continueAsNewReplica } from './restored-copy';
import { getNumber } from './state';

export type PushContext = {
  store: Store;
  session: SyncSession;
  appVersion: string;
  onServerTime: (iso: string, epoch: string) => void;
  onProgress?: (done: number) => void;
};

/** A batch on its way: head office's answer arrives while the next batch is read and sent. */
type InFlight = { batch: PendingChange[]; answer: Promise<HttpAnswer> };

function send(ctx: PushContext, batch: PendingChange[]): InFlight {
  const answer = ctx.session.call('POST', '/sync/v1/push', pushBody(ctx, batch));
  answer.catch(() => undefined); // awaited later, or dropped after an earlier batch failed
  return { batch, answer };
}

/**
 * The PushRequest as JSON text, each change's fields spliced in as the outbox keeps them (JSON
 * written by change-log.ts) instead of parsed from the outbox and serialised again.
 */
function pushBody(ctx: PushContext, batch: ReadonlyArray<PendingChange>): RawJson {
  const head: Omit<PushRequest, 'changes'> = {
    protocol: PROTOCOL_VERSION,
    replicaId: ctx.store.replicaId,
    schemaVersion: SCHEMA_VERSION,
    appVersion: ctx.appVersion,
  };
  const changes = batch.map(
    ({ fieldsJson, ...change }) => `${JSON.stringify(change).slice(0, -1)},"fields":${fieldsJson}}`,
  );
  return new RawJson(`${JSON.stringify(head).slice(0, -1)},"changes":[${changes.join(',')}]}`);
}

/**
 * Sends the outbox batch by batch with one batch in flight ahead: while head office applies batch
 * k, batch k+1 is read, compressed and sent, and waits on the replica's row lock there, so the PC
 * and head office work at the same time. Acks still come only from lastAppliedSeq; if batch k
 * fails, k+1 finds a gap (409 seq_gap, nothing applied) and its answer is dropped.
 */
export async function pushAll(ctx: PushContext): Promise<{ pushed: number; rejected: number }> {
  let pushed = 0;
  let rejected = 0;
  let ahead: InFlight | null = null;
  for (let round = 0; ; round += 1) {
    if (round > 100_000) throw new Error('push did not finish');
    let current = ahead;
    ahead = null;
    if (!current) {
      const batch = await exclusive(ctx.store, () => pendingBatch(ctx.store.statements));
      if (batch.length === 0) return { pushed, rejected };
      current = send(ctx, batch);
    }
    const next = await exclusive(ctx.store, () =>
      pendingBatch(ctx.store.statements, { afterWireSeq: current.batch.at(-1)!.seq }),
    );
    if (next.length > 0) ahead = send(ctx, next);
    try {
      const outcome = await settle(ctx, current);
      pushed += outcome.pushed;
      rejected += outcome.rejected;
      ctx.onProgress?.(pushed);
      // Head office did not take the whole batch (a gap was realigned): what was sent ahead is out of step.
      if (!outcome.complete && ahead) {
        await ahead.answer.catch(() => undefined);
        ahead = null;
      }
    } catch (error) {
      await ahead?.answer.catch(() => undefined);
      if (!(error instanceof ForkedReplica)) throw error;
      // What was written since the restore waits until head office's records are back (restored-copy.ts).
      await rotateReplica(ctx.store, error.appliedThroughWireSeq);
      return { pushed, rejected };
    }
  }
}

async function settle(
  ctx: PushContext,
  { batch, answer: pending }: InFlight,
): Promise<{ pushed: number; rejected: number; complete: boolean }> {
  {
    const answer = await pending;
    if (answer.status === 200) {
      const body = answer.body as PushResponse;
      ctx.onServerTime(body.serverTime, body.serverEpoch);
      const before = await exclusive(ctx.store, () => getNumber(ctx.store.statements, 'last_acked_seq'));
      const rejected = await exclusive(ctx.store, () => recordOutcome(ctx.store, batch, body));
      const after = await exclusive(ctx.store, () => getNumber(ctx.store.statements, 'last_acked_seq'));
      return { pushed: Math.max(0, after - before), rejected, complete: body.lastAppliedSeq >= batch.at(-1)!.seq };
    }
    if (answer.status === 409) {
      const error = errorOf(answer);
      if (error.error === 'seq_gap' && error.expectedSeq !== undefined) {
        await exclusive(ctx.store, () => realign(ctx.store, error.expectedSeq! - 1));
        return { pushed: 0, rejected: 0, complete: false };
      }
      if (error.error === 'replica_forked') throw new ForkedReplica((error.expectedSeq ?? 1) - 1);
      if (error.error === 'replica_unknown') {
        if (batch[0]!.seq === 1) throw new TransientError('Head office does not know this database yet');
        await exclusive(ctx.store, () => unackOrStop(ctx.store, 0));
        return { pushed: 0, rejected: 0, complete: false };
      }
    }
    throw new TransientError(`Push refused (${answer.status}): ${errorOf(answer).message}`);
  }
}

function recordOutcome(store: Store, batch: ReadonlyArray<PendingChange>, body: PushResponse): number {
  const { statements } = store;
  const base = getNumber(statements, 'seq_base');
  const bySeq = new Map(batch.map((c) => [c.seq, c]));
  const nowIso = deskNowIso(store.hlc);
  let rejected = 0;
  for (const result of body.results) {
    if (result.status !== 'rejected' && !result.code?.startsWith('hq_')) continue;
    const change = bySeq.get(result.seq);
    if (!change) continue;
    recordRejected(statements, [
      result.seq + base,
      change.changeId,
      change.entity,
      change.entityId,
      change.op,
      change.fieldsJson,
      result.code ?? 'rejected',
      change.staffId,
      change.createdAt,
      nowIso,
    ]);
    rejected += 1;
  }
  realign(store, body.lastAppliedSeq);
  return rejected;
}

/** Head office's lastAppliedSeq is the truth: ack up to it, or un-ack what it lost. */
function realign(store: Store, lastAppliedWireSeq: number): void {
  const { statements } = store;
  const base = getNumber(statements, 'seq_base');
  if (lastAppliedWireSeq + base > lastLocalSeq(statements)) {
    // Head office has applied changes this database never made: it is an older copy of itself.
    throw new ForkedReplica(lastLocalSeq(statements) - base);
  }
  const acked = getNumber(statements, 'last_acked_seq');
  if (lastAppliedWireSeq + base < acked) unackOrStop(store, lastAppliedWireSeq);
  else markAcked(statements, lastAppliedWireSeq, deskNowIso(store.hlc));
  saveClockMark(statements, store.hlc);
}

function unackOrStop(store: Store, lastAppliedWireSeq: number): void {
  try {
    unackFrom(store.statements, lastAppliedWireSeq);
  } catch (error) {
    throw new SyncStop('history_lost', error instanceof Error ? error.message : String(error));
  }
}

export class ForkedReplica extends Error {
  constructor(readonly appliedThroughWireSeq: number) {
    super('This database is an older copy of one head office already knows');
  }
}

/** Continue as a new replica and take back head office's records (restored-copy.ts). */
export async function rotateReplica(store: Store, appliedThroughWireSeq: number): Promise<void> {
  await exclusive(store, () => store.sqlite.transaction(() => continueAsNewReplica(store, appliedThroughWireSeq))());
}

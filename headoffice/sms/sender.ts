/**
 * Head office's sender: picks the customer messages that are due (their `not_before` reached, not
 * cancelled, not yet sent), sends them through the gateway, retries what may pass with exponential
 * backoff and jitter, and gives up after a bounded number of attempts. Every step is written to
 * the outbox (migration 0016) and mirrored to the store as `message_delivery` (delivery.ts).
 *
 * Exactly once, across restarts and processes:
 * - a message is claimed (status `sending`, who, when) and the claim committed BEFORE the gateway
 *   is called; the claim is made under the feed lock with `FOR UPDATE SKIP LOCKED`, so two head
 *   offices never claim the same message;
 * - a claim older than the lease belongs to a process that died mid-send: the message goes back to
 *   the queue marked `unsure`, and an unsure message is first looked up at the provider by its id
 *   (sent as the provider's OutId): found, it is recorded as sent and never sent again; a timeout or
 *   a lost connection marks it unsure too. Only a provider that says it does not have it is sent to.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Hlc } from '../../db/sync/hlc';
import type { RecordState } from '../../db/sync/protocol';
import { normalisePhone } from '../../db/sync/phone-digits';
import type { HqDatabase } from '../db/open';
import type { HqDB } from '../db/schema';
import { lockFeed } from '../feed';
import { deliveryWrite, writeForStores, type OutboxRow } from './delivery';
import type { SendResult, SmsGateway, SmsMessage } from './gateway';
import { MESSAGE_ENTITY } from './outbox-follow-up';
import { sharedPace } from './rate';
import { templateCodes, templateFor } from './templates';

export const MAX_BODY_CHARS = 500;

export type SenderLog = {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
};

export type SenderOptions = {
  db: HqDatabase;
  hqClock: Hlc;
  gateway: SmsGateway;
  now?: () => number;
  log?: SenderLog;
  /** Names this process's claims (a fresh id per start). */
  instanceId?: string;
  /** Messages claimed per pass (≤ 200). */
  batchSize?: number;
  /** Attempts before a message is `failed` (≥ 1). */
  maxAttempts?: number;
  /** The first retry waits about `baseMs`, each next one twice as long, never more than `maxMs`. */
  backoff?: { baseMs: number; maxMs: number };
  /** A claim older than this was left by a process that died; far above the gateway's timeout. */
  leaseMs?: number;
  /** At most this many gateway calls a second from all head-office processes together (the provider's rate limit). */
  perSecond?: number;
  random?: () => number;
};

export type PassReport = { claimed: number; sent: number; retrying: number; failed: number; cancelled: number };

type Claimed = { row: OutboxRow; message: SmsMessage; lookUpFirst: boolean };
type Parsed = ReturnType<typeof messageOf>;
type Outcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'retry'; code: string; unsure: boolean }
  | { kind: 'failed'; code: string };

const NOBODY: SenderLog = { info() {}, warn() {}, error() {} };

export function createSmsSender(options: SenderOptions) {
  const {
    db,
    hqClock,
    gateway,
    now = Date.now,
    log = NOBODY,
    instanceId = randomUUID(),
    batchSize = 20,
    maxAttempts = 6,
    backoff = { baseMs: 30_000, maxMs: 3_600_000 },
    leaseMs = 5 * 60_000,
    perSecond = 10,
    random = Math.random,
  } = options;
  const batch = Math.min(200, Math.max(1, batchSize));
  const pace = sharedPace(db, gateway.provider, perSecond);

  /** Claims past the lease go back to the queue, unsure: their process died between claim and answer. */
  async function releaseStale(): Promise<number> {
    const at = new Date(now());
    const released = await db
      .updateTable('smsOutbox')
      .set({ status: 'queued', unsure: true, nextAttemptAt: at, updatedAt: at })
      .where('status', '=', 'sending')
      .where('claimedAt', '<', new Date(now() - leaseMs))
      .executeTakeFirst();
    const count = Number(released.numUpdatedRows);
    if (count > 0)
      log.warn('sms: claims left by a stopped sender are checked at the provider before any resend', { count });
    return count;
  }

  async function claim(report: PassReport): Promise<Claimed[]> {
    const nowMs = now();
    const at = new Date(nowMs);
    return db.transaction().execute(async (trx) => {
      await lockFeed(trx);
      const due = await trx
        .selectFrom('smsOutbox as o')
        .leftJoin('entityState as s', (join) =>
          join.onRef('s.entityId', '=', 'o.messageId').on('s.entity', '=', MESSAGE_ENTITY),
        )
        .selectAll('o')
        .select('s.state')
        .where('o.status', '=', 'queued')
        .where('o.nextAttemptAt', '<=', at)
        .orderBy('o.nextAttemptAt')
        .limit(batch)
        .forUpdate('o')
        .skipLocked()
        .execute();
      const claimed: Claimed[] = [];
      const writes: { storeId: string; write: NonNullable<ReturnType<typeof deliveryWrite>> }[] = [];
      const codes = due.length > 0 ? await templateCodes(trx) : new Map<string, string>();
      for (const { state, ...row } of due) {
        const parsed = await withTemplate(trx, codes, row, messageOf(row, state as RecordState | null));
        let status: OutboxRow['status'];
        let lastError = row.lastError;
        if (parsed === 'cancelled') {
          status = 'cancelled';
          report.cancelled += 1;
        } else if (typeof parsed === 'string') {
          status = 'failed';
          lastError = parsed;
          report.failed += 1;
        } else status = 'sending';
        const updated = await trx
          .updateTable('smsOutbox')
          .set({
            status,
            lastError,
            attempts: status === 'sending' ? row.attempts + 1 : row.attempts,
            claimedAt: status === 'sending' ? at : row.claimedAt,
            claimedBy: status === 'sending' ? instanceId : row.claimedBy,
            provider: gateway.provider,
            updatedAt: at,
          })
          .where('messageId', '=', row.messageId)
          .returningAll()
          .executeTakeFirstOrThrow();
        const write = deliveryWrite(updated, at);
        if (write) writes.push({ storeId: updated.storeId, write });
        if (typeof parsed === 'object')
          claimed.push({
            row: updated,
            message: { ...parsed, firstClaimedAt: row.claimedAt ?? at },
            lookUpFirst: row.unsure,
          });
      }
      await writeForStores(trx, hqClock, nowMs, writes);
      return claimed;
    });
  }

  /** The message with its template and variables, or the short code of why it cannot be sent. */
  async function withTemplate(
    trx: Transaction<HqDB>,
    codes: ReadonlyMap<string, string>,
    row: OutboxRow,
    parsed: Parsed,
  ): Promise<string | Omit<SmsMessage, 'firstClaimedAt'>> {
    if (typeof parsed !== 'object') return parsed;
    const choice = await templateFor(trx, codes, { ...row, language: parsed.language }, gateway.needsTemplate);
    if (typeof choice === 'string') return choice;
    const { language: _language, ...message } = parsed;
    return { ...message, ...choice };
  }

  async function attempt({ message, lookUpFirst }: Claimed): Promise<Outcome> {
    if (lookUpFirst) {
      await pace();
      const found = await gateway.lookup(message).catch(() => ({ kind: 'unknown' as const, code: 'gateway_error' }));
      if (found.kind === 'found')
        return found.failedCode
          ? { kind: 'failed', code: found.failedCode }
          : { kind: 'sent', providerMessageId: found.providerMessageId };
      // Without an answer nothing is sent: a second message is worse than a late one.
      if (found.kind === 'unknown') return { kind: 'retry', code: `lookup_${found.code}`.slice(0, 60), unsure: true };
    }
    await pace();
    const result: SendResult = await gateway
      .send(message)
      .catch(() => ({ ok: false, retryable: true, ambiguous: true, code: 'gateway_error' }) as const);
    if (result.ok) return { kind: 'sent', providerMessageId: result.providerMessageId };
    if (result.retryable) return { kind: 'retry', code: result.code, unsure: result.ambiguous };
    return { kind: 'failed', code: result.code };
  }

  async function record(claimed: Claimed, outcome: Outcome, report: PassReport): Promise<void> {
    const nowMs = now();
    const at = new Date(nowMs);
    const { row } = claimed;
    const giveUp = outcome.kind === 'retry' && row.attempts >= maxAttempts;
    await db.transaction().execute(async (trx) => {
      await lockFeed(trx);
      const updated = await updateClaimed(trx, row.messageId, outcome, giveUp, row.attempts, at);
      if (!updated) {
        log.warn('sms: the claim was taken over before the answer was recorded', { messageId: row.messageId });
        return;
      }
      const write = deliveryWrite(updated, at);
      if (write) await writeForStores(trx, hqClock, nowMs, [{ storeId: updated.storeId, write }]);
    });
    if (outcome.kind === 'sent') report.sent += 1;
    else if (outcome.kind === 'failed' || giveUp) report.failed += 1;
    else report.retrying += 1;
    log.info('sms: attempt', {
      messageId: row.messageId,
      attempt: row.attempts,
      outcome: giveUp ? 'failed' : outcome.kind,
      ...(outcome.kind === 'sent' ? {} : { code: outcome.code }),
    });
  }

  function updateClaimed(
    trx: Transaction<HqDB>,
    messageId: string,
    outcome: Outcome,
    giveUp: boolean,
    attempts: number,
    at: Date,
  ) {
    const base = trx
      .updateTable('smsOutbox')
      .where('messageId', '=', messageId)
      .where('claimedBy', '=', instanceId)
      .where('status', 'in', ['sending', 'delivered', 'failed']);
    if (outcome.kind === 'sent')
      return base
        .set({
          // A delivery report may have come first (callbacks.ts); it is not undone.
          status: sql`CASE WHEN status = 'sending' THEN 'sent' ELSE status END`,
          unsure: false,
          lastError: '',
          providerMessageId: outcome.providerMessageId,
          sentAt: at,
          updatedAt: at,
        })
        .returningAll()
        .executeTakeFirst();
    const onlySending = base.where('status', '=', 'sending');
    if (outcome.kind === 'failed' || giveUp)
      return onlySending
        .set({ status: 'failed', unsure: false, lastError: outcome.code, updatedAt: at })
        .returningAll()
        .executeTakeFirst();
    const delayMs = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
    // Equal jitter: half the delay for sure, half at random, so senders retrying together spread out.
    const waitMs = Math.round(delayMs / 2 + (random() * delayMs) / 2);
    return onlySending
      .set({
        status: 'queued',
        unsure: outcome.unsure,
        lastError: outcome.code,
        nextAttemptAt: new Date(at.getTime() + waitMs),
        updatedAt: at,
      })
      .returningAll()
      .executeTakeFirst();
  }

  /** One pass: stale claims back to the queue, then one batch of due messages claimed and sent. */
  async function runOnce(): Promise<PassReport> {
    const report: PassReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 };
    await releaseStale();
    const claimed = await claim(report);
    report.claimed = claimed.length;
    for (const one of claimed) await record(one, await attempt(one), report);
    return report;
  }

  /** Passes every `intervalMs` (at once again after a full batch) until `stop`. */
  function start(intervalMs = 5_000): { stop(): Promise<void> } {
    let stopped = false;
    let wake: (() => void) | null = null;
    const loop = (async () => {
      while (!stopped) {
        let full = false;
        try {
          full = (await runOnce()).claimed >= batch;
        } catch (error) {
          log.error('sms: a sending pass failed', { error: error instanceof Error ? error.message : String(error) });
        }
        if (stopped || full) continue;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, intervalMs).unref();
        });
      }
    })();
    return {
      async stop() {
        stopped = true;
        (wake as (() => void) | null)?.();
        await loop;
      },
    };
  }

  return { runOnce, start, instanceId };
}

type Base = Pick<SmsMessage, 'messageId' | 'phone' | 'body' | 'event'> & { language: string };

/** What is sent, read from the merged record; `cancelled`, or a short code naming what is wrong with it. */
function messageOf(row: OutboxRow, state: RecordState | null): Base | string {
  if (!state || state.deleted !== null || state.fields.cancelledAt) return 'cancelled';
  const { phone, body, channel } = state.fields;
  if (channel !== undefined && channel !== 'sms') return 'unsupported_channel';
  const mobile = typeof phone === 'string' ? normalisePhone(phone) : null;
  if (!mobile || mobile.kind !== 'mobile') return 'invalid_phone';
  if (typeof body !== 'string' || body.trim() === '') return 'empty_body';
  if (body.length > MAX_BODY_CHARS) return 'body_too_long';
  const language = typeof state.fields.language === 'string' ? state.fields.language : 'zh-CN';
  return { messageId: row.messageId, phone: mobile.digits, body, event: row.event, language };
}

/**
 * The provider's rate limit, kept by every head-office process together: one `sms_rate` row per
 * provider (migration 0018) holds the moment the next call may start. A caller takes the next slot
 * in one statement (the row's lock orders concurrent callers) and waits until it. PostgreSQL's clock
 * decides both the slot and the wait, so two head offices on machines whose clocks differ still
 * share one pace.
 */
import { sql } from 'kysely';
import type { HqDatabase } from '../db/open';

/** Longest wait one call accepts; a later slot means the row was set absurdly far ahead (a clock jump). */
const MAX_WAIT_MS = 60_000;

export function sharedPace(db: HqDatabase, provider: string, perSecond: number): () => Promise<void> {
  const gapUs = Math.max(1, Math.round(1_000_000 / Math.max(0.01, perSecond)));
  return async () => {
    const gap = sql`make_interval(secs => ${gapUs}::double precision / 1000000)`;
    const taken = await sql<{ waitMs: number }>`
      INSERT INTO sms_rate AS r (provider, next_call_at) VALUES (${provider}, clock_timestamp() + ${gap})
      ON CONFLICT (provider) DO UPDATE
        SET next_call_at = CASE
          WHEN r.next_call_at - clock_timestamp() > make_interval(secs => ${MAX_WAIT_MS / 1000}) THEN clock_timestamp()
          ELSE GREATEST(r.next_call_at, clock_timestamp()) END + ${gap}
      RETURNING (EXTRACT(EPOCH FROM (next_call_at - ${gap} - clock_timestamp())) * 1000)::float8 AS "waitMs"`.execute(
      db,
    );
    const wait = Math.min(MAX_WAIT_MS, Number(taken.rows[0]?.waitMs ?? 0));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
}

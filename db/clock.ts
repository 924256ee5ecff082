/**
 * The desk's time for everything it stores (a ticket's createdAt, notes, events, SLA rows, parts
 * movements, sessions, acknowledgements): the hybrid logical clock's reading, which never goes
 * back, even across restarts while the PC clock is set back. Its high-water mark is kept in
 * `sync_state` (`clock_mark`), a row local to this PC: it is written in the same transaction as
 * whatever a call stores, with each pulled chunk, and when the store closes, and read at open.
 *
 * A PC whose clock ran ahead and was then corrected keeps counting from the mark: its stored times
 * stand still until the PC clock catches up, rather than going back. Head office re-stamps changes
 * too far ahead of its own time (docs/SYNC.md §2.6), so such a PC cannot win merges with its future.
 */
import type { Hlc } from './sync/hlc';
import type { StatementCache } from './statement-cache';

/** A call that stores nothing writes the mark once this far ahead of the saved one, not on every read. */
export const MARK_EVERY_MS = 60_000;

/** How far ahead a saved offset may move the clock before head office has answered again. */
export const SAVED_OFFSET_AHEAD_MS = 2 * 60_000;

/**
 * The offset saved at the last sync (head office's time − this PC's), as used from start until
 * head office answers again. A PC clock that ran behind and was corrected while the app was closed
 * leaves a large forward offset behind; applied in full it would move every stored time into the
 * future, and the clock never comes back from there. So a forward offset counts only up to a couple
 * of minutes until it is learned afresh; a backward one is harmless (the mark holds the clock).
 */
export function startingOffset(saved: number): number {
  if (!Number.isFinite(saved)) return 0;
  return Math.min(saved, SAVED_OFFSET_AHEAD_MS);
}

/** The time to store now, in ms (see the module comment). */
export function deskNowMs(clock: Pick<Hlc, 'nowMs'>): number {
  return clock.nowMs();
}

export function deskNowIso(clock: Pick<Hlc, 'nowMs'>): string {
  return new Date(deskNowMs(clock)).toISOString();
}

export function loadClockMark(statements: StatementCache): string | null {
  const row = statements.statement("SELECT value FROM sync_state WHERE key = 'clock_mark'").get() as
    { value: string } | undefined;
  return row?.value ?? null;
}

/** Saves the clock's last stamp as the mark unless a greater one is saved already. */
export function saveClockMark(statements: StatementCache, clock: Pick<Hlc, 'last'>): void {
  statements
    .statement(
      "INSERT INTO sync_state (key, value) VALUES ('clock_mark', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE excluded.value > sync_state.value",
    )
    .run(clock.last());
}

/** Changes made on this connection so far: a call that changed nothing needs no mark. */
export function changesSoFar(statements: StatementCache): number {
  return (statements.statement('SELECT total_changes() AS n').get() as { n: number }).n;
}

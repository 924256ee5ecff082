/**
 * Hybrid logical clock (docs/SYNC.md §2.6): 48-bit wall-clock milliseconds, a 16-bit counter and the
 * replica id as the tie-break, encoded so that string order is clock order:
 *   `0193a1b2c3d4-0000-<replica>`
 * `send()` never goes backwards, even if the PC clock does (NTP step, a user changing the date).
 * `recv()` merges a remote stamp so a PC whose clock runs behind catches up after a sync.
 * `nowMs()` is the desk's time for everything it stores: the same never-backwards clock, read
 * without issuing a stamp. Its high-water mark is persisted (db/clock.ts), so a restart carries on
 * from it whatever the PC clock says.
 */
import { MAX_CLOCK_SKEW_MS } from './protocol';

const MAX_COUNTER = 0xffff;

export type HlcParts = { millis: number; counter: number; node: string };

export class ClockDriftError extends Error {
  constructor(remoteMillis: number, localMillis: number) {
    super(
      `Remote clock stamp ${new Date(remoteMillis).toISOString()} is more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes ahead of this PC (${new Date(localMillis).toISOString()})`,
    );
  }
}

export function formatHlc({ millis, counter, node }: HlcParts): string {
  return `${millis.toString(16).padStart(12, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(stamp: string): HlcParts {
  const match = /^([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-z]+)$/.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${JSON.stringify(stamp)}`);
  return { millis: parseInt(match[1]!, 16), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export type Hlc = {
  /** A new stamp for a local change, greater than every stamp this clock has issued or seen. */
  send(): string;
  /** Merge a stamp received from elsewhere; returns the new local stamp. */
  recv(remote: string): string;
  /** The last stamp issued or merged. */
  last(): string;
  /**
   * The current time in ms: the wall clock (plus the offset learned from head office), but never
   * less than any stamp issued, merged or time read before. Later stamps are never below it.
   */
  nowMs(): number;
};

export type HlcOptions = {
  node: string;
  /** The wall clock; injectable so tests can move it backwards. */
  now?: () => number;
  /** The latest stamp persisted before this process started (e.g. max(change_log.hlc)). */
  lastStamp?: string | null;
  /** Offset learned from head office (serverTime − localTime), added to the wall clock. */
  offsetMs?: () => number;
};

export function createHlc({ node, now = Date.now, lastStamp, offsetMs = () => 0 }: HlcOptions): Hlc {
  if (!/^[0-9a-z]+$/.test(node)) throw new Error(`HLC node id must be lowercase alphanumeric: ${node}`);
  let millis = 0;
  let counter = 0;
  if (lastStamp) {
    const parsed = parseHlc(lastStamp);
    millis = parsed.millis;
    counter = parsed.counter;
  }
  const wall = (): number => now() + offsetMs();

  function bump(candidateMillis: number): void {
    if (candidateMillis > millis) {
      millis = candidateMillis;
      counter = 0;
    } else {
      counter += 1;
      if (counter > MAX_COUNTER) {
        // Borrow a millisecond rather than fail: keeps order, costs at most 1 ms of drift.
        millis += 1;
        counter = 0;
      }
    }
  }

  return {
    send() {
      bump(wall());
      return formatHlc({ millis, counter, node });
    },
    recv(remote) {
      const r = parseHlc(remote);
      const local = wall();
      // A stamp this clock has already passed moves nothing, however far ahead of the PC clock it
      // is. One beyond both the high-water mark and the wall clock by more than head office's own
      // clamp (it re-stamps any change more than 5 minutes ahead of its time, docs/SYNC.md §2.6) cannot
      // be a real time: the wall here includes the offset learned from head office, so it is
      // head office's time. Merging it would drag every later stamp, and every stored time, into
      // the future for good; it is refused and the caller applies the record without it.
      if (r.millis > millis && r.millis - local > MAX_CLOCK_SKEW_MS) throw new ClockDriftError(r.millis, local);
      const top = Math.max(local, millis, r.millis);
      if (top === millis && top === r.millis) counter = Math.max(counter, r.counter) + 1;
      else if (top === millis) counter += 1;
      else if (top === r.millis) counter = r.counter + 1;
      else counter = 0;
      millis = top;
      if (counter > MAX_COUNTER) {
        millis += 1;
        counter = 0;
      }
      return formatHlc({ millis, counter, node });
    },
    last() {
      return formatHlc({ millis, counter, node });
    },
    nowMs() {
      const w = wall();
      if (w > millis) {
        millis = w;
        counter = 0;
      }
      return millis;
    },
  };
}

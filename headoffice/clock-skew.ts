/**
 * Clock skew on receipt (docs/SYNC.md §2.6): a stamp more than `MAX_CLOCK_SKEW_MS` ahead of head
 * office's clock is re-stamped with head office's time (the writing node kept), so one PC with a
 * clock days ahead cannot win every later merge. The re-stamp is logged (clock_skew table).
 */
import { formatHlc, parseHlc, type Hlc } from '../db/sync/hlc';
import { MAX_CLOCK_SKEW_MS, type WireChange } from '../db/sync/protocol';
import type { Skew } from './side-records';

/** The stamp a change merges with, and the skew to log when it is not the change's own. */
export function receivedStamp(change: WireChange, hqClock: Hlc, nowMs: number): { hlc: string; skew: Skew | null } {
  const stamp = parseHlc(change.hlc);
  if (stamp.millis - nowMs <= MAX_CLOCK_SKEW_MS) return { hlc: change.hlc, skew: null };
  const now = parseHlc(hqClock.send());
  const hlc = formatHlc({ millis: now.millis, counter: now.counter, node: stamp.node });
  return { hlc, skew: { changeId: change.changeId, hlc: change.hlc, restamped: hlc, skewMs: stamp.millis - nowMs } };
}

/**
 * "Now" for SLA clocks: this PC's hybrid logical clock, which never goes backwards, also across
 * restarts (its high-water mark is kept, db/clock.ts). Reading it through a fresh stamp keeps it at
 * the latest time the desk has seen, so setting the PC clock back cannot give a running SLA clock
 * its time back, and it includes the offset learned from head office (docs/SYNC.md §2.6), so a PC whose
 * clock runs slow is corrected after a sync.
 */
import type { HandlerContext } from '../handler';
import { parseHlc } from '../sync/hlc';

export function deskNow(ctx: HandlerContext): number {
  return parseHlc(ctx.stamp()).millis;
}

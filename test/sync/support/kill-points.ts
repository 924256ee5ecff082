/**
 * Where F15 kills the counter (docs/SYNC.md §3b): points on the local write, push, pull and apply paths,
 * each reached several times per run, and a seeded plan that picks one of them (or a plain delay)
 * for each seed.
 */
import { createRandom } from '../../support/generator';

export const KILL_POINTS = [
  /** A desk write has written its rows and is logging the change: the transaction is open. */
  'write.logged',
  /** The push request has left: head office may or may not have it. */
  'push.sent',
  /** Head office answered a push (it committed); the PC has not marked anything acknowledged. */
  'push.answered',
  /** The PC is marking changes acknowledged, inside that transaction. */
  'push.acking',
  /** A pull page arrived; nothing of it is applied. */
  'pull.answered',
  /** A pulled record is being merged into the local tables, inside the apply transaction. */
  'apply.record',
  /** The pull cursor is being written with its chunk, inside the apply transaction. */
  'apply.cursor',
] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

export type KillPlan = { kind: 'point'; point: KillPoint; nth: number } | { kind: 'delay'; ms: number };

/** How often a run of the child passes each point, at least (4 writes and edits, 3 colleague's customers to apply; measured). */
const REACHED: Record<KillPoint, number> = {
  'write.logged': 12,
  'push.sent': 3,
  'push.answered': 3,
  'push.acking': 3,
  'pull.answered': 3,
  'apply.record': 6,
  'apply.cursor': 3,
};

/** One seed in eight is a kill after a random delay (anywhere at all); the rest a chosen point. */
export function killPlan(seed: number): KillPlan {
  const rnd = createRandom(seed * 7919 + 17);
  if (rnd() < 0.125) return { kind: 'delay', ms: Math.floor(rnd() * 350) };
  const point = KILL_POINTS[Math.floor(rnd() * KILL_POINTS.length)]!;
  return { kind: 'point', point, nth: 1 + Math.floor(rnd() * REACHED[point]) };
}

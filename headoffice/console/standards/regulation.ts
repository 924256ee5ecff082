/**
 * The regulation's targets (docs/DOMAIN.md §8): what every counter is seeded with (its migration
 * 0007) and keeps until head office sets a target. The console shows them for cells head office has
 * never set; test/headoffice/console/standards-domain.spec.ts keeps them equal to a fresh counter's.
 */
import type { Priority, SlaTarget, Tier, TicketType } from '../contract/standards';
import { PRIORITIES, TICKET_TYPES, TIERS } from '../contract/standards';

/** Reply within 15 minutes, handle within 24 hours; a suggestion within 1 and 3 days. */
function base(type: TicketType): [number, number] {
  return type === 'feedback' ? [24 * 60, 72 * 60] : [15, 24 * 60];
}

const DAY_MINUTES = 24 * 60;

/** Higher priority: a tighter reply limit and a share of the resolution time. */
const PRIORITY_RULES: Readonly<Record<Priority, { replyAtMost: number | null; resolveShare: number }>> = {
  normal: { replyAtMost: null, resolveShare: 1 },
  high: { replyAtMost: 10, resolveShare: 0.5 },
  urgent: { replyAtMost: 5, resolveShare: 0.25 },
};

/** Gold and VIP customers are served faster. */
const TIER_RULES: Readonly<Record<Tier, { reply: number; resolve: number } | null>> = {
  regular: null,
  silver: null,
  gold: { reply: 10, resolve: 16 * 60 },
  vip: { reply: 10, resolve: 12 * 60 },
};

export function regulationTarget(ticketType: TicketType, priority: Priority, tier: Tier): SlaTarget {
  const [baseReply, baseResolve] = base(ticketType);
  const rule = PRIORITY_RULES[priority];
  let reply = rule.replyAtMost === null ? baseReply : Math.min(baseReply, rule.replyAtMost);
  let resolve = Math.round(baseResolve * rule.resolveShare);
  const tierRule = ticketType === 'feedback' ? null : TIER_RULES[tier];
  if (tierRule) {
    reply = Math.min(reply, tierRule.reply);
    resolve = Math.min(resolve, Math.round(tierRule.resolve * rule.resolveShare));
  }
  return {
    ticketType,
    priority,
    tier,
    replyMinutes: Math.max(1, reply),
    resolveMinutes: Math.max(2, resolve),
    // The regulation's "24 hours" is calendar time: a target of whole days counts around the
    // clock, shorter ones the store's working hours (as a counter's migration 0019 seeds them).
    counts: resolve % DAY_MINUTES === 0 ? 'calendar' : 'working',
  };
}

export function regulationTargets(): SlaTarget[] {
  return TICKET_TYPES.flatMap((type) =>
    PRIORITIES.flatMap((priority) => TIERS.map((tier) => regulationTarget(type, priority, tier))),
  );
}

/**
 * 0007: SLA targets as data: first-response and resolution minutes per ticket type ×
 * priority × customer tier, seeded with what the code used to compute. Frozen once landed: never
 * edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

const TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'] as const;
const PRIORITIES = ['normal', 'high', 'urgent'] as const;
const TIERS = ['regular', 'silver', 'gold', 'vip'] as const;

/** The regulation (docs/DOMAIN.md §8): reply within 15 minutes, handle within 24 working hours. */
function baseTargets(type: string): [number, number] {
  // A suggestion is acknowledged at the counter; a lead reviews it within three working days.
  return type === 'feedback' ? [24 * 60, 72 * 60] : [15, 24 * 60];
}

/** Higher priority: a tighter reply limit and a share of the resolution time. */
const PRIORITY_RULES: Readonly<Record<string, { replyAtMost: number | null; resolveShare: number }>> = {
  normal: { replyAtMost: null, resolveShare: 1 },
  high: { replyAtMost: 10, resolveShare: 0.5 },
  urgent: { replyAtMost: 5, resolveShare: 0.25 },
};

/** Gold and VIP customers are served faster (their customer_tier standards are 15 min/24 h and 10 min/12 h). */
const TIER_RULES: Readonly<Record<string, { reply: number; resolve: number } | null>> = {
  regular: null,
  silver: null,
  gold: { reply: 10, resolve: 16 * 60 },
  vip: { reply: 10, resolve: 12 * 60 },
};

function seed(type: string, priority: string, tier: string): [number, number] {
  const [baseReply, baseResolve] = baseTargets(type);
  const rule = PRIORITY_RULES[priority]!;
  let reply = rule.replyAtMost === null ? baseReply : Math.min(baseReply, rule.replyAtMost);
  let resolve = Math.round(baseResolve * rule.resolveShare);
  const tierRule = type === 'feedback' ? null : TIER_RULES[tier];
  if (tierRule) {
    reply = Math.min(reply, tierRule.reply);
    resolve = Math.min(resolve, Math.round(tierRule.resolve * rule.resolveShare));
  }
  return [Math.max(1, reply), Math.max(2, resolve)];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types (Kysely migrations doc)
export async function up(db: Kysely<any>): Promise<void> {
  // One key column (`type:priority:tier`) so the row syncs like any other settings row.
  await sql`CREATE TABLE sla_target (
    id TEXT PRIMARY KEY,
    ticket_type TEXT NOT NULL CHECK (ticket_type IN ('consultation','complaint','aftersales','repair','feedback')),
    priority TEXT NOT NULL CHECK (priority IN ('normal','high','urgent')),
    tier TEXT NOT NULL CHECK (tier IN ('regular','silver','gold','vip')),
    reply_minutes INTEGER NOT NULL CHECK (reply_minutes > 0),
    resolve_minutes INTEGER NOT NULL CHECK (resolve_minutes > reply_minutes),
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    UNIQUE (ticket_type, priority, tier)
  )`.execute(db);
  for (const type of TYPES) {
    for (const priority of PRIORITIES) {
      for (const tier of TIERS) {
        const [reply, resolve] = seed(type, priority, tier);
        await sql`INSERT INTO sla_target VALUES (${`${type}:${priority}:${tier}`}, ${type}, ${priority}, ${tier}, ${reply}, ${resolve}, '1970-01-01T00:00:00.000Z', '0')`.execute(
          db,
        );
      }
    }
  }
}

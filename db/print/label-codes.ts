/**
 * A scanned label's code back to its record: a goods tag's ticket number opens the ticket, a part
 * label's part number picks the part. Each kind is looked up only for a role that may read it.
 */
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { roleCan } from '../staff/roles';
import type { ScannedRecord } from './contract';

export async function resolveCode(ctx: HandlerContext, typed: string): Promise<ScannedRecord> {
  const role = requireActor(ctx).role;
  // Scanners type what the label carries; a stuck Caps Lock or a hand-typed code may change the case.
  const candidates = [...new Set([typed, typed.toUpperCase()])];
  if (roleCan(role, 'tickets.read')) {
    const ticket = await ctx.trx
      .selectFrom('ticket')
      .select(['id', 'number'])
      .where('number', 'in', candidates)
      .executeTakeFirst();
    if (ticket) return { kind: 'ticket', id: ticket.id, number: ticket.number };
  }
  if (roleCan(role, 'parts.read')) {
    const part = await ctx.trx
      .selectFrom('part')
      .select(['id', 'partNo', 'name', 'unit', 'bin'])
      .where('partNo', 'in', candidates)
      .orderBy('partNo')
      .executeTakeFirst();
    if (part) return { kind: 'part', ...part };
  }
  throw new DeskFailure('not_found', 'scan_unknown', 'code');
}

/**
 * What a form prints and who may print it: the subject's human number for the log, and the
 * permission reading the subject needs (printing shows no more than reading does).
 */
import type { Kysely } from 'kysely';
import { exhaustive } from '../assert';
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import type { DB } from '../schema';
import { roleCan, type Permission } from '../staff/roles';
import { isCalendarDate } from '../fields';
import { parseBinSubject, parseCountedSubject } from './label-subjects';
import { FORM_SUBJECT, SUBJECT_PERMISSION, type PrintForm, type PrintSubject } from './forms';

export function requireFormAccess(ctx: HandlerContext, form: PrintForm): void {
  const actor = requireActor(ctx);
  const needed = SUBJECT_PERMISSION[FORM_SUBJECT[form]];
  const anyOf: ReadonlyArray<Permission> = typeof needed === 'string' ? [needed] : needed;
  if (!anyOf.some((permission) => roleCan(actor.role, permission)))
    throw new DeskFailure('permission_denied', 'permission_denied');
}

/** The subject's number, e.g. S012-2-20261123-0042; undefined when there is no such record. */
export async function findSubjectNo(db: Kysely<DB>, subject: PrintSubject, id: string): Promise<string | undefined> {
  switch (subject) {
    case 'ticket': {
      // A goods tag's id may carry its count (label-subjects.ts); the ticket is the same.
      const ticketId = parseCountedSubject(id)?.id ?? id;
      return (await db.selectFrom('ticket').select('number').where('id', '=', ticketId).executeTakeFirst())?.number;
    }
    case 'part': {
      const part = parseCountedSubject(id);
      if (!part) return undefined;
      const row = await db.selectFrom('part').select('partNo').where('id', '=', part.id).executeTakeFirst();
      return row && (part.count > 1 ? `${row.partNo} ×${part.count}` : row.partNo);
    }
    case 'bin': {
      const bin = parseBinSubject(id);
      if (!bin) return undefined;
      const row = await db
        .selectFrom('stockLocation')
        .select('code')
        .where('id', '=', bin.locationId)
        .executeTakeFirst();
      return row && `${row.code} ${bin.bin}`;
    }
    case 'requisition':
      return (await db.selectFrom('requisition').select('number').where('id', '=', id).executeTakeFirst())?.number;
    case 'stocktake':
      return (await db.selectFrom('stocktake').select('number').where('id', '=', id).executeTakeFirst())?.number;
    case 'takings':
      return takingsNumber(db, id);
    case 'supplier_return':
      return (await db.selectFrom('supplierReturn').select('number').where('id', '=', id).executeTakeFirst())?.number;
    case 'estimate': {
      const row = await db
        .selectFrom('estimate')
        .innerJoin('ticket', 'ticket.id', 'estimate.ticketId')
        .select(['ticket.number', 'estimate.version'])
        .where('estimate.id', '=', id)
        .executeTakeFirst();
      return row ? `${row.number} v${row.version}` : undefined;
    }
    case 'purchase_order':
      return (await db.selectFrom('purchaseOrder').select('number').where('id', '=', id).executeTakeFirst())?.number;
    case 'assessment_period':
      return (await db.selectFrom('assessmentPeriod').select('name').where('id', '=', id).executeTakeFirst())?.name;
    default:
      return exhaustive(subject, 'print subject');
  }
}

/** A day's hand-over sheet is filed as the store and day it covers: `S012-20261123`. */
async function takingsNumber(db: Kysely<DB>, date: string): Promise<string | undefined> {
  if (!isCalendarDate(date)) return undefined;
  const store = await db.selectFrom('store').select('code').executeTakeFirst();
  return store ? `${store.code}-${date.replaceAll('-', '')}` : undefined;
}

/**
 * Assessment periods: the manager's weights and grade bands, each person's self-assessment and the
 * supervisor's rating, the customers' ratings (db/training/ratings.ts), the weighted totals and the
 * ranking (db/training/score.ts). While open the customers' part is read live; closing freezes it
 * into the entries, after which nothing in the period changes.
 */
import type { z } from 'zod';
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { newId } from '../ids';
import type {
  AssessmentRow,
  PeriodListView,
  PeriodSummary,
  PeriodView,
  periodSaveSchema,
  rateSchema,
  selfAssessSchema,
} from './contract';
import { canRate, canSee, groupOf, isAssessed, reachOf } from './groups';
import { loadPeople, type Person } from './people';
import { customerRatings, type RatingTally } from './ratings';
import { insertTraining, updateTraining } from './records';
import { gradeOf, ranked, weightedTotal } from './score';
import type { AssessmentEntryRow, AssessmentPeriodRow } from './tables';

const entryId = (periodId: string, staffId: string) => `${periodId}:${staffId}`;

function summary(p: AssessmentPeriodRow, people: ReadonlyMap<string, Person>): PeriodSummary {
  return {
    id: p.id,
    name: p.name,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    weightSelf: p.weightSelf,
    weightSupervisor: p.weightSupervisor,
    weightCustomers: p.weightCustomers,
    aGradeMin: p.aGradeMin,
    bGradeMin: p.bGradeMin,
    closedAt: p.closedAt,
    closedByName: p.closedBy ? (people.get(p.closedBy)?.name ?? null) : null,
  };
}

export async function listPeriods(ctx: HandlerContext): Promise<PeriodListView> {
  const reach = reachOf(requireActor(ctx));
  const people = await loadPeople(ctx.trx);
  const rows = await ctx.trx.selectFrom('assessmentPeriod').selectAll().orderBy('startsOn', 'desc').execute();
  return { reach, periods: rows.map((p) => summary(p, people)) };
}

async function periodOrFail(ctx: HandlerContext, periodId: string): Promise<AssessmentPeriodRow> {
  const row = await ctx.trx.selectFrom('assessmentPeriod').selectAll().where('id', '=', periodId).executeTakeFirst();
  if (!row) throw new DeskFailure('not_found', 'not_found', 'periodId');
  return row;
}

async function openPeriodOrFail(ctx: HandlerContext, periodId: string): Promise<AssessmentPeriodRow> {
  const row = await periodOrFail(ctx, periodId);
  if (row.closedAt !== null) throw new DeskFailure('conflict', 'assessment_period_closed', 'periodId');
  return row;
}

export async function savePeriod(
  ctx: HandlerContext,
  input: z.output<typeof periodSaveSchema>,
): Promise<{ id: string }> {
  const values = {
    name: input.name,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    weightSelf: input.weightSelf,
    weightSupervisor: input.weightSupervisor,
    weightCustomers: input.weightCustomers,
    aGradeMin: input.aGradeMin,
    bGradeMin: input.bGradeMin,
  };
  if (input.id === undefined) {
    const id = newId();
    const row = { id, ...values, closedAt: null, closedBy: null, createdBy: ctx.staffId, createdAt: ctx.nowIso };
    await insertTraining(ctx, 'assessmentPeriod', { ...row, updatedAt: ctx.nowIso, hlc: ctx.stamp() });
    return { id };
  }
  const before = await openPeriodOrFail(ctx, input.id);
  await updateTraining(ctx, 'assessmentPeriod', before, values);
  return { id: before.id };
}

/** Everyone's rows, ranked over the whole store; the caller then sees only those within reach. */
async function allRows(ctx: HandlerContext, period: AssessmentPeriodRow, people: ReadonlyMap<string, Person>) {
  const entries = await ctx.trx.selectFrom('assessmentEntry').selectAll().where('periodId', '=', period.id).execute();
  const byStaff = new Map(entries.map((e) => [e.staffId, e]));
  const closed = period.closedAt !== null;
  const live = closed ? new Map<string, RatingTally>() : await customerRatings(ctx.trx, period.startsOn, period.endsOn);
  // Open: every active member of a group, and anyone already assessed. Closed: those frozen at closing.
  const ids = new Set(entries.map((e) => e.staffId));
  if (!closed) for (const p of people.values()) if (p.active && isAssessed(p.role)) ids.add(p.id);
  const weights = { self: period.weightSelf, supervisor: period.weightSupervisor, customers: period.weightCustomers };
  const rows = [...ids].flatMap((staffId) => {
    const person = people.get(staffId);
    if (!person) return [];
    const entry = byStaff.get(staffId);
    const tally = closed
      ? { sum: entry?.customerSum ?? 0, count: entry?.customerCount ?? 0 }
      : (live.get(staffId) ?? { sum: 0, count: 0 });
    const total = weightedTotal(weights, {
      self: entry?.selfScore ?? null,
      supervisor: entry?.supervisorScore ?? null,
      customerSum: tally.sum,
      customerCount: tally.count,
    });
    return [{ person, entry, tally, total, name: person.name, totalX100: total.totalX100 }];
  });
  return ranked(rows);
}

export async function loadPeriod(ctx: HandlerContext, periodId: string): Promise<PeriodView> {
  const actor = requireActor(ctx);
  const reach = reachOf(actor);
  const period = await periodOrFail(ctx, periodId);
  const people = await loadPeople(ctx.trx);
  const open = period.closedAt === null;
  const bands = { aMin: period.aGradeMin, bMin: period.bGradeMin };
  const rows: AssessmentRow[] = (await allRows(ctx, period, people))
    .filter((r) => canSee(actor, reach, r.person))
    .map((r) => ({
      staffId: r.person.id,
      name: r.person.name,
      role: r.person.role,
      group: groupOf(r.person.role),
      selfScore: r.entry?.selfScore ?? null,
      selfNote: r.entry?.selfNote ?? '',
      supervisorScore: r.entry?.supervisorScore ?? null,
      supervisorNote: r.entry?.supervisorNote ?? '',
      supervisorName: r.entry?.supervisorBy ? (people.get(r.entry.supervisorBy)?.name ?? null) : null,
      customerX100: r.total.customerX100,
      customerCount: r.tally.count,
      totalX100: r.total.totalX100,
      missing: r.total.missing,
      spread: r.total.spread,
      rank: r.rank,
      grade: gradeOf(r.total.totalX100, bands),
      canSelf: open && r.person.id === actor.staffId,
      canRate: open && canRate(actor, reach, r.person),
    }));
  return { period: summary(period, people), reach, rows };
}

async function upsertEntry(
  ctx: HandlerContext,
  periodId: string,
  staffId: string,
  values: Partial<Omit<AssessmentEntryRow, 'id' | 'periodId' | 'staffId' | 'hlc' | 'updatedAt'>>,
): Promise<void> {
  const id = entryId(periodId, staffId);
  const before = await ctx.trx.selectFrom('assessmentEntry').selectAll().where('id', '=', id).executeTakeFirst();
  if (before) return updateTraining(ctx, 'assessmentEntry', before, values);
  const empty = {
    selfScore: null,
    selfNote: '',
    selfAt: null,
    supervisorScore: null,
    supervisorNote: '',
    supervisorBy: null,
    supervisorAt: null,
    customerSum: null,
    customerCount: null,
  };
  const row = { id, periodId, staffId, ...empty, ...values, updatedAt: ctx.nowIso, hlc: ctx.stamp() };
  await insertTraining(ctx, 'assessmentEntry', row);
}

export async function selfAssess(ctx: HandlerContext, input: z.output<typeof selfAssessSchema>): Promise<void> {
  const actor = requireActor(ctx);
  await openPeriodOrFail(ctx, input.periodId);
  if (!isAssessed(actor.role)) throw new DeskFailure('validation', 'assessment_not_assessed');
  await upsertEntry(ctx, input.periodId, actor.staffId, {
    selfScore: input.score,
    selfNote: input.note,
    selfAt: ctx.nowIso,
  });
}

export async function rate(ctx: HandlerContext, input: z.output<typeof rateSchema>): Promise<void> {
  const actor = requireActor(ctx);
  const reach = reachOf(actor);
  if (reach.kind === 'self') throw new DeskFailure('permission_denied', 'permission_denied');
  await openPeriodOrFail(ctx, input.periodId);
  const person = (await loadPeople(ctx.trx)).get(input.staffId);
  if (!person) throw new DeskFailure('not_found', 'not_found', 'staffId');
  if (!isAssessed(person.role)) throw new DeskFailure('validation', 'assessment_not_assessed', 'staffId');
  if (!canRate(actor, reach, person)) throw new DeskFailure('permission_denied', 'training_not_your_group', 'staffId');
  await upsertEntry(ctx, input.periodId, person.id, {
    supervisorScore: input.score,
    supervisorNote: input.note,
    supervisorBy: actor.staffId,
    supervisorAt: ctx.nowIso,
  });
}

/** Freezes the period: everyone listed gets an entry holding their customers' ratings as they stand now. */
export async function closePeriod(ctx: HandlerContext, periodId: string): Promise<void> {
  const period = await openPeriodOrFail(ctx, periodId);
  const people = await loadPeople(ctx.trx);
  for (const row of await allRows(ctx, period, people)) {
    await upsertEntry(ctx, period.id, row.person.id, { customerSum: row.tally.sum, customerCount: row.tally.count });
  }
  await updateTraining(ctx, 'assessmentPeriod', period, { closedAt: ctx.nowIso, closedBy: ctx.staffId });
}

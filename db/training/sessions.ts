/**
 * The yearly training plan: sessions, whom each is for, and attendance with results. A lead plans
 * only for their own group and records results only of its members; staff see the sessions they
 * must attend with their own result only (db/training/groups.ts).
 */
import { DeskFailure, requireActor, type HandlerContext } from '../handler';
import { newId } from '../ids';
import type { z } from 'zod';
import type {
  attendanceSchema,
  Audience,
  PlanPerson,
  Reach,
  SessionView,
  TrainingPlanView,
  trainingSessionSchema,
} from './contract';
import { canManage, canSee, groupOf, reachOf, rolesOf } from './groups';
import { byName, loadPeople, type Person } from './people';
import { deleteTraining, insertTraining, updateTraining } from './records';
import type { TrainingAttendanceRow, TrainingSessionRow } from './tables';

type SessionInput = z.output<typeof trainingSessionSchema>;
type AttendanceInput = z.output<typeof attendanceSchema>;

const attendanceId = (sessionId: string, staffId: string) => `${sessionId}:${staffId}`;

function mayEdit(reach: Reach, session: Pick<TrainingSessionRow, 'ownerGroup'>): boolean {
  return reach.kind === 'all' || (reach.kind === 'group' && session.ownerGroup === reach.group);
}

export async function loadPlan(ctx: HandlerContext, year: number): Promise<TrainingPlanView> {
  const actor = requireActor(ctx);
  const reach = reachOf(actor);
  const people = await loadPeople(ctx.trx);
  const sessions = await ctx.trx
    .selectFrom('trainingSession')
    .selectAll()
    .where('year', '=', year)
    .orderBy('startsOn')
    .orderBy('topic')
    .execute();
  const rows =
    sessions.length === 0
      ? []
      : await ctx.trx
          .selectFrom('trainingAttendance')
          .selectAll()
          .where(
            'sessionId',
            'in',
            sessions.map((s) => s.id),
          )
          .execute();
  const views: SessionView[] = [];
  for (const session of sessions) {
    const all = rows.filter((r) => r.sessionId === session.id);
    const visible = all.filter((r) => {
      const person = people.get(r.staffId);
      return person !== undefined && canSee(actor, reach, person);
    });
    const shown =
      reach.kind === 'all' || visible.length > 0 || (reach.kind === 'group' && session.ownerGroup === reach.group);
    if (!shown) continue;
    views.push(sessionView(session, all.length, visible, people, mayEdit(reach, session)));
  }
  const planFor: PlanPerson[] =
    reach.kind === 'self'
      ? []
      : [...people.values()]
          .filter((p) => p.active && p.role !== 'admin' && canManage(reach, p))
          .sort(byName)
          .map((p) => ({ id: p.id, name: p.name, role: p.role, group: groupOf(p.role) }));
  return { year, reach, people: planFor, sessions: views };
}

function sessionView(
  s: TrainingSessionRow,
  attendeeCount: number,
  visible: ReadonlyArray<TrainingAttendanceRow>,
  people: ReadonlyMap<string, Person>,
  editable: boolean,
): SessionView {
  return {
    id: s.id,
    year: s.year,
    topic: s.topic,
    kind: s.kind,
    trainer: s.trainer,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    hours: s.minutes / 60,
    audience: s.audience,
    ownerGroup: s.ownerGroup,
    editable,
    attendeeCount,
    attendees: visible
      .map((r) => {
        const person = people.get(r.staffId)!;
        return {
          staffId: r.staffId,
          name: person.name,
          role: person.role,
          status: r.status,
          score: r.score,
          passed: r.passed === null ? null : r.passed === 1,
          note: r.note,
        };
      })
      .sort(byName),
  };
}

/** Who must attend: the active staff of the audience; chosen people are checked one by one. */
function attendeesOf(
  reach: Reach,
  audience: Audience,
  staffIds: ReadonlyArray<string>,
  people: ReadonlyMap<string, Person>,
): string[] {
  if (reach.kind === 'group' && audience !== 'chosen' && audience !== reach.group)
    throw new DeskFailure('permission_denied', 'training_not_your_group', 'audience');
  if (audience === 'chosen') {
    const ids = [...new Set(staffIds)];
    for (const id of ids) {
      const person = people.get(id);
      if (!person || !person.active) throw new DeskFailure('validation', 'training_staff_inactive', 'staffIds');
      if (!canManage(reach, person)) throw new DeskFailure('permission_denied', 'training_not_your_group', 'staffIds');
    }
    return ids;
  }
  const roles: ReadonlyArray<string> | null = audience === 'all' ? null : rolesOf(audience);
  return [...people.values()]
    .filter((p) => p.active && p.role !== 'admin' && (roles === null || roles.includes(p.role)))
    .map((p) => p.id);
}

export async function saveSession(ctx: HandlerContext, input: SessionInput): Promise<{ id: string }> {
  const reach = reachOf(requireActor(ctx));
  if (reach.kind === 'self') throw new DeskFailure('permission_denied', 'permission_denied');
  const people = await loadPeople(ctx.trx);
  const wanted = attendeesOf(reach, input.audience, input.staffIds, people);
  const values = {
    year: Number(input.startsOn.slice(0, 4)),
    topic: input.topic,
    kind: input.kind,
    trainer: input.trainer,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    minutes: Math.round(input.hours * 60),
    audience: input.audience,
  };
  let id = input.id;
  if (id === undefined) {
    id = newId();
    const ownerGroup = reach.kind === 'group' ? reach.group : null;
    const row = { id, ...values, ownerGroup, createdBy: ctx.staffId, createdAt: ctx.nowIso, updatedAt: ctx.nowIso };
    await insertTraining(ctx, 'trainingSession', { ...row, hlc: ctx.stamp() });
  } else {
    const before = await ctx.trx.selectFrom('trainingSession').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new DeskFailure('not_found', 'not_found', 'id');
    if (!mayEdit(reach, before)) throw new DeskFailure('permission_denied', 'training_session_not_yours', 'id');
    await updateTraining(ctx, 'trainingSession', before, values);
  }
  await syncAttendees(ctx, id, wanted);
  return { id };
}

/** Adds the people now due to attend; drops those no longer due unless a result was recorded for them. */
async function syncAttendees(ctx: HandlerContext, sessionId: string, wanted: ReadonlyArray<string>): Promise<void> {
  const existing = await ctx.trx
    .selectFrom('trainingAttendance')
    .selectAll()
    .where('sessionId', '=', sessionId)
    .execute();
  const have = new Set(existing.map((r) => r.staffId));
  const want = new Set(wanted);
  for (const row of existing) {
    const untouched = row.status === 'expected' && row.score === null && row.passed === null && row.note === '';
    if (!want.has(row.staffId) && untouched) await deleteTraining(ctx, 'trainingAttendance', row.id);
  }
  for (const staffId of wanted) {
    if (have.has(staffId)) continue;
    await insertTraining(ctx, 'trainingAttendance', {
      id: attendanceId(sessionId, staffId),
      sessionId,
      staffId,
      status: 'expected',
      score: null,
      passed: null,
      note: '',
      recordedBy: null,
      updatedAt: ctx.nowIso,
      hlc: ctx.stamp(),
    });
  }
}

export async function recordAttendance(ctx: HandlerContext, input: AttendanceInput): Promise<{ updated: number }> {
  const reach = reachOf(requireActor(ctx));
  if (reach.kind === 'self') throw new DeskFailure('permission_denied', 'permission_denied');
  const session = await ctx.trx
    .selectFrom('trainingSession')
    .select('id')
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!session) throw new DeskFailure('not_found', 'not_found', 'sessionId');
  const people = await loadPeople(ctx.trx);
  const rows = await ctx.trx.selectFrom('trainingAttendance').selectAll().where('sessionId', '=', session.id).execute();
  const byStaff = new Map(rows.map((r) => [r.staffId, r]));
  // Every row is checked before any is written: a refused call changes nothing.
  const writes = input.rows.map((row, index) => {
    const before = byStaff.get(row.staffId);
    if (!before) throw new DeskFailure('validation', 'training_not_attendee', `rows.${index}.staffId`);
    if (!canManage(reach, people.get(row.staffId)!))
      throw new DeskFailure('permission_denied', 'training_not_your_group', `rows.${index}.staffId`);
    return { before, row };
  });
  for (const { before, row } of writes) {
    await updateTraining(ctx, 'trainingAttendance', before, {
      status: row.status,
      score: row.score,
      passed: row.passed === null ? null : row.passed ? 1 : 0,
      note: row.note,
      recordedBy: ctx.staffId,
    });
  }
  return { updated: writes.length };
}

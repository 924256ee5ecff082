/**
 * Training and assessment through the real dispatcher: the plan, attendance, a period from the
 * manager's weights to the ranking, and who sees and changes what (db/training/groups.ts).
 */
import { describe, expect, it } from 'vitest';
import type { StepInput, TicketDetail } from '../../db/api';
import { changeLog } from '../support/inspect';
import { openTicketDesk, sh, type TicketDesk, type Who } from './tickets-fixture';

const PERIOD = {
  name: '2026 年 11 月',
  startsOn: '2026-11-01',
  endsOn: '2026-11-30',
  weightSelf: 30,
  weightSupervisor: 40,
  weightCustomers: 30,
  aGradeMin: 85,
  bGradeMin: 70,
};

function step(d: TicketDesk, who: Who, ticket: TicketDetail, s: StepInput): Promise<TicketDetail> {
  return d.ok(who, 'tickets.act', { ticketId: ticket.id, version: ticket.version, step: s });
}

/** A complaint 李娜 takes at the counter, 张敏 (cs_lead) works, rated `rating` at the follow-up call. */
async function ratedComplaint(d: TicketDesk, rating: number): Promise<void> {
  const customer = await d.customer('顾女士');
  let t = await d.ok('counter', 'tickets.create', {
    type: 'complaint',
    customerId: customer.id,
    category: 'delivery',
    channel: 'phone',
    whatHappened: '送货迟到',
    customerWants: '道歉',
    serious: false,
  });
  t = await step(d, 'cs_lead', t, { action: 'assign', assigneeId: d.idOf('cs_lead') });
  t = await step(d, 'cs_lead', t, { action: 'start_investigation' });
  t = await step(d, 'cs_lead', t, { action: 'propose_solution', findings: '属实', solution: '致歉' });
  t = await step(d, 'cs_lead', t, { action: 'inform_customer', customerView: '接受' });
  await d.ok('counter', 'tickets.recordFollowUp', {
    ticketId: t.id,
    version: t.version,
    reached: true,
    rating,
    problemSolved: true,
  });
}

const rowsOf = (view: { rows: ReadonlyArray<{ name: string }> }) => view.rows.map((r) => r.name).sort();

describe('training plan', () => {
  it('the manager plans for a group; attendance and results are recorded; each person sees their own', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id } = await d.ok('manager', 'training.saveSession', {
      topic: '变频空调故障诊断',
      kind: 'practice',
      trainer: '刘强',
      startsOn: '2026-12-03',
      endsOn: '2026-12-04',
      hours: 6.5,
      audience: 'repair',
    });
    const plan = await d.ok('manager', 'training.plan', { year: 2026 });
    expect(plan.sessions).toHaveLength(1);
    expect(plan.sessions[0]).toMatchObject({ topic: '变频空调故障诊断', hours: 6.5, attendeeCount: 3 });
    expect(plan.sessions[0]!.attendees.map((a) => a.name).sort()).toEqual(['刘强', '王师傅', '陈师傅'].sort());

    await d.ok('repair_lead', 'training.recordAttendance', {
      sessionId: id,
      rows: [
        { staffId: d.idOf('technician'), status: 'attended', score: 92, passed: true, note: '' },
        { staffId: d.idOf('technician2'), status: 'excused', note: '上门维修' },
      ],
    });
    const mine = await d.ok('technician', 'training.plan', { year: 2026 });
    expect(mine.reach).toEqual({ kind: 'self' });
    expect(mine.sessions[0]!.attendees).toEqual([
      expect.objectContaining({ name: '陈师傅', status: 'attended', score: 92, passed: true }),
    ]);
    expect(mine.sessions[0]!.editable).toBe(false);
    // The counter group is not on the list: its lead does not see the session at all.
    expect((await d.ok('cs_lead', 'training.plan', { year: 2026 })).sessions).toEqual([]);
    expect((await d.ok('counter', 'training.plan', { year: 2026 })).sessions).toEqual([]);
  });

  it('keeps a lead to their own group, and staff out of planning', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const session = {
      topic: '投诉接待礼仪',
      kind: 'internal' as const,
      trainer: '张敏',
      startsOn: '2026-12-10',
      endsOn: '2026-12-10',
      hours: 2,
    };
    expect(await d.refused('cs_lead', 'training.saveSession', { ...session, audience: 'repair' })).toMatchObject({
      code: 'permission_denied',
      key: 'training_not_your_group',
    });
    expect(
      await d.refused('cs_lead', 'training.saveSession', {
        ...session,
        audience: 'chosen',
        staffIds: [d.idOf('counter'), d.idOf('technician')],
      }),
    ).toMatchObject({ code: 'permission_denied', key: 'training_not_your_group', field: 'staffIds' });
    expect(await d.refused('technician', 'training.saveSession', { ...session, audience: 'repair' })).toMatchObject({
      code: 'permission_denied',
    });
    const { id } = await d.ok('cs_lead', 'training.saveSession', { ...session, audience: 'counter' });
    expect((await d.ok('cs_lead', 'training.plan', { year: 2026 })).sessions[0]).toMatchObject({
      editable: true,
      ownerGroup: 'counter',
    });
    // Another group's lead may neither change it nor record results in it.
    expect(
      await d.refused('repair_lead', 'training.saveSession', { ...session, id, audience: 'repair' }),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      await d.refused('repair_lead', 'training.recordAttendance', {
        sessionId: id,
        rows: [{ staffId: d.idOf('counter'), status: 'attended' }],
      }),
    ).toMatchObject({ code: 'permission_denied', key: 'training_not_your_group' });
    // Someone not on the list: refused, and the other row of the call is not written either.
    expect(
      await d.refused('manager', 'training.recordAttendance', {
        sessionId: id,
        rows: [
          { staffId: d.idOf('counter'), status: 'attended', score: 80 },
          { staffId: d.idOf('technician'), status: 'attended' },
        ],
      }),
    ).toMatchObject({ code: 'validation', key: 'training_not_attendee', field: 'rows.1.staffId' });
    const counter = (await d.ok('counter', 'training.plan', { year: 2026 })).sessions[0]!.attendees[0]!;
    expect(counter).toMatchObject({ status: 'expected', score: null });
  });

  it('refuses bad input by name and writes nothing', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const before = changeLog(d.file).length;
    expect(await d.refused('manager', 'training.plan', { year: 9999 })).toMatchObject({
      code: 'validation',
      key: 'training_year_range',
    });
    const session = {
      topic: '安全',
      kind: 'internal' as const,
      startsOn: '2026-12-10',
      endsOn: '2026-12-09',
      hours: 2,
      audience: 'all' as const,
    };
    expect(await d.refused('manager', 'training.saveSession', session)).toMatchObject({
      key: 'training_dates_order',
      field: 'endsOn',
    });
    expect(
      await d.refused('manager', 'training.saveSession', { ...session, endsOn: '2026-12-10', hours: 1.25 }),
    ).toMatchObject({ key: 'training_hours_range', field: 'hours' });
    expect(
      await d.refused('manager', 'training.saveSession', { ...session, startsOn: '9999-01-01', endsOn: '9999-01-02' }),
    ).toMatchObject({ key: 'date_out_of_range', field: 'startsOn' });
    expect(await d.refused('manager', 'training.savePeriod', { ...PERIOD, weightCustomers: 20 })).toMatchObject({
      code: 'validation',
      key: 'assessment_weights_sum',
      field: 'weightCustomers',
    });
    expect(await d.refused('manager', 'training.savePeriod', { ...PERIOD, endsOn: '2027-12-31' })).toMatchObject({
      key: 'assessment_period_too_long',
    });
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    const written = changeLog(d.file).length;
    expect(written).toBe(before + 1);
    expect(await d.refused('technician', 'training.selfAssess', { periodId, score: 101 })).toMatchObject({
      key: 'assessment_score_range',
      field: 'score',
    });
    expect(
      await d.refused('technician', 'training.selfAssess', { periodId, score: 80, note: 'x'.repeat(10 * 1024 * 1024) }),
    ).toMatchObject({ key: 'too_long', field: 'note' });
    expect(changeLog(d.file).length).toBe(written);
  });
});

describe('assessment period', () => {
  it('computes the exact weighted totals, ranks them and closes the period, frozen', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    await ratedComplaint(d, 5);
    await ratedComplaint(d, 4);
    await ratedComplaint(d, 4);
    await d.ok('technician', 'training.selfAssess', { periodId, score: 85, note: '按时完成全部上门' });
    await d.ok('repair_lead', 'training.rate', { periodId, staffId: d.idOf('technician'), score: 90 });
    await d.ok('counter', 'training.selfAssess', { periodId, score: 85 });
    await d.ok('cs_lead', 'training.rate', { periodId, staffId: d.idOf('counter'), score: 90 });
    await d.ok('cs_lead', 'training.selfAssess', { periodId, score: 70 });
    await d.ok('manager', 'training.rate', { periodId, staffId: d.idOf('cs_lead'), score: 75 });

    const view = await d.ok('manager', 'training.period', { periodId });
    const row = (who: Who) => view.rows.find((r) => r.staffId === d.idOf(who))!;
    // 李娜 took the three complaints (5, 4, 4): 0.3·85 + 0.4·90 + 0.3·83.33… = 86.50.
    expect(row('counter')).toMatchObject({
      customerX100: 8333,
      customerCount: 3,
      totalX100: 8650,
      grade: 'A',
      rank: 2,
    });
    // No follow-up for 陈师傅: the customers' 30 % is spread 3 : 4 → 100·(30·85 + 40·90)/70 = 87.857… → 87.86.
    expect(row('technician')).toMatchObject({ customerCount: 0, spread: true, totalX100: 8786, rank: 1 });
    // 张敏 worked them: 0.3·70 + 0.4·75 + 0.3·83.33… = 76.00.
    expect(row('cs_lead')).toMatchObject({ totalX100: 7600, grade: 'B' });
    expect(row('technician2')).toMatchObject({ totalX100: null, rank: null, missing: ['self', 'supervisor'] });
    // Highest first, the incomplete after them, unranked.
    expect(view.rows.map((r) => r.rank)).toEqual([1, 2, 3, null, null, null]);
    // The manager and the administrator run it; they are not on it.
    expect(view.rows.some((r) => r.staffId === d.idOf('manager') || r.staffId === d.idOf('admin'))).toBe(false);

    await d.ok('manager', 'training.closePeriod', { periodId });
    // A later rating no longer counts; nothing in the period may change.
    await ratedComplaint(d, 1);
    const closed = await d.ok('manager', 'training.period', { periodId });
    expect(closed.rows.find((r) => r.staffId === d.idOf('counter'))).toMatchObject({
      customerCount: 3,
      totalX100: 8650,
    });
    expect(await d.refused('technician2', 'training.selfAssess', { periodId, score: 60 })).toMatchObject({
      code: 'conflict',
      key: 'assessment_period_closed',
    });
    expect(await d.refused('manager', 'training.savePeriod', { ...PERIOD, id: periodId })).toMatchObject({
      key: 'assessment_period_closed',
    });
  });

  it('counts a rating for everyone the ticket was assigned to, not only the last assignee', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    const customer = await d.customer('顾女士');
    let t = await d.ok('counter', 'tickets.create', {
      type: 'complaint',
      customerId: customer.id,
      category: 'delivery',
      channel: 'phone',
      whatHappened: '送货迟到',
      customerWants: '道歉',
      serious: false,
    });
    // 陈师傅 (B) is assigned, 张敏 (A) takes it over, then hands it back to B: A→B, B assigned twice.
    t = await step(d, 'cs_lead', t, { action: 'assign', assigneeId: d.idOf('technician') });
    t = await step(d, 'cs_lead', t, { action: 'reassign', assigneeId: d.idOf('cs_lead'), reason: '需要组长处理' });
    t = await step(d, 'cs_lead', t, { action: 'reassign', assigneeId: d.idOf('technician'), reason: '交回上门' });
    expect(t.assignee?.id).toBe(d.idOf('technician'));
    t = await step(d, 'cs_lead', t, { action: 'start_investigation' });
    t = await step(d, 'cs_lead', t, { action: 'propose_solution', findings: '属实', solution: '致歉' });
    t = await step(d, 'cs_lead', t, { action: 'inform_customer', customerView: '接受' });
    await d.ok('counter', 'tickets.recordFollowUp', {
      ticketId: t.id,
      version: t.version,
      reached: true,
      rating: 4,
      problemSolved: true,
    });
    await d.ok('cs_lead', 'training.selfAssess', { periodId, score: 70 });
    await d.ok('manager', 'training.rate', { periodId, staffId: d.idOf('cs_lead'), score: 80 });

    const view = await d.ok('manager', 'training.period', { periodId });
    const row = (who: Who) => view.rows.find((r) => r.staffId === d.idOf(who))!;
    // Rated 4 → 75 points, once each for A, B and the clerk who took it (B's two assignments count once).
    expect(row('cs_lead')).toMatchObject({ customerCount: 1, customerX100: 7500 });
    expect(row('technician')).toMatchObject({ customerCount: 1, customerX100: 7500 });
    expect(row('counter')).toMatchObject({ customerCount: 1, customerX100: 7500 });
    expect(row('technician2')).toMatchObject({ customerCount: 0, customerX100: null });
    // 0.3·70 + 0.4·80 + 0.3·75 = 75.50.
    expect(row('cs_lead')).toMatchObject({ totalX100: 7550, grade: 'B' });
  });

  it('shows each person their own row, a lead their group, the manager everyone', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    await d.ok('technician2', 'training.selfAssess', { periodId, score: 66, note: '私人备注' });
    const own = await d.ok('technician', 'training.period', { periodId });
    expect(rowsOf(own)).toEqual(['陈师傅']);
    expect(own.rows[0]).toMatchObject({ canSelf: true, canRate: false });
    expect(rowsOf(await d.ok('repair_lead', 'training.period', { periodId }))).toEqual(
      ['刘强', '陈师傅', '王师傅'].sort(),
    );
    expect(rowsOf(await d.ok('cs_lead', 'training.period', { periodId }))).toEqual(['张敏', '李娜'].sort());
    expect(rowsOf(await d.ok('manager', 'training.period', { periodId }))).toHaveLength(6);
    // Nobody outside the group may rate, a technician never, and nobody themself.
    expect(
      await d.refused('technician', 'training.rate', { periodId, staffId: d.idOf('technician2'), score: 10 }),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      await d.refused('cs_lead', 'training.rate', { periodId, staffId: d.idOf('technician'), score: 10 }),
    ).toMatchObject({ code: 'permission_denied', key: 'training_not_your_group' });
    expect(
      await d.refused('repair_lead', 'training.rate', { periodId, staffId: d.idOf('repair_lead'), score: 100 }),
    ).toMatchObject({ code: 'permission_denied' });
    // The printed ranking is the lead's view too; staff print none.
    const print = await d.ok('repair_lead', 'print.assessmentRanking', { periodId });
    expect(print.reach).toEqual({ kind: 'group', group: 'repair' });
    expect(rowsOf(print)).toEqual(['刘强', '陈师傅', '王师傅'].sort());
    expect(await d.refused('technician', 'print.assessmentRanking', { periodId })).toMatchObject({
      code: 'permission_denied',
    });
    expect(
      await d.refused('technician', 'print.history', { form: 'assessment-ranking', subjectId: periodId }),
    ).toMatchObject({ code: 'permission_denied' });
  });

  it('per role: who may open, close and rate', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    const expected: Record<Who, { manage: boolean; rateTech: boolean; print: boolean }> = {
      admin: { manage: true, rateTech: true, print: true },
      manager: { manage: true, rateTech: true, print: true },
      repair_lead: { manage: false, rateTech: true, print: true },
      cs_lead: { manage: false, rateTech: false, print: true },
      counter: { manage: false, rateTech: false, print: false },
      technician2: { manage: false, rateTech: false, print: false },
      technician: { manage: false, rateTech: false, print: false },
      parts_clerk: { manage: false, rateTech: false, print: false },
    };
    for (const [who, can] of Object.entries(expected) as Array<[Who, (typeof expected)[Who]]>) {
      const save = await d.call(who, 'training.savePeriod', { ...PERIOD, id: periodId, name: `${who} 改` });
      expect([who, save.ok]).toEqual([who, can.manage]);
      const rated = await d.call(who, 'training.rate', { periodId, staffId: d.idOf('technician'), score: 80 });
      expect([who, rated.ok]).toEqual([who, can.rateTech]);
      const printed = await d.call(who, 'print.assessmentRanking', { periodId });
      expect([who, printed.ok]).toEqual([who, can.print]);
      if (!save.ok) expect(save.error.code).toBe('permission_denied');
    }
    expect(await d.refused('cs_lead', 'training.closePeriod', { periodId })).toMatchObject({
      code: 'permission_denied',
    });
    expect(await d.refused('manager', 'training.selfAssess', { periodId, score: 90 })).toMatchObject({
      key: 'assessment_not_assessed',
    });
  });

  it('writes one change-log row per changed record, under the synced entities', async () => {
    const d = await openTicketDesk(sh('2026-11-23 09:00'));
    const start = changeLog(d.file).length;
    const { id: periodId } = await d.ok('manager', 'training.savePeriod', PERIOD);
    await d.ok('technician', 'training.selfAssess', { periodId, score: 80 });
    await d.ok('repair_lead', 'training.rate', { periodId, staffId: d.idOf('technician'), score: 70 });
    const rows = changeLog(d.file).slice(start);
    expect(rows.map((r) => [r.entity, r.op])).toEqual([
      ['assessment_period', 'insert'],
      ['assessment_entry', 'insert'],
      ['assessment_entry', 'update'],
    ]);
    expect(rows[2]!.entityId).toBe(`${periodId}:${d.idOf('technician')}`);
  });
});

/**
 * The tickets area's desk methods (`ticketsMethods` at the end, one line per method), and the
 * handlers for taking and working tickets: intake, corrections, steps, notes, attachments,
 * follow-ups. Lists, settings, targets and reports have their own `methods-*.ts` files.
 */
import { sql } from 'kysely';
import { messageOnIntake } from '../messages/on-step';
import { DeskFailure, requireActor, type Handler, type HandlerContext, areaMethods, method } from '../handler';
import { applyAction, stepContext, takeStep } from './act';
import { insertAttachment, loadAttachment } from './attachments';
import type { StoreCalendar } from './calendar';
import { loadTicketDetail, ticketVersion } from './detail';
import { appendEvent, foldTicket, refreshTicket, type TicketFold } from './events';
import { updateTicketHeader, insertTicket } from './header';
import { type TicketIntake, ticketIntakeSchema } from './intake';
import { checkAbout, checkIntake } from './intake-checks';
import { machineOf } from './machines/index';
import { deskNow } from './now';
import { repairJobIntake } from './repair-job';
import { loadCalendar, requireStore } from './settings';
import { LOW_RATING, followUpSchema } from './step-input';
import { loadTargets } from './targets';
import { isFinal } from './steps';
import type { TicketDetail } from './views';
import type { FollowUpAction } from './workflow';
import {
  ticketUpdateSchema,
  ticketGetSchema,
  ticketActSchema,
  ticketNoteSchema,
  ticketAttachSchema,
  attachmentGetSchema,
  ticketQueueSchema,
  technicianDaySchema,
  boardWeekSchema,
  ticketSettingsSchema,
  holidayYearSchema,
  holidaySchema,
  holidayRemoveSchema,
} from './contract';
import { noInput } from '../fields';
import { ticketsSlaTargets, ticketsSaveSlaTargets, ticketsBreachReport } from './methods-targets';
import { saveSlaTargetsSchema, breachReportSchema } from './contract-targets';
import { ticketsComplaintReport, ticketsStaffReport } from './methods-reports';
import { ticketsQueue, ticketsStaff, ticketsDuePanel, ticketsFollowUps } from './methods-lists';
import {
  ticketsBoard,
  ticketsBoardWeek,
  ticketsMyJobs,
  ticketsTechnicianDay,
  ticketsTechnicianLoad,
  ticketsToday,
} from './methods-board';
import {
  ticketsSettings,
  ticketsUpdateSettings,
  ticketsHolidays,
  ticketsSaveHoliday,
  ticketsRemoveHoliday,
  ticketsCalendarDays,
} from './methods-settings';
import { ticketsAcceptFormChange, ticketsSignAgain } from './methods-signatures';
import { acceptFormChangeSchema, signAgainSchema } from './contract-signatures';

type Clocked = { cal: StoreCalendar; now: number };

async function clocked(ctx: HandlerContext): Promise<Clocked> {
  return { cal: await loadCalendar(ctx.trx), now: deskNow(ctx) };
}

export async function detailOrFail(ctx: HandlerContext, id: string, { cal, now }: Clocked): Promise<TicketDetail> {
  const detail = await loadTicketDetail(ctx.trx, id, requireActor(ctx), cal, now);
  if (!detail) throw new DeskFailure('not_found', 'not_found');
  return detail;
}

/** The ticket as it stands, refused if the caller saw an older version (someone else changed it). */
async function currentTicket(ctx: HandlerContext, id: string, version: string | null): Promise<TicketFold> {
  const fold = await foldTicket(ctx.trx, id);
  if (!fold) throw new DeskFailure('not_found', 'not_found');
  if (version !== null && ticketVersion(fold.ticket) !== version) throw new DeskFailure('conflict', 'ticket_stale');
  return fold;
}

/** The one way a ticket is opened: numbered, its create event and SLA clocks, its intake's first steps. */
async function createTicket(
  ctx: HandlerContext,
  input: TicketIntake,
  clock: Clocked,
  parentTicketId: string | null = null,
): Promise<string> {
  const store = await requireStore(ctx.trx);
  const { tier } = await checkIntake(ctx, input, clock);
  await checkAbout(ctx, input, null);
  const ticket = await insertTicket(ctx, store, input, clock.cal.localDate(clock.now), parentTicketId);
  const sla = await loadTargets(ctx.trx, input.type, input.priority, tier);
  await appendEvent(ctx, {
    ticketId: ticket.id,
    action: 'create',
    fromStatus: null,
    toStatus: ticket.status,
    data: { sla },
  });
  let fold: TicketFold = await refreshTicket(ctx, ticket.id, clock.cal, clock.now);
  const sc = stepContext(ctx, clock.cal, clock.now);
  // What the intake form already says is recorded as the workflow's first steps, by the same rules.
  if (input.type === 'consultation') {
    fold =
      input.answer !== ''
        ? await applyAction(sc, fold, 'answer', { answer: input.answer }, '')
        : await applyAction(sc, fold, 'promise_reply', { promisedAt: input.promisedReplyAt }, '');
  }
  if (input.type === 'complaint' && input.serious)
    await applyAction(sc, fold, 'escalate', { reason: 'serious_at_intake' }, '');
  await messageOnIntake(ctx, { id: ticket.id, type: input.type, parentTicketId }, clock.now);
  return ticket.id;
}

export const ticketsCreate: Handler<typeof ticketIntakeSchema, TicketDetail> = async (ctx, input) => {
  const clock = await clocked(ctx);
  return detailOrFail(ctx, await createTicket(ctx, input, clock), clock);
};

export const ticketsUpdate: Handler<typeof ticketUpdateSchema, TicketDetail> = async (ctx, input) => {
  const fold = await currentTicket(ctx, input.id, input.version);
  const { ticket } = fold;
  if (isFinal(machineOf(ticket.type), fold.derived.status)) throw new DeskFailure('validation', 'ticket_final');
  if (input.intake.type !== ticket.type || input.intake.customerId !== ticket.customerId)
    throw new DeskFailure('validation', 'ticket_customer_fixed', 'intake.type');
  const clock = await clocked(ctx);
  const { tier } = await checkIntake(ctx, input.intake, clock);
  await checkAbout(ctx, input.intake, ticket);
  const changed = await updateTicketHeader(ctx, ticket, input.intake);
  if (changed.priority !== undefined) {
    const sla = await loadTargets(ctx.trx, ticket.type, changed.priority, tier);
    await appendEvent(ctx, {
      ticketId: ticket.id,
      action: 'set_priority',
      fromStatus: null,
      toStatus: null,
      data: { priority: changed.priority, sla },
    });
  }
  await refreshTicket(ctx, ticket.id, clock.cal, clock.now);
  return detailOrFail(ctx, ticket.id, clock);
};

export const ticketsGet: Handler<typeof ticketGetSchema, TicketDetail> = async (ctx, input) =>
  detailOrFail(ctx, input.id, await clocked(ctx));

export const ticketsAct: Handler<typeof ticketActSchema, TicketDetail> = async (ctx, input) => {
  const fold = await currentTicket(ctx, input.ticketId, input.version);
  const clock = await clocked(ctx);
  await takeStep(stepContext(ctx, clock.cal, clock.now), fold, input.step);
  // Starting a confirmed repair plan opens the repair job in the same transaction (repair-job.ts);
  // a refusal here undoes the step too.
  const job = await repairJobIntake(ctx.trx, fold, input.step, clock.cal);
  if (job) await createTicket(ctx, job, clock, fold.ticket.id);
  return detailOrFail(ctx, input.ticketId, clock);
};

export const ticketsNote: Handler<typeof ticketNoteSchema, TicketDetail> = async (ctx, input) => {
  const fold = await currentTicket(ctx, input.ticketId, null);
  await appendEvent(ctx, {
    ticketId: fold.ticket.id,
    action: 'note',
    fromStatus: null,
    toStatus: null,
    note: input.note,
  });
  return detailOrFail(ctx, input.ticketId, await clocked(ctx));
};

export const ticketsAttach: Handler<typeof ticketAttachSchema, TicketDetail> = async (ctx, input) => {
  const fold = await currentTicket(ctx, input.ticketId, null);
  const attachmentId = await insertAttachment(ctx, input);
  await appendEvent(ctx, {
    ticketId: fold.ticket.id,
    action: 'attach',
    fromStatus: null,
    toStatus: null,
    note: input.caption,
    data: { attachmentId, fileName: input.fileName },
  });
  return detailOrFail(ctx, input.ticketId, await clocked(ctx));
};

export const ticketsAttachment: Handler<
  typeof attachmentGetSchema,
  { id: string; fileName: string; mime: string; dataBase64: string }
> = async (ctx, input) => {
  const attachment = await loadAttachment(ctx.trx, input.id);
  if (!attachment) throw new DeskFailure('not_found', 'not_found');
  return attachment;
};

/** Not reached: try again; reached but rated low or still not solved: back to the manager. */
export function followUpAction(outcome: {
  reached: boolean;
  rating?: number | undefined;
  problemSolved?: boolean | undefined;
}): FollowUpAction {
  if (!outcome.reached) return 'follow_up_unreached';
  if ((outcome.rating ?? 0) <= LOW_RATING || outcome.problemSolved !== true) return 'follow_up_reopen';
  return 'follow_up_satisfied';
}

export const ticketsRecordFollowUp: Handler<typeof followUpSchema, TicketDetail> = async (ctx, input) => {
  const fold = await currentTicket(ctx, input.ticketId, input.version);
  const clock = await clocked(ctx);
  const { ticketId: _id, version: _version, ...outcome } = input;
  await applyAction(stepContext(ctx, clock.cal, clock.now), fold, followUpAction(input), outcome, input.comments);
  return detailOrFail(ctx, input.ticketId, clock);
};

export const ticketsRecordBreaches: Handler<typeof noInput, { recorded: number }> = async (ctx) => {
  const clock = await clocked(ctx);
  const nowIso = new Date(clock.now).toISOString();
  // Running clocks past due whose breach no event records yet (the respond clock runs out first).
  const overdue = await ctx.trx
    .selectFrom('ticketSla as s')
    .select('s.ticketId')
    .where('s.nextDueAt', '<=', nowIso)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ticketEvent as e')
            .select('e.id')
            .whereRef('e.ticketId', '=', 's.ticketId')
            .where('e.action', '=', 'sla_breach')
            .where(
              sql<string>`json_extract(e.data, '$.clock')`,
              '=',
              sql<string>`CASE WHEN s.respond_due_at <= ${nowIso} THEN 'respond' ELSE 'resolve' END`,
            ),
        ),
      ),
    )
    .execute();
  let recorded = 0;
  for (const { ticketId } of overdue)
    recorded += (await refreshTicket(ctx, ticketId, clock.cal, clock.now)).breachesRecorded;
  return { recorded };
};

/** Tickets: intake, workflow steps, queues, SLA targets, reports, settings. */
// prettier-ignore
export const ticketsMethods = areaMethods('tickets', {
  /** Reply and resolution targets per ticket type × priority × customer tier. */
  'tickets.slaTargets': method(noInput, { access: 'tickets.read', mutates: false }, ticketsSlaTargets),
  /** Change targets; open tickets' deadlines follow on the next read. All rows are checked before any is written. */
  'tickets.saveSlaTargets': method(saveSlaTargetsSchema, { access: 'tickets.settings', mutates: true }, ticketsSaveSlaTargets),
  /** Recorded SLA breaches of a period by type, by clock and by responsible staff member. */
  'tickets.breachReport': method(breachReportSchema, { access: 'tickets.read', mutates: false }, ticketsBreachReport),
  /** Complaints of a period by category, channel and week or month, what recurs, how they ended. */
  'tickets.complaintReport': method(breachReportSchema, { access: 'tickets.reports', mutates: false }, ticketsComplaintReport),
  /** Per responsible staff member: tickets, time to resolve, ratings, complaints, breaches; and the service star. */
  'tickets.staffReport': method(breachReportSchema, { access: 'tickets.reports', mutates: false }, ticketsStaffReport),
  /** Take a ticket at the counter: consultation, complaint, after-sales request, repair or feedback. */
  'tickets.create': method(ticketIntakeSchema, { access: 'tickets.intake', mutates: true }, ticketsCreate),
  /** Correct the intake details (refused with `conflict` if the ticket changed since `version`). */
  'tickets.update': method(ticketUpdateSchema, { access: 'tickets.intake', mutates: true }, ticketsUpdate),
  /** One ticket: details, SLA clocks, timeline, attachments, signatures, and the steps you may take. */
  'tickets.get': method(ticketGetSchema, { access: 'tickets.read', mutates: false }, ticketsGet),
  /** A work queue (mine, unassigned, due soon, breached, waiting, follow-up…) with filters. */
  'tickets.queue': method(ticketQueueSchema, { access: 'tickets.read', mutates: false }, ticketsQueue),
  /** Take one step of the ticket's workflow; refused, changing nothing, if not allowed or stale. */
  'tickets.act': method(ticketActSchema, { access: 'tickets.work', mutates: true }, ticketsAct),
  /** Add a note to the timeline (any open ticket; notes never conflict). */
  'tickets.note': method(ticketNoteSchema, { access: 'tickets.work', mutates: true }, ticketsNote),
  /** Attach a photo of the goods, a receipt, or other evidence. */
  'tickets.attach': method(ticketAttachSchema, { access: 'tickets.work', mutates: true }, ticketsAttach),
  /** One attachment's content, to show or save it. */
  'tickets.attachment': method(attachmentGetSchema, { access: 'tickets.read', mutates: false }, ticketsAttachment),
  /** Active staff who can be made responsible for a ticket, with their roles. */
  'tickets.staff': method(noInput, { access: 'tickets.read', mutates: false }, ticketsStaff),
  /** The repair lead's board: open repairs by urgency, then the nearest deadline, and each technician's load. */
  'tickets.board': method(noInput, { access: 'tickets.read', mutates: false }, ticketsBoard),
  /** The board's week calendar: the appointments and planned jobs of the week holding a date. */
  'tickets.boardWeek': method(boardWeekSchema, { access: 'tickets.read', mutates: false }, ticketsBoardWeek),
  /** Who a repair can be scheduled to, with their open jobs, today's jobs and hours booked today. */
  'tickets.technicianLoad': method(noInput, { access: 'tickets.read', mutates: false }, ticketsTechnicianLoad),
  /** A technician's day: the appointments and planned jobs on one local date. Someone else's only for those who dispatch. */
  'tickets.technicianDay': method(technicianDaySchema, { access: 'tickets.read', mutates: false }, ticketsTechnicianDay),
  /** The signed-in technician's jobs today at this store: overdue first, addresses of their own visits, parts waiting. */
  'tickets.myJobs': method(noInput, { access: 'tickets.ownJobs', mutates: false }, ticketsMyJobs),
  /** The manager's figures: open, breached, due today, and this week's follow-up satisfaction. */
  'tickets.today': method(noInput, { access: 'tickets.reports', mutates: false }, ticketsToday),
  /** The counter's glance: what is breached, and what falls due today. */
  'tickets.duePanel': method(noInput, { access: 'tickets.read', mutates: false }, ticketsDuePanel),
  /** Customer service's follow-up list: calls due after repairs, after-sales and complaints, and promised replies. */
  'tickets.followUps': method(noInput, { access: 'tickets.read', mutates: false }, ticketsFollowUps),
  /** The customer signs the repair's service form as it now stands (after a change since the last signature). */
  'tickets.signAgain': method(signAgainSchema, { access: 'tickets.work', mutates: true }, ticketsSignAgain),
  /** A lead lets a repair close on a form changed after signing, recording why. */
  'tickets.acceptFormChange': method(acceptFormChangeSchema, { access: 'tickets.acceptChangedForm', mutates: true }, ticketsAcceptFormChange),
  /** Record a follow-up call; a low rating or an unsolved problem reopens the ticket to the manager. */
  'tickets.recordFollowUp': method(followUpSchema, { access: 'tickets.work', mutates: true }, ticketsRecordFollowUp),
  /** Record, as events, the SLA breaches that happened since a ticket last moved (they count in reports). */
  'tickets.recordBreaches': method(noInput, { access: 'tickets.read', mutates: true }, ticketsRecordBreaches),
  /** The follow-up interval and the store's time zone. */
  'tickets.settings': method(noInput, { access: 'tickets.read', mutates: false }, ticketsSettings),
  'tickets.updateSettings': method(ticketSettingsSchema, { access: 'tickets.settings', mutates: true }, ticketsUpdateSettings),
  /** Closed holidays and make-up working days of one year. */
  'tickets.holidays': method(holidayYearSchema, { access: 'tickets.read', mutates: false }, ticketsHolidays),
  /** The calendar's exception days, all years: the intake form extends a 三包 window ending on a holiday. */
  'tickets.calendarDays': method(noInput, { access: 'tickets.read', mutates: false }, ticketsCalendarDays),
  'tickets.saveHoliday': method(holidaySchema, { access: 'tickets.settings', mutates: true }, ticketsSaveHoliday),
  'tickets.removeHoliday': method(holidayRemoveSchema, { access: 'tickets.settings', mutates: true }, ticketsRemoveHoliday),
});

/**
 * What each step carries (docs/DOMAIN.md §2–§6): one schema per action, joined on `action`. Which steps
 * a ticket allows, and for whom, is the machine's business (db/tickets/machines/); these only say
 * what a step must be given. No Node imports: the step dialogs validate with the same schemas.
 */
import { z } from 'zod';
import { textInput } from '../fields';
import { isoInstant, localDate, optionalText, REMEDIES, requiredText } from './intake';
import { REPAIR_LOCATIONS } from './workflow';

const id = z.uuid({ error: 'invalid_value' });
const note = optionalText(2000);
const plain = <A extends string>(action: A) => z.object({ action: z.literal(action), note });
const withReason = <A extends string>(action: A) =>
  z.object({ action: z.literal(action), reason: requiredText(500), note });

/** A signature drawn on the pad: strokes of [x, y] points in pad pixels. */
export const signatureSchema = z
  .object({
    width: z.number().int().min(100).max(2000),
    height: z.number().int().min(50).max(1000),
    strokes: z
      .array(
        z
          .array(
            z.tuple(
              [
                z.number().min(0, 'signature_off_pad').max(2000, 'signature_off_pad'),
                z.number().min(0, 'signature_off_pad').max(1000, 'signature_off_pad'),
              ],
              { error: 'invalid_value' },
            ),
          )
          .min(1, 'signature_required')
          .max(2000, 'signature_too_complex'),
      )
      .min(1, 'signature_required')
      .max(200, 'signature_too_complex'),
  })
  .superRefine((value, ctx) => {
    const points = value.strokes.reduce((sum, stroke) => sum + stroke.length, 0);
    // A tap or two is not a signature.
    if (points < 10) ctx.addIssue({ code: 'custom', message: 'signature_required', path: ['strokes'] });
    if (points > 20_000) ctx.addIssue({ code: 'custom', message: 'signature_too_complex', path: ['strokes'] });
  });
export type SignatureInput = z.input<typeof signatureSchema>;

export const stepSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('assign'), assigneeId: id, note }),
    z.object({ action: z.literal('reassign'), assigneeId: id, reason: requiredText(500), note }),
    withReason('escalate'),
    plain('wait_customer'),
    plain('wait_parts'),
    plain('resume'),
    withReason('void'),
    z.object({ action: z.literal('answer'), answer: requiredText(2000), note }),
    z.object({ action: z.literal('promise_reply'), promisedAt: isoInstant, note }),
    // What the counter told the customer in the first reply (who and when are the event's own).
    z.object({ action: z.literal('first_reply'), reply: requiredText(2000), note }),
    plain('start_investigation'),
    z.object({
      action: z.literal('propose_solution'),
      findings: requiredText(4000),
      solution: requiredText(2000),
      note,
    }),
    z.object({ action: z.literal('inform_customer'), customerView: optionalText(2000), note }),
    z.object({ action: z.literal('customer_disagrees'), customerView: requiredText(2000), note }),
    z.object({ action: z.literal('resolve'), result: requiredText(2000), note }),
    plain('archive'),
    z.object({ action: z.literal('verify'), findings: requiredText(2000), note }),
    withReason('decline'),
    z.object({
      action: z.literal('decide_plan'),
      plan: z.enum(REMEDIES, { error: 'required' }),
      details: requiredText(2000),
      /** Why a refund or exchange is decided outside its 三包 window (plan-window.ts); '' inside it. */
      overrideReason: optionalText(500),
      note,
    }),
    plain('customer_confirms'),
    withReason('customer_declines'),
    // Starting a confirmed repair plan opens the repair job: where it is done, and what the job
    // sheet needs for that place (db/tickets/repair-job.ts). Other starts carry none of these.
    z.object({
      action: z.literal('start_work'),
      location: z.enum(REPAIR_LOCATIONS, { error: 'invalid_value' }).optional(),
      address: optionalText(200),
      condition: optionalText(500),
      note,
    }),
    z.object({ action: z.literal('mark_done'), result: requiredText(2000), note }),
    withReason('replan'),
    z.object({ action: z.literal('schedule'), technicianId: id, plannedDate: localDate.optional(), note }),
    z.object({
      action: z.literal('reschedule'),
      technicianId: id,
      plannedDate: localDate.optional(),
      reason: requiredText(500),
      note,
    }),
    z.object({ action: z.literal('contact_customer'), appointmentAt: isoInstant, note }),
    plain('arrive'),
    z.object({ action: z.literal('record_work'), workDone: requiredText(2000), note }),
    z.object({
      action: z.literal('complete'),
      workDone: requiredText(2000),
      result: requiredText(2000),
      signerName: requiredText(40),
      signature: signatureSchema,
      /** SHA-256 of the canonical JSON of the service form the customer saw when signing. */
      formHash: textInput().regex(/^[0-9a-f]{64}$/, 'invalid_value'),
      note,
    }),
    z.object({ action: z.literal('review'), response: requiredText(2000), note }),
    plain('close'),
  ],
  { error: 'invalid_value' },
);
export type StepInput = z.input<typeof stepSchema>;
export type StepParsed = z.output<typeof stepSchema>;

/** Where a step's own fields go, for placing server errors on the step dialog. */
export const STEP_FIELDS = [
  'assigneeId',
  'reason',
  'answer',
  'promisedAt',
  'findings',
  'solution',
  'customerView',
  'result',
  'plan',
  'details',
  'overrideReason',
  'technicianId',
  'plannedDate',
  'appointmentAt',
  'workDone',
  'location',
  'address',
  'condition',
  'signerName',
  'signature',
  'response',
  'reply',
  'note',
] as const;

export const FOLLOW_UP_RESULTS = ['works_well', 'partly', 'still_faulty', 'not_applicable'] as const;

/** The follow-up call's outcome (回访, docs/DOMAIN.md §6). */
export const followUpSchema = z
  .object({
    ticketId: id,
    version: textInput().min(1, 'invalid_value').max(200, 'invalid_value'),
    reached: z.boolean(),
    rating: z
      .number({ error: 'rating_range' })
      .int('rating_range')
      .min(1, 'rating_range')
      .max(5, 'rating_range')
      .optional(),
    productWorks: z.enum(FOLLOW_UP_RESULTS, { error: 'invalid_value' }).optional(),
    problemSolved: z.boolean().optional(),
    comments: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (!value.reached) return;
    if (value.rating === undefined) ctx.addIssue({ code: 'custom', message: 'rating_range', path: ['rating'] });
    if (value.problemSolved === undefined)
      ctx.addIssue({ code: 'custom', message: 'required', path: ['problemSolved'] });
  });
export type FollowUpInput = z.input<typeof followUpSchema>;

/** Rated 1 or 2, or the problem not solved: back to the manager (docs/DOMAIN.md §6). */
export const LOW_RATING = 2;

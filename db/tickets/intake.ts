/**
 * Intake forms, one per ticket type, each with its required fields (docs/DOMAIN.md §2–§6). The schemas are
 * shared: the renderer validates the form with them and the dispatcher validates the call.
 * No Node imports.
 */
import { z } from 'zod';
import { calendarDate, instant, textInput } from '../fields';
import { SUMMARY_KEY, summaryLine } from './form-sync';
import { WARRANTY_STATUSES } from './warranty-status';
import { PRIORITIES, REPAIR_LOCATIONS } from './workflow';

export const CHANNELS = ['phone', 'email', 'in_store', 'online'] as const;
export const COMPLAINT_CATEGORIES = ['product_quality', 'service_attitude', 'delivery', 'aftersales', 'other'] as const;
export const FEEDBACK_CATEGORIES = ['product', 'service', 'environment', 'price', 'other'] as const;
/**
 * The departments a complaint can be about when no one person is named. Fixed, not a store
 * setting: these are the departments every store of the chain has, the complaint report counts
 * them side by side across stores, and each has its words in both languages.
 */
export const COMPLAINT_DEPARTMENTS = ['aftersales', 'delivery', 'installation', 'sales', 'other'] as const;
export type ComplaintDepartment = (typeof COMPLAINT_DEPARTMENTS)[number];

const ABOUT_PATTERN = new RegExp(
  `^(none|staff:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|department:(${COMPLAINT_DEPARTMENTS.join('|')}))$`,
);

/**
 * Whom a complaint is about, separate from who handles it: `none`, `staff:<staff id>` or
 * `department:<department>`. One form key, so a correction made on two PCs merges as one value
 * (form-sync.ts) and never pairs one PC's kind with the other's person.
 */
export const complaintAbout = textInput({ error: 'complaint_about_invalid' })
  .regex(ABOUT_PATTERN, 'complaint_about_invalid')
  .default('none');

export type ComplaintAbout =
  { kind: 'none' } | { kind: 'staff'; staffId: string } | { kind: 'department'; department: ComplaintDepartment };

export function parseAbout(value: unknown): ComplaintAbout {
  if (typeof value !== 'string' || !ABOUT_PATTERN.test(value) || value === 'none') return { kind: 'none' };
  const [kind, rest] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  return kind === 'staff'
    ? { kind: 'staff', staffId: rest }
    : { kind: 'department', department: rest as ComplaintDepartment };
}

/** What the customer asks for at the counter; the plan is decided later (docs/DOMAIN.md §4). */
export const REMEDIES = ['replace', 'repair', 'refund'] as const;

const id = z.uuid({ error: 'invalid_value' });
export const requiredText = (max: number) =>
  textInput({ error: 'required' }).trim().min(1, 'required').max(max, 'too_long');
export const optionalText = (max: number) => textInput().trim().max(max, 'too_long').default('');
export const isoInstant = instant('datetime_invalid', { offset: true });
export const localDate = calendarDate('date_invalid');

const common = {
  customerId: id,
  priority: z.enum(PRIORITIES, { error: 'invalid_value' }).default('normal'),
};

export const consultationIntake = z
  .object({
    type: z.literal('consultation'),
    ...common,
    channel: z.enum(CHANNELS, { error: 'required' }),
    question: requiredText(2000),
    /** Answered at once: the consultation is logged as answered. */
    answer: optionalText(2000),
    /** Otherwise the reply promised to the customer, tracked until kept. */
    promisedReplyAt: isoInstant.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.answer === '' && value.promisedReplyAt === undefined)
      ctx.addIssue({ code: 'custom', message: 'consultation_answer_or_promise', path: ['answer'] });
  });

export const complaintIntake = z.object({
  type: z.literal('complaint'),
  ...common,
  productId: id.optional(),
  channel: z.enum(CHANNELS, { error: 'required' }),
  category: z.enum(COMPLAINT_CATEGORIES, { error: 'required' }),
  whatHappened: requiredText(4000),
  customerWants: requiredText(2000),
  /** Serious complaints and disputes go to the after-sales manager at once. */
  serious: z.boolean().default(false),
  about: complaintAbout,
});

export const aftersalesIntake = z.object({
  type: z.literal('aftersales'),
  ...common,
  productId: id.optional(),
  channel: z.enum(CHANNELS, { error: 'required' }),
  // Proof of purchase (购买凭证): receipt number, date, model, serial.
  receiptNo: requiredText(60),
  purchaseDate: localDate,
  model: requiredText(80),
  serial: optionalText(80),
  fault: requiredText(4000),
  wants: z.enum([...REMEDIES, 'undecided'], { error: 'invalid_value' }).default('undecided'),
});

export const repairIntake = z
  .object({
    type: z.literal('repair'),
    ...common,
    productId: id.optional(),
    location: z.enum(REPAIR_LOCATIONS, { error: 'required' }),
    /** Where the technician goes, for a repair on site. */
    address: optionalText(200),
    model: optionalText(80),
    serial: optionalText(80),
    fault: requiredText(4000),
    /** What came with the goods, and their condition, for goods left at the counter. */
    accessories: optionalText(500),
    condition: optionalText(500),
    // Carried from the after-sales request a repair job is opened from (repair-job.ts).
    receiptNo: optionalText(60),
    purchaseDate: localDate.optional(),
    warranty: z.enum(WARRANTY_STATUSES, { error: 'invalid_value' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.location === 'on_site' && value.address === '')
      ctx.addIssue({ code: 'custom', message: 'repair_address_required', path: ['address'] });
    // A job opened from an after-sales request (it carries the proof of purchase) may be opened
    // before the goods come in: their condition is noted then, not demanded up front.
    if (value.location === 'in_store' && value.condition === '' && value.receiptNo === '')
      ctx.addIssue({ code: 'custom', message: 'repair_condition_required', path: ['condition'] });
  });

export const feedbackIntake = z.object({
  type: z.literal('feedback'),
  ...common,
  channel: z.enum(CHANNELS, { error: 'required' }),
  category: z.enum(FEEDBACK_CATEGORIES, { error: 'required' }),
  content: requiredText(4000),
});

export const ticketIntakeSchema = z.discriminatedUnion(
  'type',
  [consultationIntake, complaintIntake, aftersalesIntake, repairIntake, feedbackIntake],
  { error: 'invalid_value' },
);
export type TicketIntakeInput = z.input<typeof ticketIntakeSchema>;
export type TicketIntake = z.output<typeof ticketIntakeSchema>;

/** The intake as stored on the ticket (`form`): everything but what has its own column. */
export type TicketForm = Readonly<Record<string, string | boolean>>;

export function formOf(intake: TicketIntake): TicketForm {
  const { type: _type, customerId: _customer, priority: _priority, ...rest } = intake;
  const form: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && key !== 'productId') form[key] = value;
  return form;
}

/** The form key each type's summary line is cut from (sync recomputes the line from it: form-sync.ts). */
export { SUMMARY_KEY, summaryLine };
/** Every ticket type names the intake field its summary line comes from (checked when compiling). */
const _everyTypeHasASummary: Record<TicketIntake['type'], string> = SUMMARY_KEY;

/** The line lists show. */
export function summaryOf(intake: TicketIntake): string {
  return summaryLine(String((intake as Record<string, unknown>)[SUMMARY_KEY[intake.type]]));
}

export function categoryOf(intake: TicketIntake): string | null {
  return intake.type === 'complaint' || intake.type === 'feedback' ? intake.category : null;
}

export function channelOf(intake: TicketIntake): string | null {
  return intake.type === 'repair' ? null : intake.channel;
}

/**
 * Service standards, opening-hours templates and region holidays as the console and its routes
 * exchange them: zod schemas and types only. The lists mirror the counter's (ticket types,
 * priorities, tiers: db/tickets/workflow.ts, db/customers/contract.ts); a test keeps them equal.
 */
import { z } from 'zod';

export const TICKET_TYPES = ['consultation', 'complaint', 'aftersales', 'repair', 'feedback'] as const;
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export const TIERS = ['regular', 'silver', 'gold', 'vip'] as const;
/** Working hours (the store's opening hours less holidays) or calendar hours (around the clock). */
export const CLOCK_COUNTS = ['working', 'calendar'] as const;

export type TicketType = (typeof TICKET_TYPES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Tier = (typeof TIERS)[number];
export type ClockCounts = (typeof CLOCK_COUNTS)[number];

/** Thirty days: a target beyond that is a typing mistake, not a service standard (the counter's limit too). */
export const SLA_MAX_MINUTES = 30 * 24 * 60;

const minutes = z
  .number()
  .int('Minutes must be whole')
  .min(1, 'At least 1 minute')
  .max(SLA_MAX_MINUTES, 'At most 30 days');

export const slaTargetSchema = z
  .object({
    ticketType: z.enum(TICKET_TYPES),
    priority: z.enum(PRIORITIES),
    tier: z.enum(TIERS),
    replyMinutes: minutes,
    resolveMinutes: minutes,
    counts: z.enum(CLOCK_COUNTS),
  })
  .refine((t) => t.resolveMinutes > t.replyMinutes, {
    message: 'The resolve time must be longer than the reply time',
    path: ['resolveMinutes'],
  });
export type SlaTarget = z.output<typeof slaTargetSchema>;

export const CELLS = TICKET_TYPES.length * PRIORITIES.length * TIERS.length;

export const saveMatrixSchema = z.object({
  targets: z.array(slaTargetSchema).min(1, 'Nothing to save').max(CELLS, `At most ${CELLS} targets`),
});
export type SaveMatrixInput = z.input<typeof saveMatrixSchema>;

/** A cell as the console shows it: `fromHq` false while head office has never set it (the regulation's value). */
export type SlaTargetRow = SlaTarget & { fromHq: boolean };
export type SlaMatrix = { targets: SlaTargetRow[] };
export type SaveMatrixResult = SlaMatrix & { changed: number };

export const targetKey = (t: Pick<SlaTarget, 'ticketType' | 'priority' | 'tier'>): string =>
  `${t.ticketType}:${t.priority}:${t.tier}`;

// Opening-hours templates.
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM, e.g. 09:30');

export const hoursTemplateSchema = z
  .object({
    name: z.string().trim().min(1, 'A name is needed').max(40, 'At most 40 characters'),
    opensAt: time,
    closesAt: time,
    workingDays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'At least one working day')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'A day appears twice'),
  })
  .refine((t) => t.closesAt > t.opensAt, { message: 'Closing must be after opening', path: ['closesAt'] });
export type HoursTemplateInput = z.input<typeof hoursTemplateSchema>;
export type HoursTemplate = z.output<typeof hoursTemplateSchema> & { id: string };
/** A chain keeps a handful; the list is bounded. */
export const MAX_TEMPLATES = 100;

// Region holidays.
/** `CN` for the whole country, `CN-GD` for a province whose own days add to the country's. */
export const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const regionSchema = z.string().regex(REGION_CODE, 'A region is CN or a province code such as CN-GD');
export const DAY_KINDS = ['closed', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** The provinces of China (ISO 3166-2:CN) offered in the console; any code of the pattern is accepted. */
export const CHINA_REGIONS = [
  'CN',
  'CN-AH',
  'CN-BJ',
  'CN-CQ',
  'CN-FJ',
  'CN-GD',
  'CN-GS',
  'CN-GX',
  'CN-GZ',
  'CN-HA',
  'CN-HB',
  'CN-HE',
  'CN-HI',
  'CN-HK',
  'CN-HL',
  'CN-HN',
  'CN-JL',
  'CN-JS',
  'CN-JX',
  'CN-LN',
  'CN-MO',
  'CN-NM',
  'CN-NX',
  'CN-QH',
  'CN-SC',
  'CN-SD',
  'CN-SH',
  'CN-SN',
  'CN-SX',
  'CN-TJ',
  'CN-TW',
  'CN-XJ',
  'CN-XZ',
  'CN-YN',
  'CN-ZJ',
] as const;

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const year = z.coerce.number().int('A year is a whole number').min(MIN_YEAR).max(MAX_YEAR);

export const regionYearQuery = z.object({ region: regionSchema, year });
export const fillYearSchema = z.object({ region: regionSchema, year });

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'Not a date on the calendar',
  );

export const regionDaySchema = z.object({
  region: regionSchema,
  date: localDate,
  kind: z.enum(DAY_KINDS),
  name: z.string().trim().max(40, 'At most 40 characters').default(''),
});
export type RegionDayInput = z.input<typeof regionDaySchema>;
export const regionDayKeySchema = z.object({ region: regionSchema, date: localDate });

export type RegionDay = { region: string; date: string; kind: DayKind; name: string };
export type RegionYear = { region: string; year: number; days: RegionDay[] };

/** What "fill from the data package" will do, shown before it is done; applying it answers the same. */
export type FillPlan = {
  region: string;
  year: number;
  /** The package and the years it covers, e.g. chinese-days 1.5.7, 2004–2026. */
  source: { name: string; version: string; firstYear: number; lastYear: number };
  add: RegionDay[];
  change: Array<{ before: RegionDay; after: RegionDay }>;
  unchanged: number;
  /** Days of the region the package does not have (local days entered by hand): never removed. */
  kept: RegionDay[];
};

/** The regions head office has days for, with how many; `CN` is always listed. */
export type RegionSummary = { region: string; days: number; firstDate: string | null; lastDate: string | null };

/**
 * Training and assessment's desk API shapes: input schemas and result types. No Node imports: the
 * renderer validates its forms with these schemas through db/api.ts.
 */
import { z } from 'zod';
import { calendarDate, textInput } from '../fields';
import type { Role } from '../staff/roles';

export const TRAINING_KINDS = ['internal', 'external', 'practice'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** The department's three groups (docs/DOMAIN.md §1): each has a lead who plans and rates for it. */
export const STAFF_GROUPS = ['counter', 'repair', 'parts'] as const;
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** Whom a session is for: everyone, one group, or staff chosen by name. */
export const AUDIENCES = ['all', ...STAFF_GROUPS, 'chosen'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ATTENDANCE_STATUSES = ['expected', 'attended', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

/** The three parts of an assessment. */
export type AssessmentPart = 'self' | 'supervisor' | 'customers';

/** The years a plan may cover: the same range as every date the desk stores. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
/** An assessment period is at most a year: its customers' ratings are read day by day. */
export const PERIOD_MAX_DAYS = 366;
export const NOTE_MAX = 500;
/** Staff per session or per attendance call: a store has dozens, not thousands. */
export const PEOPLE_MAX = 300;

const id = z.uuid({ error: 'invalid_value' });
const date = calendarDate('date_format');
const note = textInput().trim().max(NOTE_MAX, 'too_long').default('');
const score = z
  .number({ error: 'assessment_score_range' })
  .int('assessment_score_range')
  .min(0, 'assessment_score_range')
  .max(100, 'assessment_score_range');
const percent = z
  .number({ error: 'assessment_weight_range' })
  .int('assessment_weight_range')
  .min(0, 'assessment_weight_range')
  .max(100, 'assessment_weight_range');

export const trainingPlanSchema = z.object({
  year: z
    .number({ error: 'training_year_range' })
    .int('training_year_range')
    .min(PLAN_YEAR_MIN, 'training_year_range')
    .max(PLAN_YEAR_MAX, 'training_year_range'),
});

export const trainingSessionSchema = z
  .object({
    /** Absent: a new session. */
    id: id.optional(),
    topic: textInput({ error: 'required' }).trim().min(1, 'required').max(200, 'too_long'),
    kind: z.enum(TRAINING_KINDS, { error: 'invalid_value' }),
    trainer: textInput().trim().max(100, 'too_long').default(''),
    startsOn: date,
    endsOn: date,
    /** In hours, to the half hour (stored as minutes). */
    hours: z
      .number({ error: 'training_hours_range' })
      .min(0.5, 'training_hours_range')
      .max(1000, 'training_hours_range')
      .refine((h) => Number.isInteger(h * 2), 'training_hours_range'),
    audience: z.enum(AUDIENCES, { error: 'invalid_value' }),
    /** The people chosen by name when `audience` is `chosen`; ignored otherwise. */
    staffIds: z.array(id).max(PEOPLE_MAX, 'too_many').default([]),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn < value.startsOn)
      ctx.addIssue({ code: 'custom', message: 'training_dates_order', path: ['endsOn'] });
    if (value.audience === 'chosen' && value.staffIds.length === 0)
      ctx.addIssue({ code: 'custom', message: 'training_no_attendees', path: ['staffIds'] });
  });
export type TrainingSessionInput = z.input<typeof trainingSessionSchema>;

export const attendanceSchema = z.object({
  sessionId: id,
  rows: z
    .array(
      z
        .object({
          staffId: id,
          status: z.enum(ATTENDANCE_STATUSES, { error: 'invalid_value' }),
          score: score.nullable().default(null),
          passed: z.boolean({ error: 'invalid_value' }).nullable().default(null),
          note,
        })
        .superRefine((row, ctx) => {
          if (row.status !== 'attended' && (row.score !== null || row.passed !== null))
            ctx.addIssue({ code: 'custom', message: 'training_result_needs_attendance', path: ['status'] });
        }),
    )
    .min(1, 'required')
    .max(PEOPLE_MAX, 'too_many')
    .refine((rows) => new Set(rows.map((r) => r.staffId)).size === rows.length, 'invalid_value'),
});
export type AttendanceInput = z.input<typeof attendanceSchema>;

export const periodSaveSchema = z
  .object({
    id: id.optional(),
    name: textInput({ error: 'required' }).trim().min(1, 'required').max(100, 'too_long'),
    startsOn: date,
    endsOn: date,
    weightSelf: percent,
    weightSupervisor: percent,
    weightCustomers: percent,
    /** A total at or above `aGradeMin` is grade A, at or above `bGradeMin` B, below it C. */
    aGradeMin: score.default(90),
    bGradeMin: score.default(75),
  })
  .superRefine((value, ctx) => {
    if (value.weightSelf + value.weightSupervisor + value.weightCustomers !== 100)
      ctx.addIssue({ code: 'custom', message: 'assessment_weights_sum', path: ['weightCustomers'] });
    if (value.endsOn < value.startsOn)
      ctx.addIssue({ code: 'custom', message: 'training_dates_order', path: ['endsOn'] });
    else if ((Date.parse(value.endsOn) - Date.parse(value.startsOn)) / 86_400_000 + 1 > PERIOD_MAX_DAYS)
      ctx.addIssue({ code: 'custom', message: 'assessment_period_too_long', path: ['endsOn'] });
    if (value.bGradeMin > value.aGradeMin)
      ctx.addIssue({ code: 'custom', message: 'assessment_grade_bands', path: ['bGradeMin'] });
  });
export type PeriodSaveInput = z.input<typeof periodSaveSchema>;

export const periodSchema = z.object({ periodId: id });
export const selfAssessSchema = z.object({ periodId: id, score, note });
export const rateSchema = z.object({ periodId: id, staffId: id, score, note });

/** How far the caller's view reaches: every person (manager), their group (lead), or themself. */
export type Reach =
  Readonly<{ kind: 'all' }> | Readonly<{ kind: 'group'; group: StaffGroup }> | Readonly<{ kind: 'self' }>;

export type PlanPerson = Readonly<{ id: string; name: string; role: Role; group: StaffGroup | null }>;

export type AttendeeView = Readonly<{
  staffId: string;
  name: string;
  role: Role;
  status: AttendanceStatus;
  score: number | null;
  passed: boolean | null;
  note: string;
}>;

export type SessionView = Readonly<{
  id: string;
  year: number;
  topic: string;
  kind: TrainingKind;
  trainer: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  audience: Audience;
  ownerGroup: StaffGroup | null;
  /** The caller may change the session itself (topic, dates, audience). */
  editable: boolean;
  /** Everyone who must attend, counted; `attendees` lists only those the caller may see. */
  attendeeCount: number;
  attendees: ReadonlyArray<AttendeeView>;
}>;

export type TrainingPlanView = Readonly<{
  year: number;
  reach: Reach;
  /** People the caller may plan for and record results of (empty for staff without a plan role). */
  people: ReadonlyArray<PlanPerson>;
  sessions: ReadonlyArray<SessionView>;
}>;

export type PeriodSummary = Readonly<{
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  weightSelf: number;
  weightSupervisor: number;
  weightCustomers: number;
  aGradeMin: number;
  bGradeMin: number;
  closedAt: string | null;
  closedByName: string | null;
}>;

export type PeriodListView = Readonly<{ reach: Reach; periods: ReadonlyArray<PeriodSummary> }>;

/** One person's line of a period: the parts, the weighted total and the rank. Totals are in hundredths of a point. */
export type AssessmentRow = Readonly<{
  staffId: string;
  name: string;
  role: Role;
  group: StaffGroup | null;
  selfScore: number | null;
  selfNote: string;
  supervisorScore: number | null;
  supervisorNote: string;
  supervisorName: string | null;
  /** The customers' score 0–100 in hundredths ((rating − 1) × 25, averaged); null without ratings. */
  customerX100: number | null;
  customerCount: number;
  totalX100: number | null;
  /** The parts still missing (a total needs every part with a weight, except customers', see `spread`). */
  missing: ReadonlyArray<AssessmentPart>;
  /** No customer ratings: the customers' weight was spread over self and supervisor. */
  spread: boolean;
  /** 1-based, shared by equal totals (1, 2, 2, 4); null while incomplete. */
  rank: number | null;
  grade: Grade | null;
  /** The caller may enter this person's self-assessment (it is their own, the period is open). */
  canSelf: boolean;
  /** The caller may give the supervisor's rating (manager, or this person's group lead; the period is open). */
  canRate: boolean;
}>;

export type PeriodView = Readonly<{ period: PeriodSummary; reach: Reach; rows: ReadonlyArray<AssessmentRow> }>;

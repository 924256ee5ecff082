/** Table types of training and assessment (migration 0028), joined into `DB` in db/schema.ts. */
import type { Selectable } from 'kysely';
import type { AttendanceStatus, Audience, StaffGroup, TrainingKind } from './contract';

export type TrainingSessionTable = {
  id: string;
  year: number;
  topic: string;
  kind: TrainingKind;
  trainer: string;
  startsOn: string;
  endsOn: string;
  minutes: number;
  audience: Audience;
  /** The group of the lead who planned it; null when the manager did. */
  ownerGroup: StaffGroup | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

export type TrainingAttendanceTable = {
  /** `<session id>:<staff id>`: one row per person per session, whichever PC adds it. */
  id: string;
  sessionId: string;
  staffId: string;
  status: AttendanceStatus;
  score: number | null;
  /** 1 passed, 0 failed, null: not a pass/fail session or not yet known. */
  passed: number | null;
  note: string;
  recordedBy: string | null;
  updatedAt: string;
  hlc: string;
};

export type AssessmentPeriodTable = {
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
  closedBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  hlc: string;
};

export type AssessmentEntryTable = {
  /** `<period id>:<staff id>`. */
  id: string;
  periodId: string;
  staffId: string;
  selfScore: number | null;
  selfNote: string;
  selfAt: string | null;
  supervisorScore: number | null;
  supervisorNote: string;
  supervisorBy: string | null;
  supervisorAt: string | null;
  /** Frozen when the period closes: the sum and count of the 1–5 follow-up ratings. Null while open. */
  customerSum: number | null;
  customerCount: number | null;
  updatedAt: string;
  hlc: string;
};

export type TrainingTables = {
  trainingSession: TrainingSessionTable;
  trainingAttendance: TrainingAttendanceTable;
  assessmentPeriod: AssessmentPeriodTable;
  assessmentEntry: AssessmentEntryTable;
};

export type TrainingSessionRow = Selectable<TrainingSessionTable>;
export type TrainingAttendanceRow = Selectable<TrainingAttendanceTable>;
export type AssessmentPeriodRow = Selectable<AssessmentPeriodTable>;
export type AssessmentEntryRow = Selectable<AssessmentEntryTable>;

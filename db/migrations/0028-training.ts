/**
 * 0028: training and assessment, docs/architecture/training-and-assessment.md.
 * - training_session: one session of the store's yearly training plan (topic, kind, trainer, dates,
 *   minutes) and whom it was planned for (`audience`: a group, everyone, or chosen staff);
 *   `owner_group` is the group of the lead who planned it (null: planned by the manager).
 * - training_attendance: one row per person who must attend (id `session:staff`), with the result.
 * - assessment_period: a period with the manager's weights (integer percent, summing to 100) and the
 *   grade bands; `closed_at` freezes it.
 * - assessment_entry: one person's assessment in a period (id `period:staff`): their self-assessment,
 *   the supervisor's rating, and, once the period is closed, the customers' ratings frozen as a sum
 *   and a count of 1–5 follow-up ratings.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE training_session (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    topic TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
    kind TEXT NOT NULL CHECK (kind IN ('internal','external','practice')),
    trainer TEXT NOT NULL CHECK (length(trainer) <= 100),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 60000),
    audience TEXT NOT NULL CHECK (audience IN ('all','counter','repair','parts','chosen')),
    owner_group TEXT CHECK (owner_group IN ('counter','repair','parts')),
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX training_session_year ON training_session (year, starts_on)`.execute(db);

  await sql`CREATE TABLE training_attendance (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('expected','attended','absent','excused')),
    score INTEGER CHECK (score BETWEEN 0 AND 100),
    passed INTEGER CHECK (passed IN (0, 1)),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_by TEXT,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX training_attendance_session ON training_attendance (session_id)`.execute(db);
  await sql`CREATE INDEX training_attendance_staff ON training_attendance (staff_id)`.execute(db);

  await sql`CREATE TABLE assessment_period (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
    weight_self INTEGER NOT NULL CHECK (weight_self BETWEEN 0 AND 100),
    weight_supervisor INTEGER NOT NULL CHECK (weight_supervisor BETWEEN 0 AND 100),
    weight_customers INTEGER NOT NULL CHECK (weight_customers BETWEEN 0 AND 100),
    a_grade_min INTEGER NOT NULL CHECK (a_grade_min BETWEEN 0 AND 100),
    b_grade_min INTEGER NOT NULL CHECK (b_grade_min BETWEEN 0 AND 100),
    closed_at TEXT,
    closed_by TEXT,
    created_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    CHECK (weight_self + weight_supervisor + weight_customers = 100),
    CHECK (b_grade_min <= a_grade_min)
  )`.execute(db);

  await sql`CREATE TABLE assessment_entry (
    id TEXT PRIMARY KEY,
    period_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    self_score INTEGER CHECK (self_score BETWEEN 0 AND 100),
    self_note TEXT NOT NULL DEFAULT '' CHECK (length(self_note) <= 500),
    self_at TEXT,
    supervisor_score INTEGER CHECK (supervisor_score BETWEEN 0 AND 100),
    supervisor_note TEXT NOT NULL DEFAULT '' CHECK (length(supervisor_note) <= 500),
    supervisor_by TEXT,
    supervisor_at TEXT,
    customer_sum INTEGER,
    customer_count INTEGER,
    updated_at TEXT NOT NULL,
    hlc TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX assessment_entry_period ON assessment_entry (period_id)`.execute(db);
}

/**
 * 0026: the parts lead decides each line of a requisition (docs/architecture/requisition-lines.md).
 * - requisition_line.decision: 'approved' (in full), 'reduced' (fewer than asked) or 'rejected'
 *   (none); null until decided. `decision_reason` is required by the desk for reduced and rejected
 *   lines; `decided_by`/`decided_at` are who signed the line and when.
 * - Requisitions signed before 0026 were decided as a whole: their lines get the decision their
 *   approved quantity says, and a rejected form's lines are rejected with the form's reason.
 * Frozen once landed: never edit, add a later migration instead.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE requisition_line ADD COLUMN decision TEXT CHECK (decision IN ('approved', 'reduced', 'rejected'))`.execute(
    db,
  );
  await sql`ALTER TABLE requisition_line ADD COLUMN decision_reason TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE requisition_line ADD COLUMN decided_by TEXT`.execute(db);
  await sql`ALTER TABLE requisition_line ADD COLUMN decided_at TEXT`.execute(db);
  await sql`UPDATE requisition_line AS x SET
      decision = CASE
        WHEN x.approved_qty >= x.requested_qty THEN 'approved'
        WHEN x.approved_qty > 0 THEN 'reduced'
        ELSE 'rejected' END,
      decided_by = r.decided_by,
      decided_at = r.decided_at
    FROM requisition AS r
    WHERE r.id = x.requisition_id AND x.approved_qty IS NOT NULL`.execute(db);
  await sql`UPDATE requisition_line AS x SET
      decision = 'rejected',
      approved_qty = 0,
      decision_reason = r.reject_reason,
      decided_by = r.decided_by,
      decided_at = r.decided_at
    FROM requisition AS r
    WHERE r.id = x.requisition_id AND r.status = 'rejected' AND x.approved_qty IS NULL`.execute(db);
}

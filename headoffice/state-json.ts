/**
 * Batches go to PostgreSQL as one JSON document per statement (json_to_recordset). A pushed record's
 * state usually appears twice in one batch, in its feed row and as its saved state, and is the
 * largest part of both: its text is made once here and spliced into each row.
 */
import { compactState } from '../db/sync/compact-state';
import type { RecordState } from '../db/sync/protocol';

export class StateTexts {
  private readonly texts = new Map<RecordState, string>();

  /** The state's JSON text (compact, db/sync/compact-state.ts), made on first use. */
  of(state: RecordState): string {
    let text = this.texts.get(state);
    if (text === undefined) {
      text = JSON.stringify(compactState(state));
      this.texts.set(state, text);
    }
    return text;
  }

  /** `row` (a non-empty object) as JSON with the state added under key `j`. */
  row(row: Readonly<Record<string, unknown>>, state: RecordState): string {
    return `${JSON.stringify(row).slice(0, -1)},"j":${this.of(state)}}`;
  }
}

/** A JSON array of already serialised rows. */
export const jsonArray = (rows: ReadonlyArray<string>): string => `[${rows.join(',')}]`;

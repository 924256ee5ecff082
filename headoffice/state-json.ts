/**
 * The text head office stores and sends for a record state: compact (one shared stamp,
 * db/sync/compact-state.ts). A state that appears more than once in a batch (a link's file, a feed
 * row and its record's save) is serialised once.
 */
import { sql, type RawBuilder } from 'kysely';
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
}

/**
 * State texts (null for none) as one SQL text[] value, `string_to_array(list, chr(30), chr(31))`. A
 * JSON text never holds a raw control character (JSON.stringify writes them as \u001e), so the record
 * separator cannot occur inside one and null can be the unit separator alone. An array literal would
 * need every quote of every state escaped on the way (a tenth of head office's time during a push).
 */
export function stateList(texts: ReadonlyArray<string | null>): RawBuilder<string[]> {
  return sql<string[]>`string_to_array(${texts.map((text) => text ?? '\u001f').join('\u001e')}::text, chr(30), chr(31))`;
}


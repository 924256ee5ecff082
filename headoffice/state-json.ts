/**
 * The text head office stores and sends for a record state: compact (one shared stamp,
 * db/sync/compact-state.ts). A state that appears more than once in a batch (a link's file, a feed
 * row and its record's save) is serialised once.
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
}

/**
 * The text head office stores and sends for a record state: compact (one shared stamp,
 * db/sync/compact-state.ts).
 */
import { compactState } from '../db/sync/compact-state';
import type { RecordState } from '../db/sync/protocol';

export function stateText(state: RecordState): string {
  return JSON.stringify(compactState(state));
}

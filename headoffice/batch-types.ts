/**
 * What the modules that apply a push batch share (apply.ts and the modules it calls): who is
 * writing, the in-memory record a batch works on, and the small interface through which the
 * domain's follow-ups (customer links, duplicate phones) hear of each merge without the generic
 * merge loop knowing about customers.
 */
import type { Transaction } from 'kysely';
import type { Hlc } from '../db/sync/hlc';
import type { RecordState, WireChange } from '../db/sync/protocol';
import type { HqDB } from './db/schema';
import type { EntityRule } from './entities';

export type ApplyContext = {
  /** The pushing device's store; null when head office itself writes (admin CLI). */
  storeId: string | null;
  replicaId: string | null;
  deviceId: string | null;
  hqClock: Hlc;
  nowMs: number;
  /** Head office writing a new store-scoped record for this store (a join offer's notice): it becomes that store's. */
  onBehalfOf?: string | null;
};

/** `known`: head office had the record before this batch (`existed` turns true once the batch creates it). */
export type Working = {
  state: RecordState;
  ownerStoreId: string | null;
  existed: boolean;
  known: boolean;
  dirty: boolean;
};

/** One change after its merge: `record` is still as it was before the change, `merged` what it becomes. */
export type MergedChange = { change: WireChange; rule: EntityRule; record: Working; merged: RecordState };

/**
 * A follow-up of one batch, made fresh for each batch: it hears of every merged change (whether or
 * not the change alters the record) and then writes what it gathered, inside the batch's
 * transaction, before and/or after the batch's states are saved.
 */
export interface BatchFollowUp {
  merged(event: MergedChange): void;
  /** Queued before the batch's state statement. */
  beforeStates?(trx: Transaction<HqDB>): Promise<unknown>;
  /** Run once the batch's states are saved (it reads them). */
  afterStates?(trx: Transaction<HqDB>): Promise<unknown>;
}

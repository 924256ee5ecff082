/**
 * What an area tells sync about its derived data (docs/architecture/sync.md): the local data it
 * rebuilds for records a pull wrote, the work it leaves for the end of a snapshot, and the backlog
 * of search terms it builds in the background. Each area declares this in its own
 * `db/<area>/sync-hooks.ts` (`register<Area>Sync(sync)`); db/desk.ts calls those functions on one
 * registration per desk and hands the result to the engine, which imports no area.
 *
 * Type-only: areas import it without importing the engine.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DeskEvent } from '../contract';
import type { StatementCache } from '../statement-cache';
import type { DB } from '../schema';
import type { EntityRules } from './entity-rules';
import type { RecordState } from './protocol';

/** `snapshot`: the records come from an initial or replacement snapshot (derived data may be deferred). */
export type ApplyPhase = Readonly<{ snapshot: boolean }>;

/** A record a pull wrote; `changed`: the fields it changed (absent: treat every field as changed). */
export type AppliedRecord = Readonly<{ entityId: string; state: RecordState; changed?: ReadonlyArray<string> }>;

/**
 * What derived-data code works with: the transaction the records were written in, the desk's
 * clock (its never-backwards time and its stamps), the connection's prepared statements for the
 * few hot bulk writes (one cache with Kysely's, see db/statement-cache.ts), and a way to have the
 * kept-aside records tried again.
 */
export type SyncWork = Readonly<{
  trx: Transaction<DB>;
  nowMs: () => number;
  statements: StatementCache;
  /** A fresh stamp of the desk's clock, for a change the hook records itself (a ledger movement). */
  stamp: () => string;
  /**
   * Ask for every record kept aside here to be tried again once this pull is applied: the hook
   * removed what kept one aside (a clashing part number).
   */
  retryKeptAside: () => void;
}>;

export type ApplyHook = (work: SyncWork, records: ReadonlyArray<AppliedRecord>, phase: ApplyPhase) => Promise<void>;

/** One short chunk of work left for the end of a snapshot; true while more remains. */
export type SnapshotSettler = (work: SyncWork) => Promise<boolean>;

/**
 * Search terms an initial snapshot deferred, built after the sync in short background
 * transactions: `size` counts what is left, `build` builds up to `budget` and says how many it did.
 */
export type SearchBacklog = Readonly<{
  size(statements: StatementCache): number;
  build(statements: StatementCache, budget: number): number;
}>;

export interface SyncRegistration {
  /**
   * Run `hook` for the records of `entity` a pull wrote, in the same transaction. With `fields`,
   * only for records new here, deleted, or with one of these fields changed (the rest leave the
   * derived data as it is).
   */
  onApplied(entity: string, hook: ApplyHook, options?: { fields?: ReadonlyArray<string> }): void;
  onSnapshotDone(settler: SnapshotSettler): void;
  searchBacklog(backlog: SearchBacklog): void;
}

/** The registration as the engine runs it (hooks.ts builds it): the hooks for the records a chunk wrote. */
export type TouchedRecord = AppliedRecord & { entity: string };

export type SyncHooks = SyncRegistration & {
  runApplyHooks(work: SyncWork, touched: ReadonlyArray<TouchedRecord>, phase: ApplyPhase): Promise<void>;
  /** One chunk of every settler that still has work; true while any has more. */
  settleSnapshotChunk(work: SyncWork): Promise<boolean>;
  searchBacklogSize(statements: StatementCache): number;
  buildSearchBacklog(statements: StatementCache, budget: number): number;
};

/**
 * What the desk knows of itself and its people that sync sends or shows, read by the areas that
 * own it (db/desk.ts passes them in) so the engine reads no area's table.
 */
export type DeskFacts = Readonly<{
  /** This PC's store code and counter number (enrolment sends them); undefined until set up. */
  counter(db: Kysely<DB>): Promise<Readonly<{ storeCode: string; counterNo: number }> | undefined>;
  /** The names of these staff members by id (the Sync page names who made a refused change). */
  staffNames(db: Kysely<DB>, ids: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>>;
}>;

/**
 * How open pages hear of what sync wrote (docs/architecture/live-refresh.md): the events whose pages
 * show a synced entity (db/synced-entities.ts `AREAS_OF_ENTITY`), and the desk's way to announce one.
 */
export type SyncAnnouncements = Readonly<{
  eventsOf(entity: string): ReadonlyArray<DeskEvent>;
  announce(event: DeskEvent): void;
}>;

/**
 * What the engine is handed at construction (db/desk.ts builds it): the entity rules, the areas'
 * hooks, what the desk knows of itself and how it tells its pages what changed.
 */
export type SyncServices = Readonly<{
  rules: EntityRules;
  hooks: SyncHooks;
  facts: DeskFacts;
  announcements: SyncAnnouncements;
}>;

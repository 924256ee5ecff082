/**
 * One desk's sync registration (registration.ts), filled by the areas' `register…Sync` functions
 * in db/desk.ts and run by the engine: the apply hooks for the records a chunk wrote, the snapshot
 * settlers, the search backlog. An object per desk, so two stores in one process share nothing.
 */
import { deskNowMs } from '../clock';
import type { Store } from '../open';
import { setState } from './state';
import type { ApplyHook, AppliedRecord, SearchBacklog, SnapshotSettler, SyncHooks, SyncWork } from './registration';

export type { SyncHooks, SyncServices, TouchedRecord } from './registration';

type Registered = { hook: ApplyHook; fields?: ReadonlyArray<string> };

/** Whether the record moves what the hook derives: new here, deleted, or one of its fields changed. */
const moves = (fields: ReadonlyArray<string> | undefined) => (r: AppliedRecord) =>
  fields === undefined ||
  r.changed === undefined ||
  r.state.deleted !== null ||
  r.changed.some((f) => fields.includes(f));

export function createSyncHooks(): SyncHooks {
  const hooks = new Map<string, Registered[]>();
  const settlers: SnapshotSettler[] = [];
  const backlogs: SearchBacklog[] = [];
  return {
    onApplied(entity, hook, options) {
      hooks.set(entity, [
        ...(hooks.get(entity) ?? []),
        { hook, ...(options?.fields ? { fields: options.fields } : {}) },
      ]);
    },
    onSnapshotDone(settler) {
      settlers.push(settler);
    },
    searchBacklog(backlog) {
      backlogs.push(backlog);
    },
    async runApplyHooks(work, touched, phase) {
      const byEntity = new Map<string, AppliedRecord[]>();
      for (const t of touched) {
        const list = byEntity.get(t.entity);
        if (list) list.push(t);
        else byEntity.set(t.entity, [t]);
      }
      for (const [entity, records] of byEntity) {
        for (const { hook, fields } of hooks.get(entity) ?? []) {
          const wanted = fields === undefined ? records : records.filter(moves(fields));
          if (wanted.length > 0 || fields === undefined) await hook(work, wanted, phase);
        }
      }
    },
    async settleSnapshotChunk(work) {
      let more = false;
      for (const settle of settlers) if (await settle(work)) more = true;
      return more;
    },
    searchBacklogSize: (statements) => backlogs.reduce((sum, b) => sum + b.size(statements), 0),
    buildSearchBacklog(statements, budget) {
      let built = 0;
      for (const b of backlogs) if (built < budget) built += b.build(statements, budget - built);
      return built;
    },
  };
}

/** Derived-data work runs in the chunk's transaction, on the desk's clock. */
export const syncWork = (store: Store, trx: SyncWork['trx']): SyncWork => ({
  trx,
  nowMs: () => deskNowMs(store.hlc),
  statements: store.statements,
  stamp: () => store.hlc.send(),
  // The engine replays kept-aside records after the pull when this mark is below the schema.
  retryKeptAside: () => setState(store.statements, 'pending_replay_schema', 0),
});

/**
 * What a diagnostics zip says about this PC besides its logs: versions, sync bookkeeping, settings
 * and the file's health. Each is chosen field by field, never a table dumped: no customer, ticket
 * or staff record, no PIN hash, no device secret, no certificate. Everything then passes the log
 * scrubber as well (db/storage/diagnostics.ts), so a stray phone in an error text is masked too.
 */
import { statSync } from 'node:fs';
import { arch, cpus, freemem, platform, release, totalmem } from 'node:os';
import type { Services } from '../handler';
import { runWorkerJob } from './worker';

/** sync_state keys that are bookkeeping, not secrets or records (the CA certificate is left out: only whether one is set). */
const SYNC_KEYS = [
  'server_url',
  'store_code',
  'device_id',
  'hq_store_id',
  'server_epoch',
  'pull_cursor',
  'snapshot_cursor',
  'snapshot_after',
  'last_acked_seq',
  'seq_base',
  'clock_offset_ms',
  'last_sync_at',
  'last_error',
  'last_error_code',
  'revoked',
  'pending_replay_schema',
  'restored_copy',
  'clock_mark',
] as const;

type Row = Record<string, unknown>;

function count(services: Services, sql: string, ...params: unknown[]): number | string {
  try {
    return (services.store.sqlite.prepare(sql).get(...params) as { n: number }).n;
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function versionFacts(services: Services, now: number): Row {
  const { sqlite, file } = services.store;
  const pragma = (name: string) => {
    try {
      return sqlite.pragma(name, { simple: true });
    } catch {
      return null;
    }
  };
  let fileBytes: number | null = null;
  try {
    fileBytes = statSync(file).size;
  } catch {
    // Reported as unknown.
  }
  return {
    generatedAt: new Date(now).toISOString(),
    app: services.appInfo,
    runtime: {
      node: process.versions.node,
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
      v8: process.versions.v8,
      modules: process.versions.modules,
      platform: platform(),
      arch: arch(),
      osRelease: release(),
      cpus: cpus().length,
      totalMemoryMb: Math.round(totalmem() / 2 ** 20),
      freeMemoryMb: Math.round(freemem() / 2 ** 20),
      processUptimeS: Math.round(process.uptime()),
      processRssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    },
    database: {
      sqlite: (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      schemaInFile: pragma('user_version'),
      schemaOfApp: services.appInfo.schemaVersion,
      journalMode: pragma('journal_mode'),
      pageSize: pragma('page_size'),
      pageCount: pragma('page_count'),
      freePages: pragma('freelist_count'),
      fileBytes,
      readOnly: sqlite.readonly,
    },
  };
}

export function syncFacts(services: Services): Row {
  const { store, sync } = services;
  const cursors: Row = {};
  for (const key of SYNC_KEYS) {
    const row = store.sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as
      { value: string } | undefined;
    cursors[key] = row?.value ?? null;
  }
  const ca = store.sqlite.prepare("SELECT 1 AS x FROM sync_state WHERE key = 'server_ca'").get();
  const status = sync.engine?.status() ?? null;
  return {
    engineRunning: status !== null,
    status: status && {
      enrolled: status.enrolled,
      state: status.state,
      stopReason: status.stopReason,
      enrollError: status.enrollError?.code ?? null,
      lastSyncAt: status.lastSyncAt,
      lastError: status.lastError,
      lastFailure: status.lastFailure?.code ?? null,
      clockOffsetMs: status.clockOffsetMs,
      clockWarning: status.clockWarning,
      progress: status.progress,
      firstSync: status.firstSync,
      resyncing: status.resyncing,
      searchBacklog: status.searchBacklog,
      credentialsKept: status.credentialsKept?.kind ?? null,
    },
    cursors,
    caCertificateSet: ca !== undefined,
    counts: {
      changes: count(services, 'SELECT count(*) AS n FROM change_log'),
      waiting: count(
        services,
        'SELECT count(*) AS n FROM change_log WHERE seq > ?',
        Number(cursors['last_acked_seq'] ?? 0),
      ),
      refused: count(services, 'SELECT count(*) AS n FROM sync_rejected'),
      keptAside: count(
        services,
        'SELECT count(*) AS n FROM (SELECT 1 FROM pending_unknown GROUP BY entity, entity_id)',
      ),
    },
  };
}

export function settingsFacts(services: Services): Row {
  const store = services.store.sqlite
    .prepare(
      'SELECT code, counter_no, opens_at, closes_at, working_days, idle_lock_minutes, created_at, updated_at FROM store LIMIT 1',
    )
    .get() as Row | undefined;
  const staffByRole = services.store.sqlite
    .prepare('SELECT role, active, count(*) AS n FROM staff GROUP BY role, active ORDER BY role, active')
    .all();
  const backups = services.storage.list();
  return {
    store: store ?? null,
    staffByRole,
    backupSettings: services.storage.settings(),
    backups: {
      count: backups.length,
      verified: backups.filter((b) => b.status === 'verified').length,
      newest: backups.slice(0, 10).map(({ name, kind, createdAt, sizeBytes, status, problem }) => ({
        file: name,
        kind,
        createdAt,
        sizeBytes,
        status,
        problem,
      })),
    },
  };
}

/** The health the app already knows, and a quick check of the file now (in a worker: the counter keeps working). */
export async function healthFacts(services: Services): Promise<Row> {
  const { offered: _offered, ...health } = services.storage.health();
  let quickCheck: Row;
  const started = performance.now();
  try {
    const { complaints } = await runWorkerJob({
      kind: 'check',
      file: services.store.file,
      check: 'quick_check',
      limit: 10,
      foreignKeys: true,
    });
    quickCheck = { ok: complaints.length === 0, complaints, ms: Math.round(performance.now() - started) };
  } catch (error) {
    quickCheck = { ok: null, error: error instanceof Error ? error.message : String(error) };
  }
  const damage = services.store.health.damage;
  return {
    ...health,
    damage: damage && { foundAt: damage.foundAt, foundBy: damage.foundBy, details: damage.details.slice(0, 10) },
    quickCheck,
  };
}

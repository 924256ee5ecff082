/** What the status bar and the sync page show. No Node imports: the renderer imports the type. */
export const CLOCK_WARNING_MS = 2 * 60_000;

/**
 * Why the last enrollment failed: `code` is stable (head office's refusal such as
 * `enroll_code_invalid` / `store_mismatch`, or a transport code such as `tls_untrusted`), `params`
 * fill the translated text, `message` is the English fallback for codes the renderer does not know.
 */
export type EnrollFailure = { code: string; message: string; params: Record<string, string> };

export type RestoredCopy = { detectedAt: string; takingBack: boolean; takenBack: number };

/**
 * How this PC's sync secret is protected, for the sync page to say in the counter's language:
 * encrypted by the OS (which facility), or a file only this OS user can read, and why no encryption.
 */
export type CredentialProtection =
  { kind: 'os_encrypted'; backend: string } | { kind: 'user_file'; file: string; why: 'browser_host' | 'no_keyring' };

export type SyncStatus = {
  enrolled: boolean;
  serverUrl: string | null;
  storeCode: string | null;
  deviceId: string | null;
  state: 'not_enrolled' | 'enrolling' | 'idle' | 'syncing' | 'retrying' | 'stopped';
  /** Why sync stopped: `device_revoked` or `unauthorized` (enroll again). */
  stopReason: string | null;
  enrollError: EnrollFailure | null;
  lastSyncAt: string | null;
  lastError: string | null;
  /** The last error as a stable code and parameters (certificate, network, head office down…), when known. */
  lastFailure: { code: string; params: Record<string, string> } | null;
  pending: number;
  rejected: number;
  /** Pulled records kept aside on this PC (not stored: listed on the Sync page with why). */
  keptAside: number;
  /**
   * This PC's database was restored from an older copy (docs/SYNC.md F18): when it was found, and how
   * many records it took back from head office (`takingBack` while that is still under way).
   */
  restoredCopy: RestoredCopy | null;
  /** Head office's time − this PC's time. */
  clockOffsetMs: number;
  clockWarning: boolean;
  /** `index`: the counter-search terms of customers an initial sync brought, built afterwards. */
  progress: { phase: 'push' | 'pull' | 'index'; rows: number; total: number | null } | null;
  /** Customers the counter search cannot find yet (their terms are still being built). */
  searchBacklog: number;
  /**
   * Enrolled, and the first sync has not finished: the store's records are still arriving by
   * table, so a customer may be here before his phones, a requisition before its lines. The
   * counter waits for them (docs/SYNC.md I6) instead of showing half of what another PC wrote.
   */
  firstSync: boolean;
  /**
   * A PC already in use is taking head office's records again (a replacement sync after a reset,
   * docs/SYNC.md F23), resumable across restarts until done. It keeps working, but what is still on its
   * way is missing from lists for a while; the counter says so instead of blocking.
   */
  resyncing: boolean;
  /** Where the credentials are kept, in English (encrypted by the OS, or a file only this user can read). */
  credentialsWhere: string | null;
  /** The same, for the page to say in the counter's language. */
  credentialsKept: CredentialProtection | null;
};

/**
 * Stores and PCs in the console: what the routes under /console/api/stores take and answer. Pure
 * (zod and types only), shared by the server's routes and the console's pages.
 */
import { z } from 'zod';

/** Zones a Chinese chain uses first, then every other zone the runtime knows. */
export const CHINA_TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

export function timeZoneChoices(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...CHINA_TIME_ZONES, ...all.filter((zone) => !CHINA_TIME_ZONES.includes(zone))];
}

/** A zone the runtime's date formatting accepts (aliases such as Asia/Chongqing included). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const STORE_CODE = /^[A-Z][A-Z0-9]{1,9}$/;
export const storeCodeSchema = z
  .string()
  .regex(STORE_CODE, 'a store code is a capital letter then 1–9 capitals or digits, e.g. S012');

const storeFields = {
  name: z.string().trim().min(1, 'the name is empty').max(60),
  address: z.string().trim().max(200),
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => zone.includes('/') && isTimeZone(zone), 'not a time zone from the list'),
  status: z.enum(['active', 'closed']),
};

export const storeCreateSchema = z.object({ code: storeCodeSchema, ...storeFields });
export type StoreCreate = z.infer<typeof storeCreateSchema>;
export const storeEditSchema = z.object(storeFields);
export type StoreEdit = z.infer<typeof storeEditSchema>;

export const storeListQuerySchema = z.object({
  q: z.string().trim().max(40).optional(),
  status: z.enum(['active', 'closed', 'all']).default('all'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type StoreListQuery = z.input<typeof storeListQuerySchema>;

/** Why a store is not healthy, as codes the console words in its language. */
export const HEALTH_REASONS = ['clock', 'refused', 'silent_day', 'silent_hour', 'backlog', 'never_synced'] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];
export type HealthLevel = 'ok' | 'warning' | 'problem' | 'no_pcs';
export type Health = { level: HealthLevel; reasons: HealthReason[] };

export type StoreRow = {
  id: string;
  code: string;
  name: string;
  address: string;
  timeZone: string;
  status: 'active' | 'closed';
  createdAt: string;
};

export type StoreSummary = StoreRow & {
  activePcs: number;
  revokedPcs: number;
  /** The newest push or pull of any of its PCs. */
  lastSyncAt: string | null;
  pendingChanges: number;
  /** Changes head office refused in the last 7 days. */
  refusedRecently: number;
  /** The largest clock offset of its active PCs, in ms, signed. */
  worstClockOffsetMs: number | null;
  health: Health;
};

export type StorePage = { stores: StoreSummary[]; total: number; page: number; pageSize: number };

export type DeviceStatus = 'active' | 'revoked' | 'retired';

export type DeviceRow = {
  id: string;
  name: string;
  counterNo: number | null;
  status: DeviceStatus;
  enrolledAt: string;
  revokedAt: string | null;
  appVersion: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastSeenAt: string | null;
  /** Changes the PC said were waiting to be sent, when it last reported (reportedAt). */
  pendingChanges: number | null;
  reportedAt: string | null;
  refusedChanges: number;
  /** The PC's clock minus head office's when it last reported. */
  clockOffsetMs: number | null;
  /** Changes stamped too far ahead that head office re-stamped (clock_skew). */
  clockSkews: number;
  health: Health;
};

export type StoreDetail = {
  store: StoreSummary;
  devices: DeviceRow[];
  problems: { refused: number; skews: number; conflicts: number };
};

export const deviceListQuerySchema = z.object({ retired: z.enum(['show', 'hide']).default('hide') });

export type IssuedCode = { storeCode: string; code: string; expiresAt: string };
export const issueCodeSchema = z.object({ hours: z.number().int().min(1).max(24).default(24) });

export const deviceActionSchema = z.object({ reason: z.string().trim().min(2, 'say why').max(200) });

export const PROBLEM_KINDS = ['refused', 'skews', 'conflicts'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export const problemQuerySchema = z.object({
  kind: z.enum(PROBLEM_KINDS),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type RefusedChangeRow = {
  id: number;
  receivedAt: string;
  device: string | null;
  entity: string;
  entityId: string;
  op: string;
  /** The refusal's code (the console words it) and head office's English reason. */
  code: string;
  reason: string;
  /** The change's fields; customers' phones, names and addresses masked unless the role may unmask. */
  fields: Record<string, unknown>;
};
export type ClockSkewRow = {
  id: number;
  loggedAt: string;
  device: string | null;
  skewMs: number;
  hlc: string;
  restamped: string;
};
export type ConflictRow = {
  id: number;
  loggedAt: string;
  device: string | null;
  entity: string;
  entityId: string;
  field: string;
  winnerValue: unknown;
  loserValue: unknown;
};
export type ProblemPage =
  | { kind: 'refused'; rows: RefusedChangeRow[]; total: number }
  | { kind: 'skews'; rows: ClockSkewRow[]; total: number }
  | { kind: 'conflicts'; rows: ConflictRow[]; total: number };

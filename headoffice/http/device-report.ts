/**
 * What a PC says about itself on a push or pull (db/sync/session.ts `reportHeaders`): its app
 * version, how many of its changes are still unsent, and its own clock. The headers are optional,
 * so a PC of an older version still syncs; a value that does not parse is ignored rather than
 * refused (it is health information, not part of the protocol). Saved on the device row, where the
 * console reads each PC's health (migration 0013).
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { HqDatabase } from '../db/open';
import { deviceOf } from './device';
import type { HeadOfficeServices } from './services';

export type DeviceReport = { appVersion: string | null; pending: number | null; clockOffsetMs: number | null };

/** A PC's clock this far off is reported as this far off: the column is an integer of milliseconds. */
const MAX_OFFSET_MS = 2_000_000_000;
const MAX_PENDING = 2_000_000_000;

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 64 ? value : null;
}

/** The report in a request's headers; `bodyVersion` is the push body's appVersion, sent by every version. */
export function deviceReportOf(request: FastifyRequest, nowMs: number, bodyVersion?: string): DeviceReport {
  const version = header(request, 'x-counterdesk-version') ?? bodyVersion ?? null;
  const pendingText = header(request, 'x-counterdesk-pending');
  const pending = pendingText !== null && /^\d{1,10}$/.test(pendingText) ? Number(pendingText) : null;
  const clockText = header(request, 'x-counterdesk-clock');
  const clock = clockText !== null ? Date.parse(clockText) : Number.NaN;
  const offset = Number.isFinite(clock) ? clock - nowMs : null;
  return {
    appVersion: version !== null && /^[\w.+-]{1,40}$/.test(version) ? version : null,
    pending: pending !== null && pending <= MAX_PENDING ? pending : null,
    clockOffsetMs: offset === null ? null : Math.max(-MAX_OFFSET_MS, Math.min(MAX_OFFSET_MS, offset)),
  };
}

/** Saves what was reported; a value not reported keeps what the PC said before. */
export async function saveDeviceReport(
  db: HqDatabase,
  deviceId: string,
  report: DeviceReport,
  nowMs: number,
): Promise<void> {
  const set: {
    reportedAt: Date;
    lastSeenAt: Date;
    appVersion?: string;
    pendingChanges?: number;
    clockOffsetMs?: number;
  } = { reportedAt: new Date(nowMs), lastSeenAt: new Date(nowMs) };
  if (report.appVersion !== null) set.appVersion = report.appVersion;
  if (report.pending !== null) set.pendingChanges = report.pending;
  if (report.clockOffsetMs !== null) set.clockOffsetMs = Math.round(report.clockOffsetMs);
  await db.updateTable('device').set(set).where('id', '=', deviceId).execute();
}

/**
 * A `preHandler` for push and pull (after `requireDevice`): one indexed update of the device row.
 * `bodyVersion` reads the app version an older PC sends only in its push body.
 */
export function recordDeviceReport(
  { db, now }: HeadOfficeServices,
  bodyVersion?: (request: FastifyRequest) => string | undefined,
): preHandlerAsyncHookHandler {
  return async (request) => {
    const nowMs = now();
    await saveDeviceReport(db, deviceOf(request).id, deviceReportOf(request, nowMs, bodyVersion?.(request)), nowMs);
  };
}

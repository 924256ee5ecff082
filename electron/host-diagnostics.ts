/**
 * "Export diagnostics" as a browser download (the browser host only; Electron writes the zip to a
 * folder the admin picks). `POST /diagnostics.zip` asks the desk to export, with the tab's sign-in,
 * so the same permission check as every call applies (`diagnostics.export`: admins). The answer is
 * the zip the desk has just written, sent as an attachment. No path or name comes from the
 * request: the only file this route can send is the one the export reports, and it must be a
 * diagnostics zip by name.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeskResult } from '../db/contract';
import type { ClientState, Desk, Logger } from '../db/desk-types';
import type { DiagnosticsExport } from '../db/storage/contract';
import { SECURITY_HEADERS } from './csp';

export const DIAGNOSTICS_PATH = '/diagnostics.zip';
/** The export's answer travels in this header, as URI-encoded JSON (the path may hold Chinese). */
export const DIAGNOSTICS_HEADER = 'X-Diagnostics-Export';
const ZIP_NAME = /^counterdesk-diagnostics-[0-9A-Za-z._-]{1,100}\.zip$/;

const STATUS_OF: Record<string, number> = {
  not_signed_in: 401,
  session_expired: 401,
  permission_denied: 403,
  validation: 400,
  busy: 503,
  unavailable: 503,
  disk_full: 507,
};

function answer(res: ServerResponse, status: number, result: DeskResult<unknown>): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(result));
}

export async function serveDiagnosticsDownload(
  req: IncomingMessage,
  res: ServerResponse,
  { desk, client, logger }: { desk: Desk; client: ClientState; logger: Logger },
): Promise<void> {
  // Nothing in the request is read: the export goes to the backup folder in use.
  req.resume();
  const result = await desk.dispatch(client, 'backup.exportDiagnostics', { folder: null });
  if (!result.ok) return answer(res, STATUS_OF[result.error.code] ?? 500, result);
  const exported = result.value as DiagnosticsExport;
  const name = basename(exported.file);
  const found = await stat(exported.file).catch(() => null);
  if (!ZIP_NAME.test(name) || !found?.isFile()) {
    logger.error('The diagnostics export named no zip to send', { name });
    return answer(res, 500, {
      ok: false,
      error: { code: 'internal', key: 'internal', message: 'Something went wrong; nothing was saved' },
    });
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Length': String(found.size),
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    [DIAGNOSTICS_HEADER]: encodeURIComponent(JSON.stringify(exported)),
  });
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(exported.file);
    stream.once('error', reject);
    res.once('close', resolve);
    stream.pipe(res);
  });
}

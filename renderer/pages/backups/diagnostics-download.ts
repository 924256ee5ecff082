/**
 * The browser host's "Download diagnostics": the host exports the zip (with this tab's sign-in, so
 * only an admin may) and sends it back as an attachment (electron/host-diagnostics.ts); the page
 * hands it to the browser's downloads. Inside Electron there is no such route: the zip goes to a
 * folder instead.
 */
import type { DeskError, DeskResult, MethodResult } from '../../../db/api';

type Exported = MethodResult<'backup.exportDiagnostics'>;

/** Whether this page runs in a plain browser against the browser host (no Electron preload). */
export const downloadsDiagnostics = (): boolean => window.desk === undefined;

function failure(message: string): { ok: false; error: DeskError } {
  return { ok: false, error: { code: 'internal', key: 'internal', message } };
}

export async function downloadDiagnostics(): Promise<DeskResult<Exported>> {
  let response: Response;
  try {
    response = await fetch('/diagnostics.zip', { method: 'POST', credentials: 'same-origin' });
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as DeskResult<Exported> | null;
    return body && body.ok === false ? body : failure(`HTTP ${response.status}`);
  }
  const header = response.headers.get('X-Diagnostics-Export');
  const exported = header ? (JSON.parse(decodeURIComponent(header)) as Exported) : null;
  if (!exported) return failure('The host sent no description of the export');
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exported.file.split(/[\\/]/).pop() ?? 'counterdesk-diagnostics.zip';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next turn; the object URL is not needed after.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: exported };
}

/**
 * Attachments: photos of the goods, receipts, evidence, stored as blobs in the store
 * file itself rather than as files beside it, because:
 * - the photo and its timeline event commit in one transaction: no orphan file, no dangling row;
 * - the store stays one file to back up, restore or move to a new PC (docs/SYNC.md treats a restored
 *   file as a replica; a folder of loose files would drift from it);
 * - the change log can carry the photo to head office like any other row.
 * The price is size, so photos are kept small: the renderer scales them down before sending
 * (about 1600 px, JPEG), and anything over ATTACHMENT_MAX_BYTES is refused. That limit also keeps
 * one call under the browser host's 1 MB request limit (electron/host.ts).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DeskFailure } from '../handler';
import { newId } from '../ids';
import type { DB } from '../schema';
import { recordChange, type TxContext } from '../sync/change-log';
import { ATTACHMENT_MAX_BYTES, type TicketAttachInput } from './contract';

/** What the bytes say they are, whatever the file name or the claimed type says. */
function sniffImage(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

export async function insertAttachment(
  tx: TxContext,
  input: Required<Omit<TicketAttachInput, 'caption'>> & { caption: string },
): Promise<string> {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length > ATTACHMENT_MAX_BYTES) throw new DeskFailure('validation', 'attachment_too_large', 'dataBase64');
  const sniffed = sniffImage(data);
  if (sniffed === null || sniffed !== input.mime) throw new DeskFailure('validation', 'attachment_type', 'dataBase64');
  const hlc = tx.stamp();
  const row = {
    id: newId(),
    ticketId: input.ticketId,
    fileName: input.fileName,
    mime: sniffed,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
    data,
    caption: input.caption,
    createdBy: tx.staffId,
    createdAt: tx.nowIso,
    hlc,
  };
  await tx.trx.insertInto('ticketAttachment').values(row).execute();
  const { id, hlc: _hlc, data: _data, ...meta } = row;
  // JSON has no bytes: the change carries `data` as base64 (see loadAttachment for the way back).
  await recordChange(tx, {
    entity: 'ticket_attachment',
    entityId: id,
    op: 'insert',
    hlc,
    fields: { ...meta, data: input.dataBase64 },
  });
  return row.id;
}

export async function loadAttachment(
  db: Kysely<DB>,
  id: string,
): Promise<{ id: string; fileName: string; mime: string; dataBase64: string } | undefined> {
  const row = await db
    .selectFrom('ticketAttachment')
    .select(['id', 'fileName', 'mime', 'data'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // A row applied from another PC's change holds the change's base64 text rather than the bytes.
  const data: unknown = row.data;
  const dataBase64 = typeof data === 'string' ? data : Buffer.from(row.data).toString('base64');
  return { id: row.id, fileName: row.fileName, mime: row.mime, dataBase64 };
}

/**
 * How a label's subject id is written, so the print route, the print log and the browser host's
 * PDF address all carry the whole job in one id (`print.<subject>` reads it back):
 * - a part: `<partId>`, or `<partId>*<n>` for n labels (one per unit received);
 * - a goods tag: `<ticketId>`, or `<ticketId>*<n>` for n pieces taken in (the set, its remote, …);
 * - a bin: `<locationId>:<bin>`; a bin ending in `*` names a shelf (`A-01*`) and `*` alone every
 *   bin of the location, one label each.
 * No Node imports.
 */

/** More than a box of parts at once is a typing slip, not a print job. */
export const MAX_LABELS_PER_JOB = 200;

export function countedSubjectId(id: string, count: number): string {
  return count > 1 ? `${id}*${count}` : id;
}

/** The record id and the number of labels, or null when the id is not of that shape. */
export function parseCountedSubject(subjectId: string): { id: string; count: number } | null {
  const match = /^([^*]+?)(?:\*(\d{1,4}))?$/.exec(subjectId);
  if (!match) return null;
  const count = match[2] === undefined ? 1 : Number(match[2]);
  if (count < 1 || count > MAX_LABELS_PER_JOB) return null;
  return { id: match[1]!, count };
}

export function binSubjectId(locationId: string, bin: string): string {
  return `${locationId}:${bin}`;
}

/** The location and the bin (or `A-01*` shelf, `*` all bins), or null when the id is not of that shape. */
export function parseBinSubject(subjectId: string): { locationId: string; bin: string } | null {
  const at = subjectId.indexOf(':');
  if (at <= 0 || at === subjectId.length - 1) return null;
  const bin = subjectId.slice(at + 1);
  if (bin.length > 21 || /[\s:]/.test(bin)) return null;
  return { locationId: subjectId.slice(0, at), bin };
}

/** What a bin label's barcode carries: the location's code and the bin, e.g. `MAIN/A-01-1`. */
export function binCode(locationCode: string, bin: string): string {
  return `${locationCode}/${bin}`;
}

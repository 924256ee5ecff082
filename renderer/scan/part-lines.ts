/**
 * A part label scanned into a form with part lines (requisition, receipt): the part's line counts
 * one more; else the first empty line takes the part; else a new line is added. The part is kept,
 * so the line's part picker can show it before its list has loaded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanOutcome } from './scan-field';
import { useResolvePart } from './scan-field';

export type ScannedPart = { id: string; partNo: string; name: string };

export type PartLines = {
  /** The lines as the form holds them now: part and quantity. */
  current: () => ReadonlyArray<{ partId: string; qty: number | null }>;
  setQty: (index: number, qty: number) => void;
  /** Put the part on an empty line, with one unit. */
  fill: (index: number, partId: string) => void;
  /** Add a line of one unit of the part. */
  add: (partId: string) => void;
};

export function usePartLinesScan(lines: PartLines): {
  onCode: (code: string) => Promise<ScanOutcome>;
  scannedPart: (partId: string) => ScannedPart | undefined;
} {
  const { t } = useTranslation();
  const resolve = useResolvePart();
  const [parts, setParts] = useState<ReadonlyMap<string, ScannedPart>>(new Map());
  const onCode = async (code: string): Promise<ScanOutcome> => {
    const found = await resolve(code);
    if (!('part' in found)) return found;
    const { part } = found;
    setParts((known) => new Map(known).set(part.id, { id: part.id, partNo: part.partNo, name: part.name }));
    const current = lines.current();
    const same = current.findIndex((line) => line.partId === part.id);
    if (same >= 0) {
      const qty = (current[same]!.qty ?? 0) + 1;
      lines.setQty(same, qty);
      return { ok: true, text: t('scan.pickedAgain', { partNo: part.partNo, name: part.name, qty }) };
    }
    const empty = current.findIndex((line) => line.partId === '');
    if (empty >= 0) lines.fill(empty, part.id);
    else lines.add(part.id);
    return { ok: true, text: t('scan.picked', { partNo: part.partNo, name: part.name }) };
  };
  return { onCode, scannedPart: (partId) => parts.get(partId) };
}

/**
 * Which printer a job goes to, and whether the dialog is skipped. Printer names are the system's
 * (`PrinterInfo.name`, e.g. Brother_QL_820NWB), not display names. A setting that names a
 * printer no longer installed must not print silently to whatever the system picks: it asks.
 */
import type { PrinterSummary, PrintTarget } from '../../db/print/job';

export type PrinterChoice = Readonly<{
  /** Undefined: let the dialog (or the system default) decide. */
  deviceName: string | undefined;
  silent: boolean;
  copies: number;
  /** Why the setting could not be followed, for the log; empty when it was. */
  note: string;
}>;

export function choosePrinter(
  target: Extract<PrintTarget, { kind: 'printer' }>,
  installed: ReadonlyArray<PrinterSummary>,
): PrinterChoice {
  const copies = target.copies;
  if (target.deviceName === null) return { deviceName: undefined, silent: false, copies, note: '' };
  const byName = installed.find((printer) => printer.name === target.deviceName);
  // Settings saved from an older printer list may hold the display name.
  const byDisplayName = byName ?? installed.find((printer) => printer.displayName === target.deviceName);
  if (!byDisplayName) {
    return {
      deviceName: undefined,
      silent: false,
      copies,
      note: `printer '${target.deviceName}' is not installed on this PC; asked in the dialog instead`,
    };
  }
  return { deviceName: byDisplayName.name, silent: target.silent, copies, note: '' };
}

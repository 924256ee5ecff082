/**
 * Scans anywhere at the counter: with no text field focused (or in a field marked
 * `data-scan-anywhere`, the counter's search box), a scanned goods tag opens its ticket and a part
 * label opens the part (the desk names a part only to a role with parts.read). The scan is told
 * from typing by its pace (detector.ts); a code that names nothing is said, with the code.
 * Fields that take scans themselves (ScanField) are text fields, so this leaves them alone.
 */
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../desk';
import { partsHref } from '../pages/parts/route';
import { ticketHref } from '../pages/tickets/route';
import { ScanDetector } from './detector';

/** A text field takes typing; a scan there belongs to it unless it says it takes counter-wide scans. */
export function takesScansAnywhere(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target.closest('[data-scan-anywhere]')) return true;
  if (target.isContentEditable) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return false;
  if (target instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return true;
}

export function CounterScanner() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const detector = useRef(new ScanDetector());
  const texts = useRef({ t, message });
  useEffect(() => {
    texts.current = { t, message };
  });

  useEffect(() => {
    const onCode = async (code: string): Promise<void> => {
      const { t: text, message: say } = texts.current;
      const found = await desk.call('print.resolveCode', { code });
      if (!found.ok) {
        void say.error(
          found.error.key === 'scan_unknown'
            ? text('scan.unknown', { code })
            : text('scan.failed', { code, reason: found.error.message }),
        );
        return;
      }
      const record = found.value;
      if (record.kind === 'ticket') {
        void say.info(text('scan.opening', { number: record.number }));
        window.location.hash = ticketHref(record.id);
      } else {
        // The part's drawer on the Parts page: its stock per location, bin, clearance and label.
        void say.info(text('scan.part', { partNo: record.partNo, name: record.name, bin: record.bin || '—' }));
        window.location.hash = partsHref('stock', record.id);
      }
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return detector.current.reset();
      if (!takesScansAnywhere(event.target)) return detector.current.reset();
      const code = detector.current.key(event.key, event.timeStamp);
      if (code === null) return;
      // The Enter ends the scan; it must not also submit whatever the search box holds.
      event.preventDefault();
      event.stopPropagation();
      void onCode(code);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
  return null;
}

/**
 * The field a part label is scanned into on the requisition, receipt and count forms: the scanner
 * types the part number and Enter (typing it by hand works the same). What the scan did shows in
 * ONE status line under the field, replaced by the next scan — never a pop-up per scan.
 */
import { BarcodeOutlined } from '@ant-design/icons';
import { Input, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannedRecord } from '../../db/api';
import { desk } from '../desk';

export type ScanOutcome = { ok: boolean; text: string };

type ScanFieldProps = {
  /** Handles one scanned code; says what happened in a line of text. */
  onCode: (code: string) => Promise<ScanOutcome>;
  id?: string;
  autoFocus?: boolean;
};

export function ScanField({ onCode, id, autoFocus }: ScanFieldProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<ScanOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<InputRef>(null);
  const submit = async (): Promise<void> => {
    const code = value.trim();
    if (code === '' || busy) return;
    setBusy(true);
    try {
      setStatus(await onCode(code));
    } finally {
      setBusy(false);
      setValue('');
      input.current?.focus();
    }
  };
  return (
    <div className="scan-field">
      <Input
        ref={input}
        id={id}
        aria-label={t('scan.field')}
        placeholder={t('scan.placeholder')}
        prefix={<BarcodeOutlined aria-hidden />}
        value={value}
        maxLength={64}
        autoFocus={autoFocus}
        autoComplete="off"
        onChange={(event) => setValue(event.target.value)}
        onPressEnter={(event) => {
          // Inside a form the Enter is the scanner's, not a submit.
          event.preventDefault();
          void submit();
        }}
        style={{ maxWidth: 420 }}
      />
      <div role="status" aria-live="polite" data-scan-status style={{ minHeight: 22, marginTop: 4 }}>
        {status && <Typography.Text type={status.ok ? 'success' : 'danger'}>{status.text}</Typography.Text>}
      </div>
    </div>
  );
}

/** A scanned code as a part, or the line that says why it is not one. */
export function useResolvePart(): (
  code: string,
) => Promise<{ part: Extract<ScannedRecord, { kind: 'part' }> } | ScanOutcome> {
  const { t } = useTranslation();
  return async (code) => {
    const found = await desk.call('print.resolveCode', { code });
    if (!found.ok)
      return {
        ok: false,
        text:
          found.error.key === 'scan_unknown'
            ? t('scan.unknown', { code })
            : t('scan.failed', { code, reason: found.error.message }),
      };
    if (found.value.kind !== 'part') return { ok: false, text: t('scan.notPart', { code }) };
    return { part: found.value };
  };
}

/**
 * The clerk's steps on a requisition, each a quantity per line and one button: issue what the parts
 * lead approved (some now, the rest later), and take back what the job did not use. The lead's
 * signature is requisition-sign.tsx.
 */
import { Alert, App, Button, Input, InputNumber, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskError, RequisitionLineView, RequisitionView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { LinesTable } from './requisition-lines';

/** A line's server error ("lines.2.qty") said with the part it belongs to. */
export function useStepError(lines: ReadonlyArray<RequisitionLineView>) {
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const show = (failure: DeskError | null, sent: ReadonlyArray<string> = []): void => {
    if (!failure) return setError(null);
    const index = /^lines\.(\d+)\./.exec(failure.field ?? '')?.[1];
    const line = index === undefined ? undefined : lines.find((l) => l.id === sent[Number(index)]);
    setError(`${line ? `${line.partNo} ${line.partName}: ` : ''}${errorText(failure.key)}`);
  };
  const banner = error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginTop: 12 }} /> : null;
  return { show, banner };
}

export function QtyInput({
  label,
  value,
  max,
  disabled = false,
  onChange,
}: {
  label: string;
  value: number;
  max: number;
  disabled?: boolean;
  onChange: (qty: number) => void;
}) {
  return (
    <InputNumber
      aria-label={label}
      min={0}
      max={Math.max(max, 0)}
      disabled={disabled}
      precision={0}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
      style={{ width: 90 }}
    />
  );
}

export function IssueStep({ requisition }: { requisition: RequisitionView }) {
  const { t } = useTranslation('parts');
  const { message } = App.useApp();
  const issue = useDeskMutation('parts.requisitionIssue');
  const [qty, setQty] = useState<Record<string, number>>(() =>
    Object.fromEntries(requisition.lines.map((l) => [l.id, l.toIssueQty])),
  );
  const errors = useStepError(requisition.lines);

  const run = async (): Promise<void> => {
    const lines = requisition.lines
      .map((l) => ({ lineId: l.id, qty: Math.min(qty[l.id] ?? 0, l.toIssueQty) }))
      .filter((l) => l.qty > 0);
    const result = await issue.run({ requisitionId: requisition.id, lines });
    errors.show(
      result.ok ? null : result.error,
      lines.map((l) => l.lineId),
    );
    if (!result.ok) return;
    const negative = result.value.wentNegative;
    if (negative.length > 0)
      void message.warning(
        t('requisition.wentNegative', { parts: negative.map((n) => `${n.partNo} (${n.onHand})`).join(', ') }),
      );
    else void message.success(t('statuses.issued'));
    setQty(Object.fromEntries(result.value.requisition.lines.map((l) => [l.id, l.toIssueQty])));
  };

  return (
    <>
      <LinesTable
        lines={requisition.lines}
        extra={{
          title: t('requisition.issueNow'),
          // A rejected line has nothing to issue; any other line takes at most what is still approved
          // and not yet issued. The desk refuses more anyway (over_issue), but the box never offers it.
          render: (l) =>
            l.decision === 'rejected' ? (
              <Tag color="red">{t('decide.decisions.rejected')}</Tag>
            ) : (
              <QtyInput
                label={t('requisition.issueOf', { part: l.partName })}
                value={Math.min(qty[l.id] ?? 0, l.toIssueQty)}
                max={l.toIssueQty}
                disabled={l.toIssueQty === 0}
                onChange={(v) => setQty({ ...qty, [l.id]: v })}
              />
            ),
        }}
      />
      {errors.banner}
      <Button type="primary" style={{ marginTop: 16 }} loading={issue.pending} onClick={() => void run()}>
        {t('requisition.issue')}
      </Button>
    </>
  );
}

export function ReturnStep({ requisition }: { requisition: RequisitionView }) {
  const { t } = useTranslation('parts');
  const { message } = App.useApp();
  const take = useDeskMutation('parts.requisitionReturn');
  const held = requisition.lines.filter((l) => l.heldQty > 0);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [reason, setReason] = useState('');
  const errors = useStepError(requisition.lines);

  const run = async (): Promise<void> => {
    const lines = held.filter((l) => (qty[l.id] ?? 0) > 0).map((l) => ({ lineId: l.id, qty: qty[l.id]! }));
    const result = await take.run({ requisitionId: requisition.id, reason, lines });
    errors.show(
      result.ok ? null : result.error,
      lines.map((l) => l.lineId),
    );
    if (result.ok) {
      setQty({});
      setReason('');
      void message.success(t('requisition.returned'));
    }
  };

  return (
    <section aria-label={t('requisition.return')} style={{ marginTop: 24 }}>
      <h4>{t('requisition.return')}</h4>
      <Space direction="vertical" style={{ width: '100%' }}>
        {held.map((l) => (
          <Space key={l.id}>
            <span style={{ minWidth: 220, display: 'inline-block' }}>
              {l.partNo} {l.partName} · {t('requisition.held')} {l.heldQty}
            </span>
            <QtyInput
              label={t('requisition.returnOf', { part: l.partName })}
              value={qty[l.id] ?? 0}
              max={99999}
              onChange={(v) => setQty({ ...qty, [l.id]: v })}
            />
          </Space>
        ))}
        <Input
          aria-label={t('requisition.returnReason')}
          placeholder={t('requisition.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          style={{ maxWidth: 420 }}
        />
      </Space>
      {errors.banner}
      <Button style={{ marginTop: 12 }} loading={take.pending} onClick={() => void run()}>
        {t('requisition.return')}
      </Button>
    </section>
  );
}

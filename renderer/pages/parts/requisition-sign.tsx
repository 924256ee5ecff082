/**
 * The parts lead's signature on a requisition, line by line (docs/DOMAIN.md §7): each line is
 * approved as asked, reduced to fewer (with a reason) or rejected (with a reason), then signed at
 * once; or the whole form is rejected with one reason. The desk checks the reasons again and says
 * which line misses one.
 */
import { App, Button, Input, InputNumber, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequisitionLineView, RequisitionView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { DialogError } from './fields';
import { LinesTable } from './requisition-lines';
import { useStepError } from './requisition-steps';

type Decision = 'approved' | 'reduced' | 'rejected';
type LineChoice = { decision: Decision; qty: number; reason: string };

/** What the lead has chosen for one line, before signing: approve, reduce to `qty`, or reject. */
function LineDecision({
  line,
  choice,
  onChange,
}: {
  line: RequisitionLineView;
  choice: LineChoice;
  onChange: (choice: LineChoice) => void;
}) {
  const { t } = useTranslation('parts');
  // One unit cannot be reduced: it is approved or rejected.
  const reducible = line.requestedQty > 1;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Radio.Group
        aria-label={t('decide.decisionOf', { part: line.partName })}
        optionType="button"
        size="small"
        value={choice.decision}
        onChange={(e) => onChange({ ...choice, decision: e.target.value as Decision })}
        options={[
          { value: 'approved', label: t('decide.approve') },
          { value: 'reduced', label: t('decide.reduce'), disabled: !reducible },
          { value: 'rejected', label: t('decide.reject') },
        ]}
      />
      {choice.decision === 'reduced' ? (
        <Space size={4}>
          <span>{t('decide.approveOnly')}</span>
          <InputNumber
            aria-label={t('requisition.approvedOf', { part: line.partName })}
            size="small"
            min={1}
            max={line.requestedQty - 1}
            precision={0}
            value={choice.qty}
            onChange={(v) => onChange({ ...choice, qty: typeof v === 'number' ? v : 1 })}
            style={{ width: 72 }}
          />
          <span>/ {line.requestedQty}</span>
        </Space>
      ) : null}
      {choice.decision !== 'approved' ? (
        <Input
          aria-label={t('decide.reasonOf', { part: line.partName })}
          placeholder={t('decide.reasonPlaceholder')}
          size="small"
          maxLength={200}
          value={choice.reason}
          onChange={(e) => onChange({ ...choice, reason: e.target.value })}
        />
      ) : null}
    </Space>
  );
}

function toInput(line: RequisitionLineView, choice: LineChoice) {
  if (choice.decision === 'approved') return { lineId: line.id, approvedQty: line.requestedQty };
  const approvedQty = choice.decision === 'rejected' ? 0 : choice.qty;
  return { lineId: line.id, approvedQty, reason: choice.reason };
}

export function SignStep({ requisition }: { requisition: RequisitionView }) {
  const { t } = useTranslation('parts');
  const { message } = App.useApp();
  const approve = useDeskMutation('parts.requisitionApprove');
  const reject = useDeskMutation('parts.requisitionReject');
  const [choices, setChoices] = useState<Record<string, LineChoice>>(() =>
    Object.fromEntries(
      requisition.lines.map((l) => [
        l.id,
        { decision: 'approved', qty: Math.max(1, l.requestedQty - 1), reason: '' } satisfies LineChoice,
      ]),
    ),
  );
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const errors = useStepError(requisition.lines);
  const rejectErrorText = useErrorText();
  const [rejectError, setRejectError] = useState<string | null>(null);

  const sign = async (): Promise<void> => {
    const lines = requisition.lines.map((l) => toInput(l, choices[l.id]!));
    const result = await approve.run({ requisitionId: requisition.id, lines });
    errors.show(
      result.ok ? null : result.error,
      lines.map((l) => l.lineId),
    );
    if (result.ok) void message.success(t(`statuses.${result.value.status}`));
  };
  const refuse = async (): Promise<void> => {
    const result = await reject.run({ requisitionId: requisition.id, reason });
    setRejectError(result.ok ? null : rejectErrorText(result.error.key));
    if (result.ok) setRejecting(false);
  };

  return (
    <>
      <LinesTable
        lines={requisition.lines}
        signing
        extra={{
          title: t('decide.decision'),
          render: (l) => (
            <LineDecision
              line={l}
              choice={choices[l.id]!}
              onChange={(choice) => {
                setChoices({ ...choices, [l.id]: choice });
                // The refusal was about the choices before this change.
                errors.show(null);
              }}
            />
          ),
        }}
      />
      {errors.banner}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={approve.pending} onClick={() => void sign()}>
          {t('decide.sign')}
        </Button>
        <Button danger onClick={() => setRejecting(true)}>
          {t('decide.rejectAll')}
        </Button>
      </Space>
      <Modal
        open={rejecting}
        title={t('requisition.rejectTitle')}
        okText={t('requisition.reject')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ danger: true, loading: reject.pending }}
        onOk={() => void refuse()}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('requisition.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          autoFocus
        />
        <DialogError message={rejectError} />
      </Modal>
    </>
  );
}

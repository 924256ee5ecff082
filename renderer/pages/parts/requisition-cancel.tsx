/**
 * Cancelling a requisition nothing was issued on yet, with a reason: the technician who asked for
 * it, or the parts lead. Once parts left the shelf it stays open and the rest is returned against it.
 */
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequisitionView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { DialogError } from './fields';

/** The same rule the handler enforces (parts.requisitionCancel); the button only mirrors it. */
export function canCancel(r: RequisitionView, staffId: string, isLead: boolean): boolean {
  const open = r.status === 'requested' || r.status === 'approved';
  const nothingIssued = r.lines.every((l) => l.issuedQty === 0);
  return open && nothingIssued && (r.requestedBy === staffId || isLead);
}

export function CancelStep({ requisition }: { requisition: RequisitionView }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const cancel = useDeskMutation('parts.requisitionCancel');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (): Promise<void> => {
    const result = await cancel.run({ requisitionId: requisition.id, reason });
    setError(result.ok ? null : errorText(result.error.key));
    if (result.ok) setOpen(false);
  };

  return (
    <>
      <Button danger style={{ marginTop: 16 }} onClick={() => setOpen(true)}>
        {t('requisition.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('requisition.cancelTitle')}
        okText={t('requisition.cancel')}
        cancelText={t('requisition.keep')}
        okButtonProps={{ danger: true, loading: cancel.pending }}
        onOk={() => void run()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('requisition.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          autoFocus
        />
        <DialogError message={error} />
      </Modal>
    </>
  );
}

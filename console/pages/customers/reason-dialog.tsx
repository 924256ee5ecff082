/** A confirmation that asks why (the reason goes to the audit log), optionally with a store code. */
import { Alert, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ReasonDialog({
  title,
  text,
  okText,
  danger,
  askStore,
  extra,
  onConfirm,
  onClose,
}: {
  title: string;
  text: string;
  okText: string;
  danger?: boolean;
  askStore?: boolean;
  /** More to choose above the reason (which customer a merge keeps). */
  extra?: ReactNode;
  /** Resolves when done; a rejection's text is shown in the dialog. */
  onConfirm: (input: { reason: string; storeCode: string }) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const [reason, setReason] = useState('');
  const [storeCode, setStoreCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = reason.trim().length >= 2 && (!askStore || /^[A-Z][A-Z0-9]{1,9}$/.test(storeCode));
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common:action.cancel')}
      okButtonProps={{ danger: danger ?? false, disabled: !ready }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        setBusy(true);
        try {
          await onConfirm({ reason: reason.trim(), storeCode });
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph>{text}</Typography.Paragraph>
      {extra}
      {askStore && (
        <>
          <label htmlFor="hq-link-store">{t('storeCode')}</label>
          <Input
            id="hq-link-store"
            value={storeCode}
            maxLength={10}
            placeholder="S012"
            onChange={(e) => setStoreCode(e.target.value.toUpperCase().trim())}
            style={{ marginBottom: 8 }}
          />
        </>
      )}
      <label htmlFor="hq-reason">{t('reason')}</label>
      <Input id="hq-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      <Typography.Text type="secondary">{t('reasonHint')}</Typography.Text>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}

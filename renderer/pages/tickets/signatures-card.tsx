/**
 * The customer's signatures on a repair, each checked against the ticket as it stands
 * (db/tickets/signature-check.ts): "matches", or "changed after signing" with what changed in
 * plain words. While the latest no longer matches, the job cannot be closed: the customer signs
 * the current form again, or a lead records why the change stands (who, when and why are kept).
 */
import { Alert, App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureView, TicketDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { formatDateTime } from '../../format/date';
import { changeText } from '../../print/form-changes';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';
import { SignAgainDialog } from './sign-again-dialog';
import { SignatureImage } from './signature-pad';

const FINAL: ReadonlyArray<string> = ['closed', 'voided'];

function SignatureState({
  signature,
  latest,
  ticket,
}: {
  signature: SignatureView;
  latest: boolean;
  ticket: TicketDetail;
}) {
  const { t, i18n } = useTranslation('tickets');
  const { t: p } = useTranslation('print');
  const acceptance = latest ? ticket.formAgreement?.acceptance : null;
  if (!signature.intact) return <Tag color="red">{t('detail.signatureBroken')}</Tag>;
  if (signature.matches) return <Tag color="green">{t('detail.signatureIntact')}</Tag>;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={acceptance ? 'orange' : 'red'}>{t('detail.signatureChanged')}</Tag>
        {!latest ? <Tag>{t('detail.signatureSuperseded')}</Tag> : null}
      </Space>
      {acceptance ? (
        <Typography.Text>
          {t('detail.signatureAccepted', {
            name: acceptance.staffName ?? '—',
            at: formatDateTime(acceptance.at, i18n.language),
            reason: acceptance.reason,
          })}
        </Typography.Text>
      ) : null}
      {signature.form.form === 'repair-service-form/1' ? (
        <Typography.Text type="secondary">{t('detail.signatureOlder')}</Typography.Text>
      ) : null}
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label={t('detail.signatureChanged')}>
        {signature.changes.map((change, i) => (
          <li key={i}>{changeText(change, p)}</li>
        ))}
      </ul>
    </Space>
  );
}

export function SignaturesCard({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const { can, staff } = useSignedIn();
  const [signing, setSigning] = useState(false);
  const [accepting, setAccepting] = useState(false);
  if (ticket.signatures.length === 0) return null;
  const open = !FINAL.includes(ticket.status);
  const changed = ticket.formAgreement?.state === 'changed';
  // Those who complete or close a repair may ask the customer to sign; the main process checks again.
  const maySign = can('tickets.work') && (can('customers.personal') || ticket.assignee?.id === staff.id);
  return (
    <Card size="small" title={t('detail.signatures')} role="region" aria-label={t('detail.signatures')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {changed && open ? (
          <Alert
            type="warning"
            showIcon
            title={t('detail.signatureChanged')}
            description={t('detail.signatureChangedHelp')}
          />
        ) : null}
        {ticket.signatures.map((s, i) => (
          <Space key={s.id} orientation="vertical" data-testid="signature" style={{ width: '100%' }}>
            <SignatureImage
              strokes={s.strokes}
              width={s.width}
              height={s.height}
              label={`${t('fields.signature')}: ${s.signerName}`}
            />
            <SignatureState signature={s} latest={i === ticket.signatures.length - 1} ticket={ticket} />
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              SHA-256 {s.formHash}
            </Typography.Text>
          </Space>
        ))}
        {ticket.formAgreement && ticket.formAgreement.state !== 'matches' && open ? (
          <Space wrap>
            {maySign ? (
              <Button type="primary" onClick={() => setSigning(true)}>
                {t('detail.signAgain')}
              </Button>
            ) : null}
            {changed && can('tickets.acceptChangedForm') ? (
              <Button onClick={() => setAccepting(true)}>{t('detail.acceptChange')}</Button>
            ) : null}
          </Space>
        ) : null}
      </Space>
      <SignAgainDialog
        ticket={ticket}
        open={signing}
        onClose={() => setSigning(false)}
        onDone={() => {
          setSigning(false);
          void message.success(t('detail.signedAgain'));
          onChanged();
        }}
      />
      <AcceptDialog
        ticket={ticket}
        open={accepting}
        onClose={() => setAccepting(false)}
        onDone={() => {
          setAccepting(false);
          void message.success(t('detail.accepted'));
          onChanged();
        }}
      />
    </Card>
  );
}

function AcceptDialog({
  ticket,
  open,
  onClose,
  onDone,
}: {
  ticket: TicketDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const accept = useDeskMutation('tickets.acceptFormChange');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    const result = await accept.run({
      ticketId: ticket.id,
      version: ticket.version,
      currentHash: ticket.formAgreement?.currentHash ?? '',
      reason,
    });
    if (result.ok) {
      setReason('');
      onDone();
    } else setError(errorText(result.error.key));
  };
  return (
    <Modal open={open} title={t('complete.acceptTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Typography.Paragraph>{t('complete.acceptIntro')}</Typography.Paragraph>
        <Form.Item label={t('complete.acceptReason')} htmlFor="accept-change-reason" required>
          <Input.TextArea
            id="accept-change-reason"
            value={reason}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} /> : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={accept.pending} disabled={reason.trim() === ''}>
            {t('complete.acceptSave')}
          </Button>
          <Button onClick={onClose}>{common('form.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

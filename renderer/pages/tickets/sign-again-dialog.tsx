/**
 * The customer signs the service form as the ticket now stands, after it changed since their last
 * signature (a part returned, a payment taken…): they read the whole form again, with the work
 * done as recorded, and sign on the pad. Bound to the form's SHA-256 like the first signature;
 * if the ticket changes while the dialog is open, the main process refuses and nothing is stored.
 */
import { Alert, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildServiceForm, canonicalJson, type TicketDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskMutation } from '../../use-desk';
import { sha256Hex } from './form-hash';
import { PAD_HEIGHT, PAD_WIDTH, SignaturePad, type Stroke } from './signature-pad';
import { SignedFormContent } from './signed-form-content';

type Props = { ticket: TicketDetail; open: boolean; onClose: () => void; onDone: () => void };

export function SignAgainDialog({ ticket, open, onClose, onDone }: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal open={open} title={t('complete.againTitle')} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      {open ? <SignAgainForm ticket={ticket} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function SignAgainForm({ ticket, onClose, onDone }: Omit<Props, 'open'>) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const signAgain = useDeskMutation('tickets.signAgain');
  const [version] = useState(ticket.version);
  const [signerName, setSignerName] = useState(ticket.signatures.at(-1)?.signerName ?? ticket.customerName);
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [hash, setHash] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hashed = useRef('');
  const source = ticket.serviceFormSource;
  const work = ticket.currentWork;
  const serviceForm =
    source && work ? buildServiceForm(source, { workDone: work.workDone, result: work.result, signerName }) : null;
  const json = serviceForm ? canonicalJson(serviceForm) : '';

  useEffect(() => {
    let current = true;
    void sha256Hex(json).then((digest) => {
      if (!current) return;
      // Another name on the form is another form: the customer signs what is shown. The first
      // hash clears nothing, so a signature drawn while it is computed stays.
      if (hashed.current !== '' && hashed.current !== digest) setStrokes([]);
      hashed.current = digest;
      setHash(digest);
    });
    return () => {
      current = false;
    };
  }, [json]);

  if (!serviceForm) return <Alert type="error" showIcon title={errorText('internal')} />;
  const submit = async () => {
    setError(null);
    const result = await signAgain.run({
      ticketId: ticket.id,
      version,
      signerName,
      formHash: hash,
      signature: { width: PAD_WIDTH, height: PAD_HEIGHT, strokes },
    });
    if (result.ok) onDone();
    else setError(errorText(result.error.key));
  };
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Form.Item label={t('fields.signerName')} htmlFor="sign-again-name" required>
        <Input id="sign-again-name" value={signerName} maxLength={40} onChange={(e) => setSignerName(e.target.value)} />
      </Form.Item>
      <section aria-label={t('complete.form')}>
        <Typography.Title level={5}>{t('complete.form')}</Typography.Title>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('queue.number')}>{serviceForm.ticketNumber}</Descriptions.Item>
          <Descriptions.Item label={t('fields.customer')}>{serviceForm.customer}</Descriptions.Item>
          <Descriptions.Item label={t('fields.model')}>{serviceForm.product}</Descriptions.Item>
          <Descriptions.Item label={t('fields.technicianId')}>{serviceForm.technician}</Descriptions.Item>
          <Descriptions.Item label={t('fields.fault')} span={2}>
            {serviceForm.fault}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.workDone')} span={2}>
            {serviceForm.workDone}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.result')} span={2}>
            {serviceForm.result}
          </Descriptions.Item>
        </Descriptions>
        <SignedFormContent form={serviceForm} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
          {t('complete.hash', { hash: hash.slice(0, 16) })}
        </Typography.Paragraph>
      </section>
      <Typography.Paragraph>{t('complete.instructions')}</Typography.Paragraph>
      <SignaturePad strokes={strokes} onChange={setStrokes} />
      {error ? <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} /> : null}
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          htmlType="submit"
          loading={signAgain.pending}
          disabled={hash === '' || strokes.length === 0 || signerName.trim() === ''}
        >
          {t('detail.signAgain')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Form>
  );
}

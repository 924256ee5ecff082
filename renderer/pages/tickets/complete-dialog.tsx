/**
 * Completing a repair (docs/DOMAIN.md §5): the technician writes what was done and the result, the
 * customer reads the service form (维修服务单) — with the parts, charges, payments and terms — and
 * signs it on the pad. The signature is bound to
 * the SHA-256 of the form's canonical JSON; changing the text after signing clears the signature,
 * because the customer would no longer have signed what is stored.
 */
import { Alert, Button, Descriptions, Form, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { buildServiceForm, canonicalJson, stepSchema, type TicketDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { FormAlert } from '../../forms/form-alert';
import { sha256Hex } from './form-hash';
import { useDeskMutation } from '../../use-desk';
import { PAD_HEIGHT, PAD_WIDTH, SignaturePad, type Stroke } from './signature-pad';
import { SignedFormContent } from './signed-form-content';
import { SpecFields, type FieldSpec, type FormValues } from './spec-fields';
import { showDeskError, validateWith } from './validate-form';

const SPECS: ReadonlyArray<FieldSpec> = [
  { name: 'workDone', kind: 'multiline', required: true, max: 2000 },
  { name: 'result', kind: 'multiline', required: true, max: 2000 },
  { name: 'signerName', kind: 'text', required: true, max: 40 },
];
const FIELDS = ['workDone', 'result', 'signerName', 'signature', 'note'];

type Props = { ticket: TicketDetail; open: boolean; onClose: () => void; onDone: (ticket: TicketDetail) => void };

export function CompleteDialog({ ticket, open, onClose, onDone }: Props) {
  const { t } = useTranslation('tickets');
  return (
    <Modal open={open} title={t('complete.title')} onCancel={onClose} footer={null} destroyOnHidden width={720}>
      {open ? <CompleteForm ticket={ticket} onClose={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function CompleteForm({ ticket, onClose, onDone }: Omit<Props, 'open'>) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const errorText = useErrorText();
  const act = useDeskMutation('tickets.act');
  const [version] = useState(ticket.version);
  const lastWork = [...ticket.timeline].reverse().find((e) => e.action === 'record_work')?.data.workDone;
  const form = useForm<FormValues>({
    defaultValues: {
      action: 'complete',
      workDone: typeof lastWork === 'string' ? lastWork : '',
      result: '',
      signerName: ticket.customerName,
      note: '',
    },
  });
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [hash, setHash] = useState('');
  const values = useWatch({ control: form.control });
  const source = ticket.serviceFormSource;
  const serviceForm = source
    ? buildServiceForm(source, {
        workDone: String(values.workDone ?? ''),
        result: String(values.result ?? ''),
        signerName: String(values.signerName ?? ''),
      })
    : null;
  const json = serviceForm ? canonicalJson(serviceForm) : '';

  useEffect(() => {
    let current = true;
    void sha256Hex(json).then((digest) => {
      if (!current) return;
      setHash(digest);
      // The form changed under the signature: the customer has to sign what is now shown.
      setStrokes([]);
    });
    return () => {
      current = false;
    };
  }, [json]);

  const submit = form.handleSubmit(async (raw) => {
    const step = validateWith(
      stepSchema,
      { ...raw, formHash: hash, signature: { width: PAD_WIDTH, height: PAD_HEIGHT, strokes } },
      form.setError,
      FIELDS,
    );
    if (!step) return;
    const result = await act.run({ ticketId: ticket.id, version, step });
    if (result.ok) onDone(result.value);
    else showDeskError(result.error, form.setError, FIELDS, 'step.');
  });

  if (!serviceForm) return <Alert type="error" showIcon title={errorText('internal')} />;
  const signatureError = form.formState.errors.signature?.message;
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        // Errors set by hand stay until cleared, and would block the next submit.
        form.clearErrors();
        void submit();
      }}
    >
      <SpecFields specs={SPECS} control={form.control} idPrefix="complete" />
      <section aria-label={t('complete.form')}>
        <Typography.Title level={5}>{t('complete.form')}</Typography.Title>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label={t('queue.number')}>{serviceForm.ticketNumber}</Descriptions.Item>
          <Descriptions.Item label={t('fields.customer')}>{serviceForm.customer}</Descriptions.Item>
          <Descriptions.Item label={t('fields.model')}>{serviceForm.product}</Descriptions.Item>
          <Descriptions.Item label={t('fields.location')}>
            {serviceForm.location ? t(`locations.${serviceForm.location as 'in_store' | 'on_site'}`) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.fault')} span={2}>
            {serviceForm.fault}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.workDone')} span={2}>
            {serviceForm.workDone}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.result')} span={2}>
            {serviceForm.result}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.technicianId')}>{serviceForm.technician}</Descriptions.Item>
          <Descriptions.Item label={t('fields.signerName')}>{serviceForm.signedBy}</Descriptions.Item>
        </Descriptions>
        <SignedFormContent form={serviceForm} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
          {t('complete.hash', { hash: hash.slice(0, 16) })}
        </Typography.Paragraph>
      </section>
      <Typography.Paragraph>{t('complete.instructions')}</Typography.Paragraph>
      <SignaturePad strokes={strokes} onChange={setStrokes} />
      {signatureError ? (
        <Alert type="error" showIcon role="alert" title={errorText(signatureError)} style={{ marginTop: 8 }} />
      ) : null}
      <FormAlert errors={form.formState.errors} />
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting} disabled={hash === ''}>
          {t('actions.complete')}
        </Button>
        <Button onClick={onClose}>{common('form.cancel')}</Button>
      </Space>
    </Form>
  );
}

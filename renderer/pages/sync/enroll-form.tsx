/** Enrolling this PC: head office's address, the one-time code, optionally a CA certificate. */
import { FileTextOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { syncEnrollSchema, type SyncEnrollInput, type SyncStatus } from '../../../db/api';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { enrollFailureText } from './enroll-failure';

const FIELDS = ['serverUrl', 'code', 'caCert'] as const;
/** Enrollment runs beside the counter and sends no event: ask for its outcome this often meanwhile. */
const WATCH_MS = 500;

export function EnrollForm({ status, refetch }: { status: SyncStatus; refetch: () => void }) {
  const { t, i18n } = useTranslation('sync');
  const enroll = useDeskMutation('sync.enroll');
  const { control, handleSubmit, setError, setValue, formState } = useForm<SyncEnrollInput>({
    resolver: zodResolver(syncEnrollSchema),
    defaultValues: { serverUrl: 'https://', code: '', caCert: '' },
  });
  const caFile = useRef<HTMLInputElement>(null);
  // The status this form saw when it sent the code: until a newer one arrives that is no longer
  // `enrolling`, the button stays busy and the old failure (if any) is hidden.
  const [sentWith, setSentWith] = useState<SyncStatus | null>(null);
  const waiting = sentWith !== null && (status === sentWith || status.state === 'enrolling');
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(refetch, WATCH_MS);
    return () => window.clearInterval(timer);
  }, [waiting, refetch]);

  const submit = handleSubmit(async (values) => {
    const result = await enroll.run(values);
    if (!result.ok) {
      applyDeskError(result.error, setError, (path): path is (typeof FIELDS)[number] =>
        (FIELDS as ReadonlyArray<string>).includes(path),
      );
      return;
    }
    setSentWith(status);
    refetch();
  });
  const loadCa = async (file: File | undefined) => {
    if (!file) return;
    setValue('caCert', await file.text(), { shouldValidate: true, shouldDirty: true });
    if (caFile.current) caFile.current.value = '';
  };
  const failure = waiting ? null : status.enrollError;
  const failureText = failure && enrollFailureText(t, failure, i18n.language);
  return (
    <section aria-labelledby="sync-enroll-title" style={{ maxWidth: 560 }}>
      <Typography.Title level={3} id="sync-enroll-title">
        {t('enroll.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('enroll.intro')}</Typography.Paragraph>
      {failureText && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('enroll.failed', { message: failureText })}
          style={{ marginBottom: 16 }}
        />
      )}
      {waiting && <Alert type="info" showIcon role="status" title={t('enroll.working')} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onSubmitCapture={(event) => void submit(event)}>
        <TextField control={control} name="serverUrl" id="sync-url" label={t('enroll.url')} required maxLength={200} />
        <TextField
          control={control}
          name="code"
          id="sync-code"
          label={t('enroll.code')}
          required
          maxLength={14}
          placeholder="ABCD-EFGH-JKLM"
        />
        <TextField
          control={control}
          name="caCert"
          id="sync-ca"
          label={t('enroll.ca')}
          kind="multiline"
          help={t('enroll.caHelp')}
        />
        {/* Inline display: none, since antd's form styles show file inputs despite `hidden`. */}
        <Form.Item>
          <input
            ref={caFile}
            type="file"
            style={{ display: 'none' }}
            accept=".pem,.crt,.cer,application/x-pem-file,application/x-x509-ca-cert"
            aria-label={t('enroll.caFile')}
            onChange={(e) => void loadCa(e.target.files?.[0])}
          />
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => caFile.current?.click()}>
            {t('enroll.caFile')}
          </Button>
        </Form.Item>
        <FormAlert errors={formState.errors} />
        <Button type="primary" htmlType="submit" loading={enroll.pending || waiting}>
          {t('enroll.submit')}
        </Button>
      </Form>
    </section>
  );
}

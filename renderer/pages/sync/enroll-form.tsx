/** Enrolling this PC: head office's address, the one-time code, optionally a CA certificate. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { syncEnrollSchema, type SyncEnrollInput } from '../../../db/api';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';

const FIELDS = ['serverUrl', 'code', 'caCert'] as const;

export function EnrollForm({ failure }: { failure: string | null }) {
  const { t } = useTranslation('sync');
  const enroll = useDeskMutation('sync.enroll');
  const { control, handleSubmit, setError, formState } = useForm<SyncEnrollInput>({
    resolver: zodResolver(syncEnrollSchema),
    defaultValues: { serverUrl: 'https://', code: '', caCert: '' },
  });
  const submit = handleSubmit(async (values) => {
    const result = await enroll.run(values);
    if (!result.ok) applyDeskError(result.error, setError, (path): path is (typeof FIELDS)[number] => (FIELDS as ReadonlyArray<string>).includes(path));
  });
  return (
    <section aria-labelledby="sync-enroll-title" style={{ maxWidth: 560 }}>
      <Typography.Title level={3} id="sync-enroll-title">
        {t('enroll.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('enroll.intro')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon role="alert" title={t('enroll.failed', { message: failure })} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onSubmitCapture={(event) => void submit(event)}>
        <TextField control={control} name="serverUrl" id="sync-url" label={t('enroll.url')} required maxLength={200} />
        <TextField control={control} name="code" id="sync-code" label={t('enroll.code')} required maxLength={14} placeholder="ABCD-EFGH-JKLM" />
        <TextField control={control} name="caCert" id="sync-ca" label={t('enroll.ca')} kind="multiline" help={t('enroll.caHelp')} />
        <FormAlert errors={formState.errors} />
        <Button type="primary" htmlType="submit" loading={enroll.pending}>
          {t('enroll.submit')}
        </Button>
      </Form>
    </section>
  );
}

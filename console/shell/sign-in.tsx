import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionAnswer } from '../../headoffice/console/contract/session';
import { api, setCsrfToken } from '../api';
import { errorText } from './error-text';
import { LanguageSwitch } from './language-switch';

type Fields = { username: string; password: string };

export function SignIn({ onSignedIn }: { onSignedIn: (answer: SessionAnswer) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<Fields>({ defaultValues: { username: '', password: '' } });

  useEffect(() => {
    api
      .get<{ csrfToken: string }>('/session/csrf')
      .then((answer) => setCsrfToken(answer.csrfToken))
      .catch((error: unknown) => setProblem(errorText(error)));
  }, [t]);

  const submit = handleSubmit(async (fields) => {
    setProblem(null);
    if (!fields.username.trim() || !fields.password) {
      setProblem(t('signIn.required'));
      return;
    }
    try {
      onSignedIn(await api.send<SessionAnswer>('POST', '/session', fields));
    } catch (error) {
      setProblem(errorText(error));
    }
  });

  return (
    <div className="hq-centre">
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('signIn.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Form layout="vertical" onSubmitCapture={(event) => void submit(event)} requiredMark={false}>
          <Form.Item label={t('signIn.username')} htmlFor="hq-username">
            <Controller
              name="username"
              control={control}
              render={({ field }) => <Input id="hq-username" autoComplete="username" autoFocus {...field} />}
            />
          </Form.Item>
          <Form.Item label={t('signIn.password')} htmlFor="hq-password">
            <Controller
              name="password"
              control={control}
              render={({ field }) => <Input.Password id="hq-password" autoComplete="current-password" {...field} />}
            />
          </Form.Item>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={formState.isSubmitting}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('signIn.firstAdmin')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

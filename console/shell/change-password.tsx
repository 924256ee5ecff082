import { App, Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../headoffice/console/contract/session';
import { api } from '../api';
import { errorText } from './error-text';

type Fields = { current: string; next: string; again: string };

export function ChangePassword({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const { control, handleSubmit, reset, formState } = useForm<Fields>({
    defaultValues: { current: '', next: '', again: '' },
  });
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const submit = handleSubmit(async ({ current, next, again }) => {
    if (next !== again) return setProblem(t('password.mismatch'));
    if (next.length < PASSWORD_MIN) return setProblem(t('password.next'));
    try {
      await api.send('POST', '/session/password', { current, next });
      void message.success(t('password.changed'));
      close();
    } catch (error) {
      setProblem(errorText(error));
    }
  });
  const field = (name: keyof Fields, label: string, autoComplete: string) => (
    <Form.Item label={label} htmlFor={`hq-pw-${name}`}>
      <Controller
        name={name}
        control={control}
        render={({ field: f }) => <Input.Password id={`hq-pw-${name}`} autoComplete={autoComplete} {...f} />}
      />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={t('password.change')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onOk={() => void submit()}
      confirmLoading={formState.isSubmitting}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical" onSubmitCapture={(event) => void submit(event)}>
        {field('current', t('password.current'), 'current-password')}
        {field('next', t('password.next'), 'new-password')}
        {field('again', t('password.again'), 'new-password')}
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Form>
    </Modal>
  );
}

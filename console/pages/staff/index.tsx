/** Head-office accounts, for administrators: add, change role or name, disable, reset a password. */
import { App, Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CONSOLE_ROLES, type ConsoleRole } from '../../../headoffice/console/contract/roles';
import type { ConsoleStaff, StaffRow } from '../../../headoffice/console/contract/session';
import { api, ApiError } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

type NewFields = { username: string; displayName: string; role: ConsoleRole; password: string };

function useProblem() {
  const { t } = useTranslation(['staff', 'common']);
  return (error: unknown) =>
    error instanceof ApiError && (error.code === 'last_admin' || error.code === 'username_taken')
      ? t(error.code)
      : errorText(error);
}

function AddAccount({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation(['staff', 'common']);
  const { message } = App.useApp();
  const describe = useProblem();
  const [problem, setProblem] = useState<string | null>(null);
  const { control, handleSubmit, reset, formState } = useForm<NewFields>({
    defaultValues: { username: '', displayName: '', role: 'auditor', password: '' },
  });
  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };
  const submit = handleSubmit(async (fields) => {
    try {
      const created = await api.send<ConsoleStaff>('POST', '/staff', fields);
      void message.success(t('created_ok', { username: created.username }));
      onAdded();
      close();
    } catch (error) {
      setProblem(describe(error));
    }
  });
  return (
    <Modal
      open={open}
      title={t('add')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      onOk={() => void submit()}
      confirmLoading={formState.isSubmitting}
      onCancel={close}
      destroyOnHidden
    >
      <Form layout="vertical" onSubmitCapture={(event) => void submit(event)}>
        <Form.Item label={t('username')} htmlFor="hq-new-username" extra={t('usernameHint')}>
          <Controller
            name="username"
            control={control}
            render={({ field }) => <Input id="hq-new-username" maxLength={32} {...field} />}
          />
        </Form.Item>
        <Form.Item label={t('displayName')} htmlFor="hq-new-name">
          <Controller
            name="displayName"
            control={control}
            render={({ field }) => <Input id="hq-new-name" maxLength={60} {...field} />}
          />
        </Form.Item>
        <Form.Item label={t('role')} htmlFor="hq-new-role">
          <Controller
            name="role"
            control={control}
            render={({ field }) => (
              <Select
                id="hq-new-role"
                {...field}
                options={CONSOLE_ROLES.map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
              />
            )}
          />
        </Form.Item>
        <Form.Item label={t('password')} htmlFor="hq-new-password">
          <Controller
            name="password"
            control={control}
            render={({ field }) => (
              <Input.Password id="hq-new-password" autoComplete="new-password" maxLength={200} {...field} />
            )}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Form>
    </Modal>
  );
}

export default function StaffPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const { message, modal } = App.useApp();
  const { staff: me } = useStaff();
  const describe = useProblem();
  const staff = useApi(() => api.get<{ rows: StaffRow[] }>('/staff'), []);
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<StaffRow | null>(null);
  const [newPassword, setNewPassword] = useState('');

  const change = async (row: StaffRow, body: Partial<{ role: ConsoleRole; disabled: boolean }>) => {
    try {
      await api.send('PATCH', `/staff/${row.id}`, body);
      void message.success(t('common:saved'));
      staff.reload();
    } catch (error) {
      void message.error(describe(error));
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('add')}
        </Button>
      </Space>
      {staff.problem && <Alert type="error" showIcon title={staff.problem} style={{ marginBottom: 12 }} />}
      <Table<StaffRow>
        rowKey="id"
        size="middle"
        loading={staff.loading}
        dataSource={staff.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('username'), dataIndex: 'username', ellipsis: { showTitle: true } },
          { title: t('displayName'), dataIndex: 'displayName', ellipsis: { showTitle: true } },
          {
            title: t('role'),
            dataIndex: 'role',
            width: 210,
            render: (role: ConsoleRole, row) => (
              <Select
                size="small"
                value={role}
                style={{ width: 190 }}
                aria-label={`${t('role')} ${row.username}`}
                onChange={(next) => void change(row, { role: next })}
                options={CONSOLE_ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
              />
            ),
          },
          {
            title: t('status'),
            dataIndex: 'disabled',
            width: 90,
            render: (disabled: boolean) =>
              disabled ? <Tag color="default">{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>,
          },
          {
            title: t('passwordChanged'),
            dataIndex: 'passwordChanged',
            width: 170,
            render: (_: unknown, row) => new Date(row.passwordChangedAt).toLocaleString(i18n.language),
          },
          {
            title: t('actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, row) => (
              <Space size="small">
                {row.disabled ? (
                  <Button size="small" onClick={() => void change(row, { disabled: false })}>
                    {t('enable')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    danger
                    disabled={row.id === me.id}
                    onClick={() =>
                      modal.confirm({
                        title: t('confirmDisable', { username: row.username }),
                        okButtonProps: { danger: true },
                        okText: t('disable'),
                        cancelText: t('common:action.cancel'),
                        onOk: () => change(row, { disabled: true }),
                      })
                    }
                  >
                    {t('disable')}
                  </Button>
                )}
                <Button size="small" onClick={() => setResetting(row)}>
                  {t('resetPassword')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AddAccount open={adding} onClose={() => setAdding(false)} onAdded={staff.reload} />
      <Modal
        open={resetting !== null}
        title={`${t('resetPassword')} · ${resetting?.username ?? ''}`}
        okText={t('common:action.save')}
        cancelText={t('common:action.cancel')}
        onCancel={() => {
          setResetting(null);
          setNewPassword('');
        }}
        onOk={async () => {
          if (!resetting) return;
          try {
            await api.send('POST', `/staff/${resetting.id}/password`, { password: newPassword });
            void message.success(t('reset_ok', { username: resetting.username }));
            setResetting(null);
            setNewPassword('');
          } catch (error) {
            void message.error(describe(error));
          }
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('newPassword')} htmlFor="hq-reset-password">
            <Input.Password
              id="hq-reset-password"
              autoComplete="new-password"
              value={newPassword}
              maxLength={200}
              onChange={(e) => setNewPassword(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

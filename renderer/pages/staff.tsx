/** Staff (admin): who works at this store, in which role, and whether they may still sign in. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSummary } from '../../db/api';
import { useErrorText } from '../forms/error-text';
import { useDeskQuery } from '../use-desk';
import { StaffCreateForm, StaffEditForm } from './staff-form';

type Editing = { kind: 'create' } | { kind: 'edit'; staff: StaffSummary };

export function StaffPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { state } = useDeskQuery('staff.list', {}, { refetchOn: ['staff.changed'] });
  const [editing, setEditing] = useState<Editing | null>(null);

  const saved = (): void => {
    void message.success(t('form.saved'));
    setEditing(null);
  };

  return (
    <section aria-labelledby="staff-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={2} id="staff-title" style={{ margin: 0 }}>
          {t('staff.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'create' })}>
          {t('staff.add')}
        </Button>
      </Space>
      {state.status === 'error' ? (
        <Alert type="error" showIcon title={errorText(state.error.key)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<StaffSummary>
        rowKey="id"
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value ?? [])]}
        pagination={false}
        columns={[
          { key: 'name', title: t('staff.name'), dataIndex: 'name' },
          { key: 'role', title: t('staff.role'), render: (_, staff) => t(`roles.${staff.role}`) },
          {
            key: 'active',
            title: t('staff.status'),
            render: (_, staff) =>
              staff.active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>,
          },
          {
            key: 'actions',
            title: t('staff.actions'),
            render: (_, staff) => (
              <Button
                aria-label={t('staff.editOf', { name: staff.name })}
                onClick={() => setEditing({ kind: 'edit', staff })}
              >
                {t('staff.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing?.kind === 'edit' ? t('staff.editTitle') : t('staff.addTitle')}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
      >
        {editing?.kind === 'create' ? <StaffCreateForm onSaved={saved} onCancel={() => setEditing(null)} /> : null}
        {editing?.kind === 'edit' ? (
          <StaffEditForm
            key={editing.staff.id}
            staff={editing.staff}
            onSaved={saved}
            onCancel={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </section>
  );
}

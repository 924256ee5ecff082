/**
 * Opening-hours templates head office offers the stores: name, opening and closing time, working
 * days. A store's admin copies one into the store's own settings at the counter; changing or
 * removing a template here changes no store's hours.
 */
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hoursTemplateSchema,
  type HoursTemplate,
  type HoursTemplateInput,
} from '../../../headoffice/console/contract/standards';
import { api } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const EMPTY: HoursTemplateInput = { name: '', opensAt: '09:00', closesAt: '21:00', workingDays: [1, 2, 3, 4, 5, 6] };

function useDays() {
  const { t } = useTranslation('hours');
  return (days: ReadonlyArray<number>) => days.map((d) => t(`day.${d}` as 'day.1')).join(' ');
}

export default function HoursTemplatesPage() {
  const { t } = useTranslation(['hours', 'common']);
  const { message, modal } = App.useApp();
  const { can } = useStaff();
  const editable = can('standards.edit');
  const days = useDays();
  const templates = useApi(() => api.get<{ rows: HoursTemplate[] }>('/standards/hours-templates'), []);
  const [editing, setEditing] = useState<HoursTemplate | 'new' | null>(null);
  const remove = (row: HoursTemplate) =>
    modal.confirm({
      title: t('confirmRemove', { name: row.name }),
      okText: t('remove'),
      okButtonProps: { danger: true },
      cancelText: t('common:action.cancel'),
      onOk: async () => {
        try {
          await api.send('DELETE', `/standards/hours-templates/${row.id}`);
          void message.success(t('removed', { name: row.name }));
          templates.reload();
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {editable && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      {templates.problem && <Alert type="error" showIcon title={templates.problem} style={{ marginBottom: 12 }} />}
      <Table<HoursTemplate>
        rowKey="id"
        size="middle"
        loading={templates.loading}
        dataSource={templates.data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('none') }}
        columns={[
          { title: t('name'), dataIndex: 'name', ellipsis: { showTitle: true } },
          { title: t('hours'), key: 'hours', width: 160, render: (_, r) => `${r.opensAt}–${r.closesAt}` },
          { title: t('workingDays'), key: 'days', render: (_, r) => days(r.workingDays) },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, r: HoursTemplate) => (
                    <Space size="small">
                      <Button size="small" onClick={() => setEditing(r)}>
                        {t('common:action.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => remove(r)}>
                        {t('remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <TemplateDialog
          template={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            templates.reload();
          }}
        />
      )}
    </>
  );
}

function TemplateDialog({
  template,
  onClose,
  onSaved,
}: {
  template: HoursTemplate | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['hours', 'common']);
  const { message } = App.useApp();
  const [fields, setFields] = useState<HoursTemplateInput>(template ?? EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const checked = hoursTemplateSchema.safeParse(fields);
  const save = async () => {
    if (!checked.success) {
      setProblem(checked.error.issues[0]?.message ?? '');
      return;
    }
    setSaving(true);
    try {
      if (template) await api.send('PUT', `/standards/hours-templates/${template.id}`, checked.data);
      else await api.send('POST', '/standards/hours-templates', checked.data);
      void message.success(t('common:saved'));
      onSaved();
    } catch (error) {
      setProblem(
        error instanceof Error && 'code' in error && error.code === 'name_taken' ? t('nameTaken') : errorText(error),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={template ? t('editTitle', { name: template.name }) : t('add')}
      okText={t('common:action.save')}
      cancelText={t('common:action.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('name')} htmlFor="hq-template-name">
          <Input
            id="hq-template-name"
            maxLength={40}
            value={fields.name}
            onChange={(e) => setFields((f) => ({ ...f, name: e.target.value }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item label={t('opensAt')} htmlFor="hq-template-opens">
            <Input
              id="hq-template-opens"
              type="time"
              value={fields.opensAt}
              onChange={(e) => setFields((f) => ({ ...f, opensAt: e.target.value }))}
            />
          </Form.Item>
          <Form.Item label={t('closesAt')} htmlFor="hq-template-closes">
            <Input
              id="hq-template-closes"
              type="time"
              value={fields.closesAt}
              onChange={(e) => setFields((f) => ({ ...f, closesAt: e.target.value }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={<span id="hq-template-days">{t('workingDays')}</span>}>
          <Checkbox.Group<number>
            aria-labelledby="hq-template-days"
            value={[...fields.workingDays]}
            onChange={(d) => setFields((f) => ({ ...f, workingDays: [...d].sort((a, b) => a - b) }))}
            options={DAYS.map((d) => ({ value: d, label: t(`day.${d}` as 'day.1') }))}
          />
        </Form.Item>
        {!checked.success && fields.name !== '' && (
          <Typography.Text type="danger">{checked.error.issues[0]?.message}</Typography.Text>
        )}
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}

/** The provider's approved template code per event, with the variables its template may use. */
import { App, Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateRow } from '../../../headoffice/console/contract/messages';
import { api, ApiError } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

const CODE = /^SMS_\d{3,20}$/;

export function TemplatesTab() {
  const { t, i18n } = useTranslation('messages');
  const { can } = useStaff();
  const { message } = App.useApp();
  const list = useApi(() => api.get<{ rows: TemplateRow[] }>('/messages/templates'), []);
  const [editing, setEditing] = useState<{ event: string; code: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = can('messages.manage');

  const save = async (event: string, code: string) => {
    setBusy(true);
    try {
      await api.send('PUT', '/messages/templates', { event, templateCode: code.trim() });
      void message.success(t('saved'));
      setEditing(null);
      list.reload();
    } catch (error) {
      const refused = error instanceof ApiError && error.message.includes('template_code_format');
      void message.error(refused ? t('template_code_format') : errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('templateHint')}
      </Typography.Paragraph>
      {list.problem && <Typography.Paragraph type="danger">{list.problem}</Typography.Paragraph>}
      <Table<TemplateRow>
        rowKey="event"
        size="small"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={false}
        tableLayout="fixed"
        columns={[
          {
            title: t('event'),
            dataIndex: 'event',
            width: 150,
            render: (event: string) => t(`event.${event}`, { defaultValue: event }),
          },
          {
            title: t('variables'),
            dataIndex: 'variables',
            width: 230,
            render: (names: string[]) => names.map((name) => `\${${name}}`).join(' '),
          },
          {
            title: t('templateCode'),
            dataIndex: 'templateCode',
            width: 260,
            render: (code: string, row) => {
              if (editing?.event !== row.event) return code || '—';
              const valid = editing.code.trim() === '' || CODE.test(editing.code.trim());
              return (
                <Space.Compact>
                  <Input
                    aria-label={`${t('templateCode')} ${t(`event.${row.event}`)}`}
                    value={editing.code}
                    maxLength={24}
                    status={valid ? undefined : 'error'}
                    placeholder="SMS_123456789"
                    onChange={(e) => setEditing({ event: row.event, code: e.target.value })}
                    onPressEnter={() => valid && void save(row.event, editing.code)}
                  />
                  <Button
                    type="primary"
                    disabled={!valid}
                    loading={busy}
                    onClick={() => void save(row.event, editing.code)}
                  >
                    {t('save')}
                  </Button>
                </Space.Compact>
              );
            },
          },
          {
            title: t('updatedBy'),
            dataIndex: 'updatedBy',
            ellipsis: { showTitle: true },
            render: (who: string | null, row) =>
              who ? `${who} · ${new Date(row.updatedAt!).toLocaleString(i18n.language)}` : '—',
          },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, row: TemplateRow) => (
                    <Space size="small">
                      <Button size="small" onClick={() => setEditing({ event: row.event, code: row.templateCode })}>
                        {t('edit')}
                      </Button>
                      {row.templateCode && (
                        <Button size="small" onClick={() => void save(row.event, '')}>
                          {t('clear')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

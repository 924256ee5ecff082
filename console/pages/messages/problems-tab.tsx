/** The messages not delivered, newest first: failed (the default), waiting or being sent. */
import { App, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROBLEM_STATUSES, type ProblemMessage, type ProblemPage } from '../../../headoffice/console/contract/messages';
import { api } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';

type Status = (typeof PROBLEM_STATUSES)[number];
type Acting = { row: ProblemMessage; action: 'retry' | 'cancel' } | null;

export function ProblemsTab() {
  const { t, i18n } = useTranslation('messages');
  const { can } = useStaff();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('failed');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [earlier, setEarlier] = useState<ProblemMessage[]>([]);
  const [acting, setActing] = useState<Acting>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const page = useApi(() => api.get<ProblemPage>('/messages/problems', { status, after, limit: 50 }), [status, after]);
  const rows = [...earlier, ...(page.data?.rows ?? [])];
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
  const errorOf = (code: string) => (code ? t(`error.${code}`, { defaultValue: code }) : '—');

  const act = async () => {
    if (!acting || reason.trim() === '') return;
    setBusy(true);
    try {
      await api.send('POST', `/messages/${encodeURIComponent(acting.row.messageId)}/${acting.action}`, { reason });
      void message.success(t('done'));
      setActing(null);
      setReason('');
      setEarlier([]);
      setAfter(undefined);
      page.reload();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('statusFilter')}</span>
        <Select<Status>
          aria-label={t('statusFilter')}
          value={status}
          style={{ width: 160 }}
          onChange={(value) => {
            setEarlier([]);
            setAfter(undefined);
            setStatus(value);
          }}
          options={PROBLEM_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
      </Space>
      {page.problem && <Typography.Paragraph type="danger">{page.problem}</Typography.Paragraph>}
      <Table<ProblemMessage>
        rowKey="messageId"
        size="small"
        loading={page.loading}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: t('none') }}
        expandable={{
          rowExpandable: (row) => row.body !== null,
          expandedRowRender: (row) => <Typography.Text>{row.body}</Typography.Text>,
        }}
        columns={[
          { title: t('time'), dataIndex: 'updatedAt', width: 160, render: (at: string) => time(at) },
          {
            title: t('store'),
            dataIndex: 'storeCode',
            width: 150,
            ellipsis: { showTitle: true },
            render: (code: string, row) => `${code} ${row.storeName}`,
          },
          {
            title: t('event'),
            dataIndex: 'event',
            width: 120,
            render: (event: string) => t(`event.${event}`, { defaultValue: event }),
          },
          { title: t('phone'), dataIndex: 'phone', width: 120 },
          { title: t('tries'), dataIndex: 'attempts', width: 90, align: 'right' },
          {
            title: t('lastError'),
            dataIndex: 'lastError',
            ellipsis: { showTitle: true },
            render: (code: string, row) =>
              row.status === 'queued' && row.nextAttemptAt ? (
                <span>
                  {errorOf(code)} · {t('nextTry')} {time(row.nextAttemptAt)}
                </span>
              ) : (
                errorOf(code)
              ),
          },
          ...(can('messages.manage')
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 190,
                  render: (_: unknown, row: ProblemMessage) => (
                    <Space size="small">
                      {row.status === 'failed' && (
                        <Button size="small" onClick={() => setActing({ row, action: 'retry' })}>
                          {t('retry')}
                        </Button>
                      )}
                      {(row.status === 'failed' || row.status === 'queued') && (
                        <Button size="small" onClick={() => setActing({ row, action: 'cancel' })}>
                          {t('cancel')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {page.data?.next && (
        <Button
          style={{ marginTop: 12 }}
          loading={page.loading}
          onClick={() => {
            setEarlier(rows);
            setAfter(page.data?.next ?? undefined);
          }}
        >
          {t('more')}
        </Button>
      )}
      <Modal
        open={acting !== null}
        title={acting?.action === 'cancel' ? t('cancelTitle') : t('retryTitle')}
        okText={acting?.action === 'cancel' ? t('cancel') : t('retry')}
        okButtonProps={{ disabled: reason.trim() === '', loading: busy }}
        onOk={() => void act()}
        onCancel={() => {
          setActing(null);
          setReason('');
        }}
        destroyOnHidden
      >
        <Input
          aria-label={t('reason')}
          placeholder={t('reasonRequired')}
          value={reason}
          maxLength={200}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </>
  );
}

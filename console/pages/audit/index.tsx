/** The audit log: every change made in the console, newest first, with what it was before and after. */
import { Button, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage, AuditRow } from '../../../headoffice/console/contract/audit';
import { api } from '../../api';
import { useApi } from '../../use-api';

type Filters = { action: string; username: string; target: string };
const FILTERS = [
  { key: 'action', label: 'filterAction', maxLength: 60 },
  { key: 'username', label: 'filterUser', maxLength: 32 },
  { key: 'target', label: 'filterTarget', maxLength: 120 },
] as const;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12 }}>
      {JSON.stringify(value, null, 1)}
    </Typography.Text>
  );
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  const [filters, setFilters] = useState<Filters>({ action: '', username: '', target: '' });
  // The filters in force (applied on Search) and the rows of the pages read before this one.
  const [applied, setApplied] = useState<Filters>(filters);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const [earlier, setEarlier] = useState<AuditRow[]>([]);
  const page = useApi(() => api.get<AuditPage>('/audit', { ...applied, before, limit: 50 }), [applied, before]);
  const rows = [...earlier, ...(page.data?.rows ?? [])];
  const search = () => {
    setEarlier([]);
    setBefore(undefined);
    setApplied({ ...filters });
  };
  const more = () => {
    setEarlier(rows);
    setBefore(rows.at(-1)?.id);
  };

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {FILTERS.map(({ key, label, maxLength }) => (
          <Input
            key={key}
            aria-label={t(label)}
            placeholder={t(label)}
            value={filters[key]}
            maxLength={maxLength}
            onChange={(event) => setFilters((f) => ({ ...f, [key]: event.target.value }))}
            onPressEnter={search}
            style={{ width: 220 }}
          />
        ))}
        <Button type="primary" onClick={search}>
          {t('common:action.search')}
        </Button>
      </Space>
      {page.problem && <Typography.Paragraph type="danger">{page.problem}</Typography.Paragraph>}
      <Table<AuditRow>
        rowKey="id"
        size="small"
        loading={page.loading}
        dataSource={rows}
        pagination={false}
        tableLayout="fixed"
        columns={[
          {
            title: t('at'),
            dataIndex: 'at',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
          { title: t('who'), dataIndex: 'username', width: 130, ellipsis: { showTitle: true } },
          { title: t('action'), dataIndex: 'action', width: 170, ellipsis: { showTitle: true } },
          { title: t('target'), dataIndex: 'target', width: 160, ellipsis: { showTitle: true } },
          { title: t('before'), dataIndex: 'before', render: (value: unknown) => <Json value={value} /> },
          { title: t('after'), dataIndex: 'after', render: (value: unknown) => <Json value={value} /> },
        ]}
      />
      {page.data?.more && (
        <Button style={{ marginTop: 12 }} onClick={more} loading={page.loading}>
          {t('common:action.more')}
        </Button>
      )}
    </>
  );
}

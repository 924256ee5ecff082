/** The chain's stores, a page at a time, each with its PCs and sync health at a glance. */
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { StorePage, StoreSummary } from '../../../headoffice/console/contract/stores';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import { HealthTag, useOffset, useWhen } from './health-tag';
import { StoreForm } from './store-form';

const PAGE_SIZE = 20;

export function StoreList() {
  const { t } = useTranslation(['stores', 'common']);
  const { can } = useStaff();
  const navigate = useNavigate();
  const when = useWhen();
  const offset = useOffset();
  const [text, setText] = useState('');
  const [query, setQuery] = useState({ q: '', status: 'all', page: 1 });
  const [adding, setAdding] = useState(false);
  const stores = useApi(() => api.get<StorePage>('/stores', { ...query, pageSize: PAGE_SIZE }), [query]);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            aria-label={t('search')}
            placeholder={t('search')}
            value={text}
            maxLength={40}
            allowClear
            onChange={(event) => setText(event.target.value)}
            onSearch={(q) => setQuery((s) => ({ ...s, q, page: 1 }))}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t('status')}
            value={query.status}
            style={{ width: 130 }}
            onChange={(status) => setQuery((s) => ({ ...s, status, page: 1 }))}
            options={(['all', 'active', 'closed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          {can('stores.manage') && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('add')}
            </Button>
          )}
        </Space>
      </Space>
      {stores.problem && <Alert type="error" showIcon title={stores.problem} style={{ marginBottom: 12 }} />}
      <Table<StoreSummary>
        rowKey="code"
        size="middle"
        loading={stores.loading}
        dataSource={stores.data?.stores ?? []}
        tableLayout="fixed"
        pagination={{
          current: query.page,
          pageSize: PAGE_SIZE,
          total: stores.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (page) => setQuery((s) => ({ ...s, page })),
        }}
        onRow={(store) => ({ onDoubleClick: () => void navigate(`/stores/${store.code}`) })}
        columns={[
          {
            title: t('code'),
            dataIndex: 'code',
            width: 120,
            render: (code: string) => <Link to={`/stores/${code}`}>{code}</Link>,
          },
          {
            title: t('name'),
            dataIndex: 'name',
            ellipsis: { showTitle: true },
            render: (name: string, store) => (store.status === 'closed' ? `${name}（${t('status.closed')}）` : name),
          },
          {
            title: t('health'),
            dataIndex: 'health',
            width: 110,
            render: (_: unknown, s) => <HealthTag health={s.health} />,
          },
          {
            title: t('pcs'),
            key: 'pcs',
            width: 190,
            render: (_: unknown, s) =>
              t('pcsCount', { active: s.activePcs }) +
              (s.revokedPcs > 0 ? t('pcsRevoked', { revoked: s.revokedPcs }) : ''),
          },
          { title: t('lastSync'), dataIndex: 'lastSyncAt', width: 150, render: (at: string | null) => when(at) },
          { title: t('pending'), dataIndex: 'pendingChanges', width: 80, align: 'right' },
          { title: t('refused'), dataIndex: 'refusedRecently', width: 110, align: 'right' },
          {
            title: t('clock'),
            dataIndex: 'worstClockOffsetMs',
            width: 120,
            render: (ms: number | null) => offset(ms),
          },
        ]}
      />
      <StoreForm
        editing={null}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(store) => {
          setAdding(false);
          void navigate(`/stores/${store.code}`);
        }}
      />
    </>
  );
}

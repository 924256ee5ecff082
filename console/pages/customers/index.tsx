/**
 * Customers at head office: find one by part of a phone or a name (masked unless the role may
 * unmask and asks), open their file to see and change which stores reach them, and review likely
 * duplicates across stores.
 */
import { Alert, Button, Input, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerPage, CustomerSummary } from '../../../headoffice/console/contract/customers';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import { CustomerFile } from './customer-file';
import { Duplicates } from './duplicates';

function Search({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation(['customers', 'common']);
  const { can } = useStaff();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [unmask, setUnmask] = useState(false);
  const found = useApi(
    () => (query ? api.get<CustomerPage>('/customers', { q: query, unmask: unmask ? 1 : 0 }) : Promise.resolve(null)),
    [query, unmask],
  );
  return (
    <>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('search')}
          value={text}
          maxLength={40}
          enterButton={t('common:action.search')}
          onChange={(event) => setText(event.target.value)}
          onSearch={(q) => setQuery(q.trim())}
          style={{ width: 380 }}
        />
        {can('customers.unmask') && (
          <label>
            <Switch size="small" checked={unmask} onChange={setUnmask} /> {t('unmask')}
          </label>
        )}
      </div>
      {found.problem && <Alert type="error" showIcon title={found.problem} style={{ marginBottom: 12 }} />}
      {query && (
        <Table<CustomerSummary>
          rowKey="id"
          size="middle"
          tableLayout="fixed"
          loading={found.loading}
          dataSource={found.data?.customers ?? []}
          locale={{ emptyText: t('noMatch') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(c) => ({ onDoubleClick: () => onOpen(c.id) })}
          columns={[
            { title: t('name'), dataIndex: 'name', width: 160, ellipsis: { showTitle: true } },
            {
              title: t('phones'),
              dataIndex: 'phones',
              ellipsis: { showTitle: true },
              render: (phones: string[]) => phones.join('，') || '—',
            },
            {
              title: t('stores'),
              dataIndex: 'stores',
              width: 220,
              ellipsis: { showTitle: true },
              render: (stores: string[]) => stores.join(', ') || '—',
            },
            {
              title: '',
              key: 'open',
              width: 90,
              render: (_: unknown, c) => (
                <Button size="small" onClick={() => onOpen(c.id)}>
                  {t('open')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {found.data?.masked && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('masked')}
        </Typography.Paragraph>
      )}
    </>
  );
}

export default function CustomersPage() {
  const { t } = useTranslation(['customers', 'common']);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'search', label: t('tab.search'), children: <Search onOpen={setOpen} /> },
          { key: 'duplicates', label: t('tab.duplicates'), children: <Duplicates onOpen={setOpen} /> },
        ]}
      />
      {open && <CustomerFile key={open} id={open} onClose={() => setOpen(null)} onOpen={setOpen} />}
    </>
  );
}

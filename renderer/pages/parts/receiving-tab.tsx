/** Receiving: goods receipts (open ones first to inspect and close) and returns to supplier with their steps. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptSummary } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { partsHref } from './route';
import { ReceiptDrawer } from './receipt-detail';
import { ReceiptFormDrawer } from './receipt-form';
import { SupplierReturnsList } from './supplier-returns-list';

export function ReceivingTab({ openId }: { openId: string | null }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [creating, setCreating] = useState(false);
  const { state } = useDeskQuery('parts.receipts', { status }, { refetchOn: ['parts.changed'] });

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<'open' | 'closed'>
          aria-label={t('receipt.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'open', label: t('receipt.open') },
            { value: 'closed', label: t('receipt.closed') },
          ]}
        />
        {can('parts.receive') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('receipt.new')}
          </Button>
        ) : null}
      </Space>
      <Table<ReceiptSummary>
        rowKey="id"
        size="middle"
        aria-label={t('receipt.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value?.items ?? [])]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('receipt.number'),
            render: (_, r) => (
              <a href={partsHref('receiving', r.id)} aria-label={t('receipt.openOf', { number: r.number })}>
                {r.number}
              </a>
            ),
          },
          { key: 'supplier', title: t('receipt.supplier'), dataIndex: 'supplierName' },
          { key: 'ref', title: t('receipt.supplierRef'), dataIndex: 'supplierRef' },
          { key: 'date', title: t('receipt.receivedOn'), dataIndex: 'receivedOn' },
          { key: 'lines', title: t('receipt.lines'), dataIndex: 'lineCount', align: 'right' },
          {
            key: 'status',
            title: t('receipt.status'),
            render: (_, r) =>
              r.status === 'open' ? <Tag color="blue">{t('receipt.open')}</Tag> : <Tag>{t('receipt.closed')}</Tag>,
          },
        ]}
      />
      <SupplierReturnsList />
      <ReceiptDrawer receiptId={openId} onClose={() => (window.location.hash = partsHref('receiving'))} />
      <ReceiptFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(receipt) => {
          void message.success(receipt.number);
          setCreating(false);
          setStatus('open');
          window.location.hash = partsHref('receiving', receipt.id);
        }}
      />
    </>
  );
}

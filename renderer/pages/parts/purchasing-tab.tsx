/**
 * Purchasing (采购): purchase orders by status, a new one by hand, the store's approval limit (the
 * manager sets it) and each supplier's record over a period. Drafts from the reorder list are made
 * on the Reports tab and land here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderShown, PurchaseOrderSummary } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatFen } from './format';
import { PurchaseOrderDrawer } from './purchasing-order-detail';
import { PurchaseOrderFormDrawer } from './purchasing-order-form';
import { PurchaseSettingsCard, SupplierRecordCard } from './purchasing-record';
import { partsHref } from './route';
import { STATUS_COLOR } from './purchasing-status';

type Filter = 'all' | 'draft' | 'awaiting_approval' | 'receiving' | 'done';
const FILTERS: ReadonlyArray<Filter> = ['all', 'draft', 'awaiting_approval', 'receiving', 'done'];

function shows(filter: Filter, status: PurchaseOrderShown): boolean {
  if (filter === 'all') return true;
  if (filter === 'receiving') return status === 'approved' || status === 'partly_received';
  if (filter === 'done') return status === 'received' || status === 'closed_short' || status === 'cancelled';
  return status === filter;
}

export function PurchasingTab({ openId }: { openId: string | null }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [creating, setCreating] = useState(false);
  const { state } = useDeskQuery('parts.purchaseOrders', { limit: 500 }, { refetchOn: ['parts.changed'] });
  const items = (state.value?.items ?? []).filter((order) => shows(filter, order.status));
  const label = (f: Filter): string =>
    f === 'all'
      ? t('purchasing.all')
      : f === 'receiving'
        ? t('purchasing.statuses.approved')
        : f === 'done'
          ? t('purchasing.done')
          : t(`purchasing.statuses.${f}`);

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Filter>
          aria-label={t('purchasing.status')}
          value={filter}
          onChange={setFilter}
          options={FILTERS.map((f) => ({ value: f, label: label(f) }))}
        />
        {can('parts.order') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('purchasing.new')}
          </Button>
        ) : null}
      </Space>
      <Table<PurchaseOrderSummary>
        rowKey="id"
        size="middle"
        aria-label={t('purchasing.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={items}
        locale={{ emptyText: t('purchasing.nothing') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('purchasing.number'),
            render: (_, o) => (
              <a href={partsHref('purchasing', o.id)} aria-label={t('purchasing.openOf', { number: o.number })}>
                {o.number}
              </a>
            ),
          },
          { key: 'supplier', title: t('purchasing.supplier'), dataIndex: 'supplierName' },
          { key: 'contract', title: t('purchasing.contractNo'), dataIndex: 'contractNo' },
          { key: 'expected', title: t('purchasing.expectedOn'), dataIndex: 'expectedOn' },
          { key: 'total', title: t('purchasing.total'), align: 'right', render: (_, o) => formatFen(o.totalFen) },
          { key: 'open', title: t('purchasing.openQty'), align: 'right', dataIndex: 'openQty' },
          {
            key: 'status',
            title: t('purchasing.status'),
            render: (_, o) => <Tag color={STATUS_COLOR[o.status]}>{t(`purchasing.statuses.${o.status}`)}</Tag>,
          },
        ]}
      />
      <SupplierRecordCard />
      <PurchaseSettingsCard />
      <PurchaseOrderDrawer orderId={openId} onClose={() => (window.location.hash = partsHref('purchasing'))} />
      <PurchaseOrderFormDrawer
        open={creating}
        order={null}
        onClose={() => setCreating(false)}
        onSaved={(order) => {
          void message.success(t('purchasing.created', { number: order.number }));
          setCreating(false);
          window.location.hash = partsHref('purchasing', order.id);
        }}
      />
    </>
  );
}

/**
 * Requisition forms: technicians see and start their own, the parts lead those waiting for a
 * signature, clerks those waiting to be issued.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUISITION_FILTERS, type RequisitionFilter, type RequisitionSummary } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatTime } from './format';
import { partsHref } from './route';
import { RequisitionDrawer, StatusTag } from './requisition-detail';
import { LinesSummary } from './requisition-lines';
import { RequisitionFormDrawer } from './requisition-form';

export function RequisitionsTab({ openId }: { openId: string | null }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const defaultFilter: RequisitionFilter = can('parts.approve')
    ? 'requested'
    : can('parts.issue')
      ? 'approved'
      : 'open';
  const [filter, setFilter] = useState<RequisitionFilter>(defaultFilter);
  const [mine, setMine] = useState(can('parts.request') && !can('parts.issue'));
  const [creating, setCreating] = useState(false);
  const { state } = useDeskQuery('parts.requisitions', { filter, mine }, { refetchOn: ['parts.changed'] });

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="requisition-filter">{t('requisition.filter')}</label>
        <Select<RequisitionFilter>
          id="requisition-filter"
          value={filter}
          onChange={setFilter}
          options={REQUISITION_FILTERS.map((f) => ({ value: f, label: t(`requisition.filters.${f}`) }))}
          style={{ width: 160 }}
          virtual={false}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('requisition.mine')}
        </Checkbox>
        {can('parts.request') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('requisition.new')}
          </Button>
        ) : null}
      </Space>
      <Table<RequisitionSummary>
        rowKey="id"
        size="middle"
        aria-label={t('requisition.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value?.items ?? [])]}
        locale={{ emptyText: t('requisition.none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('requisition.number'),
            render: (_, r) => (
              <a href={partsHref('requisitions', r.id)} aria-label={t('requisition.openOf', { number: r.number })}>
                {r.number}
              </a>
            ),
          },
          { key: 'ticket', title: t('requisition.ticket'), dataIndex: 'ticketNumber' },
          {
            key: 'lines',
            title: t('requisition.lines'),
            render: (_, r) => <LinesSummary lines={r.lines} />,
          },
          { key: 'by', title: t('requisition.requestedBy'), render: (_, r) => r.requestedByName ?? '' },
          { key: 'at', title: t('requisition.requestedAt'), render: (_, r) => formatTime(r.requestedAt) },
          { key: 'status', title: t('requisition.status'), render: (_, r) => <StatusTag status={r.status} /> },
        ]}
      />
      <RequisitionDrawer requisitionId={openId} onClose={() => (window.location.hash = partsHref('requisitions'))} />
      <RequisitionFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(requisition) => {
          void message.success(requisition.number);
          setCreating(false);
          window.location.hash = partsHref('requisitions', requisition.id);
        }}
      />
    </>
  );
}

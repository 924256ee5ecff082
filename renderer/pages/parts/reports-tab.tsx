/** Reports: what to reorder (exportable to Excel), slow-moving stock, and stock below zero. */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NegativeLine, ReorderLine, SlowLine } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { formatFen, formatTime } from './format';
import { PurchaseFromReorderButton } from './purchasing-from-reorder';
import { saveReorderXlsx } from './reorder-xlsx';
import { SlowStockActions } from './slow-stock-actions';

export function ReportsTab() {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <NegativeReport />
      <ReorderReport />
      <SlowReport />
    </Space>
  );
}

function ReorderReport() {
  const { t } = useTranslation('parts');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { state } = useDeskQuery('parts.reorderList', {}, { refetchOn: ['parts.changed'] });
  const list = state.value;
  // Ticked lines become purchase orders; all of them until the lead unticks some.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const ticked = (list?.items ?? []).filter((line) => !unticked.has(line.partId));
  const exportIt = async (): Promise<void> => {
    if (!list) return;
    const file = await saveReorderXlsx(list, {
      supplier: t('reports.supplier'),
      phone: t('supplier.phone'),
      partNo: t('part.partNo'),
      name: t('part.name'),
      spec: t('part.spec'),
      unit: t('part.unit'),
      onHand: t('part.onHand'),
      demand: t('reports.demand'),
      onOrder: t('reports.onOrder'),
      level: t('reports.level'),
      suggested: t('reports.suggested'),
      unitCost: t('part.cost'),
      amount: t('reports.amount'),
      total: t('reports.total'),
    });
    void message.success(t('reports.exported', { file }));
  };
  return (
    <section aria-labelledby="reorder-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} id="reorder-title" style={{ margin: 0 }}>
          {t('reports.reorder')}
        </Typography.Title>
        <Space>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            disabled={!list || list.items.length === 0}
            onClick={() => void exportIt()}
          >
            {t('reports.export')}
          </Button>
          <PurchaseFromReorderButton lines={ticked} />
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('reports.reorderHint')}</Typography.Paragraph>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <Table<ReorderLine>
        rowKey="partId"
        size="small"
        aria-label={t('reports.reorder')}
        loading={state.status === 'loading' && !list}
        dataSource={[...(list?.items ?? [])]}
        locale={{ emptyText: t('reports.nothing') }}
        pagination={false}
        rowSelection={{
          selectedRowKeys: ticked.map((line) => line.partId),
          onChange: (keys) =>
            setUnticked(new Set((list?.items ?? []).map((l) => l.partId).filter((id) => !keys.includes(id)))),
        }}
        columns={[
          { key: 'supplier', title: t('reports.supplier'), render: (_, l) => l.supplierName ?? '' },
          { key: 'part', title: t('part.name'), render: (_, l) => `${l.partNo} ${l.name}` },
          { key: 'onHand', title: t('part.onHand'), align: 'right', dataIndex: 'onHand' },
          { key: 'demand', title: t('reports.demand'), align: 'right', dataIndex: 'demand' },
          { key: 'onOrder', title: t('reports.onOrder'), align: 'right', dataIndex: 'onOrder' },
          { key: 'level', title: t('reports.level'), align: 'right', dataIndex: 'reorderLevel' },
          {
            key: 'suggested',
            title: t('reports.suggested'),
            align: 'right',
            render: (_, l) => `${l.suggestedQty} ${l.unit}`,
          },
          { key: 'amount', title: t('reports.amount'), align: 'right', render: (_, l) => formatFen(l.amountFen) },
        ]}
        summary={() =>
          list && list.items.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={7}>
                {t('reports.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {formatFen(list.totalFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </section>
  );
}

function SlowReport() {
  const { t } = useTranslation('parts');
  const [days, setDays] = useState(90);
  const debounced = useDebounced(days, 300);
  const { state } = useDeskQuery('parts.slowMoving', { days: debounced }, { refetchOn: ['parts.changed'] });
  const list = state.value;
  return (
    <section aria-labelledby="slow-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} id="slow-title" style={{ margin: 0 }}>
          {t('reports.slow')}
        </Typography.Title>
        <Space>
          <label htmlFor="slow-days">{t('reports.days')}</label>
          <InputNumber
            id="slow-days"
            min={1}
            max={3650}
            precision={0}
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : 90)}
          />
        </Space>
      </Space>
      <Table<SlowLine>
        rowKey="partId"
        size="small"
        aria-label={t('reports.slow')}
        loading={state.status === 'loading' && !list}
        dataSource={[...(list?.items ?? [])]}
        locale={{ emptyText: t('reports.nothing') }}
        pagination={false}
        columns={[
          { key: 'part', title: t('part.name'), render: (_, l) => `${l.partNo} ${l.name}` },
          { key: 'onHand', title: t('part.onHand'), align: 'right', render: (_, l) => `${l.onHand} ${l.unit}` },
          {
            key: 'last',
            title: t('reports.lastIssue'),
            render: (_, l) =>
              l.lastIssueAt ? formatTime(l.lastIssueAt) : t('reports.never', { date: l.inStockSince ?? '' }),
          },
          { key: 'idle', title: t('reports.idle'), align: 'right', dataIndex: 'idleDays' },
          { key: 'value', title: t('reports.value'), align: 'right', render: (_, l) => formatFen(l.valueFen) },
          { key: 'actions', title: t('clearance.actions'), render: (_, l) => <SlowStockActions line={l} /> },
        ]}
        summary={() =>
          list && list.items.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('reports.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {formatFen(list.totalFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </section>
  );
}

function NegativeReport() {
  const { t } = useTranslation('parts');
  const { state } = useDeskQuery('parts.negativeStock', {}, { refetchOn: ['parts.changed'] });
  const items = state.value?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="negative-title">
      <Typography.Title level={4} id="negative-title" style={{ marginTop: 0 }}>
        {t('reports.negative')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('reports.negativeHint')} style={{ marginBottom: 8 }} />
      <Table<NegativeLine>
        rowKey={(l) => `${l.partId}-${l.locationCode}`}
        size="small"
        aria-label={t('reports.negative')}
        dataSource={[...items]}
        pagination={false}
        columns={[
          { key: 'part', title: t('part.name'), render: (_, l) => `${l.partNo} ${l.name}` },
          { key: 'location', title: t('history.location'), dataIndex: 'locationCode' },
          {
            key: 'onHand',
            title: t('part.onHand'),
            align: 'right',
            render: (_, l) => <strong style={{ color: '#cf1322' }}>{l.onHand}</strong>,
          },
          { key: 'last', title: t('reports.lastMovement'), render: (_, l) => formatTime(l.lastMovementAt) },
        ]}
      />
    </section>
  );
}

/**
 * Returns to supplier on the Receiving tab: each with its step, the next step's button for whoever
 * may take it, and the printed return note. A shipped return waiting long for its credit stands out.
 */
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierReturnView } from '../../../db/api';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatFen, formatTime } from './format';
import { ReturnStepDialog, type ReturnStep } from './supplier-return-dialogs';

type Filter = 'all' | SupplierReturnView['status'];

const STEP_COLOR: Record<SupplierReturnView['status'], string | undefined> = {
  created: 'blue',
  shipped: 'gold',
  credited: 'green',
  cancelled: undefined,
};

export function SupplierReturnsList() {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [acting, setActing] = useState<{ step: ReturnStep; record: SupplierReturnView } | null>(null);
  const { state } = useDeskQuery('parts.supplierReturns', filter === 'all' ? {} : { status: filter }, {
    refetchOn: ['parts.changed'],
  });

  const stepButtons = (r: SupplierReturnView) => {
    const offered: Array<{ step: ReturnStep; allowed: boolean }> = [
      { step: 'ship', allowed: r.status === 'created' && can('parts.receive') },
      { step: 'credit', allowed: r.status === 'shipped' && can('parts.approve') },
      { step: 'cancel', allowed: r.status === 'created' && r.source === 'stock' && can('parts.approve') },
    ];
    return offered
      .filter((o) => o.allowed)
      .map(({ step }) => (
        <Button
          key={step}
          size="small"
          danger={step === 'cancel'}
          onClick={() => setActing({ step, record: r })}
          aria-label={`${t(`returns.${step}`)} ${r.number}`}
        >
          {t(`returns.${step}`)}
        </Button>
      ));
  };

  return (
    <section aria-labelledby="returns-title">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginTop: 24, marginBottom: 8 }}>
        <Typography.Title level={4} id="returns-title" style={{ margin: 0 }}>
          {t('supplierReturn.list')}
        </Typography.Title>
        <Segmented<Filter>
          aria-label={t('returns.filter')}
          value={filter}
          onChange={setFilter}
          options={(['all', 'created', 'shipped', 'credited', 'cancelled'] as const).map((value) => ({
            value,
            label: t(`returns.${value}`),
          }))}
        />
      </Space>
      <Table<SupplierReturnView>
        rowKey="id"
        size="small"
        aria-label={t('supplierReturn.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value?.items ?? [])]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('supplierReturn.number'),
            render: (_, r) => (
              <>
                <div>{r.number}</div>
                <Typography.Text type="secondary">{formatTime(r.createdAt)}</Typography.Text>
              </>
            ),
          },
          { key: 'supplier', title: t('receipt.supplier'), dataIndex: 'supplierName' },
          {
            key: 'source',
            title: t('supplierReturn.source'),
            render: (_, r) => (
              <>
                <div>{`${t(`supplierReturn.${r.source}`)}${r.receipt ? ` · ${r.receipt.number}` : ''}`}</div>
                {r.agreementRef ? <div>{t('returns.agreement', { ref: r.agreementRef })}</div> : null}
                {r.source === 'stock' && r.reason ? (
                  <Typography.Text type="secondary">{r.reason}</Typography.Text>
                ) : null}
              </>
            ),
          },
          {
            key: 'lines',
            title: t('supplierReturn.lines'),
            render: (_, r) =>
              r.lines
                .map((l) => `${l.partNo} ×${l.qty}${l.reason && r.source === 'inspection' ? ` (${l.reason})` : ''}`)
                .join('; '),
          },
          { key: 'value', title: t('returns.value'), align: 'right', render: (_, r) => formatFen(r.valueFen) },
          { key: 'step', title: t('returns.step'), render: (_, r) => <StepCell record={r} /> },
          {
            key: 'actions',
            title: t('returns.actions'),
            render: (_, r) => (
              <Space wrap size="small">
                {stepButtons(r)}
                <PrintButton form="supplier-return" subjectId={r.id} size="small" />
              </Space>
            ),
          },
        ]}
      />
      <ReturnStepDialog
        step={acting?.step ?? null}
        record={acting?.record ?? null}
        onClose={() => setActing(null)}
        onDone={(view) => {
          setActing(null);
          void message.success(t('returns.done', { number: view.number, step: t(`returns.${view.status}`) }));
        }}
      />
    </section>
  );
}

function StepCell({ record: r }: { record: SupplierReturnView }) {
  const { t } = useTranslation('parts');
  return (
    <Space direction="vertical" size={2}>
      <Tag color={STEP_COLOR[r.status]}>{t(`returns.${r.status}`)}</Tag>
      {r.shipped ? (
        <Typography.Text type="secondary">
          {t('returns.shippedLine', {
            on: r.shipped.on,
            carrier: r.shipped.carrier,
            waybill: r.shipped.waybillNo,
            name: r.shipped.byName ?? '',
          })}
        </Typography.Text>
      ) : null}
      {r.waitingDays !== null ? (
        r.creditOverdue ? (
          <Tag color="error">{t('returns.overdue', { days: r.waitingDays })}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('returns.waiting', { days: r.waitingDays })}</Typography.Text>
        )
      ) : null}
      {r.credited ? (
        <Typography.Text type="secondary">
          {t('returns.creditedLine', {
            no: r.credited.creditNoteNo,
            amount: formatFen(r.credited.creditFen),
            name: r.credited.byName ?? '',
          })}
        </Typography.Text>
      ) : null}
      {r.cancelled && r.status === 'cancelled' ? (
        <Typography.Text type="secondary">
          {t('returns.cancelledLine', { reason: r.cancelled.reason, name: r.cancelled.byName ?? '' })}
        </Typography.Text>
      ) : null}
      {/* Shipped on one PC, cancelled on another while both were offline: the shipment stands. */}
      {r.cancelled && r.status !== 'cancelled' ? (
        <Typography.Text type="warning">
          {t('returns.cancelOverruled', { reason: r.cancelled.reason, name: r.cancelled.byName ?? '' })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

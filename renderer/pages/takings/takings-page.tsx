/**
 * Today's takings (今日收款) for the shift hand-over: what came in and went out per payment method,
 * per counter PC and per staff member, over one day of the store, with every entry; and the A4
 * hand-over sheet to print and sign. Any day can be looked back at.
 */
import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type TakingsPayment, type TakingsTotals } from '../../../db/api';
import { formatDateTime, todayIso } from '../../format/date';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useDeskQuery } from '../../use-desk';
import { formatFen } from '../parts/format';
import { ContentLoading } from '../../shell/page-loading';

type Row = TakingsTotals & { key: string; label: string; mine?: boolean };

function TotalsTable({ rows, first, label }: { rows: ReadonlyArray<Row>; first: string; label: string }) {
  const { t } = useTranslation('charges');
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={[...rows]}
      locale={{ emptyText: t('takings.none') }}
      aria-label={label}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'label',
          title: first,
          render: (_, row) => (
            <Space size={4}>
              {row.label}
              {row.mine ? <Tag>{t('takings.thisCounter')}</Tag> : null}
            </Space>
          ),
        },
        ...PAYMENT_METHODS.map((m) => ({
          key: m,
          title: t(`methods.${m}`),
          align: 'right' as const,
          render: (_: unknown, row: Row) => formatFen(row.byMethod[m]),
        })),
        {
          key: 'refunded',
          title: t('takings.refunded'),
          align: 'right',
          render: (_, row) => formatFen(row.refundedFen),
        },
        {
          key: 'net',
          title: t('takings.net'),
          align: 'right',
          render: (_, row) => <strong>{formatFen(row.netFen)}</strong>,
        },
        { key: 'count', title: t('takings.count'), align: 'right', render: (_, row) => row.count },
      ]}
    />
  );
}

export function TakingsPage() {
  const { t } = useTranslation('charges');
  const errorText = useErrorText();
  const [date, setDate] = useState(() => todayIso());
  const { state } = useDeskQuery('charges.takings', { date }, { refetchOn: ['charges.changed', 'tickets.changed'] });
  const takings = state.value?.date === date ? state.value : undefined;

  return (
    <section aria-labelledby="takings-title">
      <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={2} id="takings-title" style={{ margin: 0 }}>
          {t('takings.title')}
        </Typography.Title>
        <Space wrap>
          <DateInput aria-label={t('takings.date')} value={date} onChange={(value) => value && setDate(value)} />
          <PrintButton form="takings-handover" subjectId={date} />
        </Space>
      </Space>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {takings ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('takings.total')} role="region" aria-label={t('takings.total')}>
            <Row gutter={[16, 16]}>
              {PAYMENT_METHODS.map((m) => (
                <Col key={m} xs={12} md={8} xl={4}>
                  <Statistic title={t(`methods.${m}`)} value={formatFen(takings.total.byMethod[m])} />
                </Col>
              ))}
              <Col xs={12} md={8} xl={4}>
                <Statistic
                  data-testid="takings-net"
                  title={t('takings.net')}
                  value={formatFen(takings.total.netFen)}
                  styles={{ content: { fontWeight: 600 } }}
                />
              </Col>
            </Row>
            <Typography.Text type="secondary">
              {t('takings.received')} {formatFen(takings.total.receivedFen)} · {t('takings.refunded')}{' '}
              {formatFen(takings.total.refundedFen)} · {t('takings.count')} {takings.total.count} ·{' '}
              {t('takings.timeZone', { zone: takings.timeZone })}
            </Typography.Text>
          </Card>
          <Card size="small" title={t('takings.byDevice')} role="region" aria-label={t('takings.byDevice')}>
            <TotalsTable
              label={t('takings.byDevice')}
              first={t('columns.counter')}
              rows={takings.byDevice.map((d) => ({
                ...d,
                key: d.deviceId,
                label: d.deviceId,
                mine: d.deviceId === takings.thisDevice,
              }))}
            />
          </Card>
          <Card size="small" title={t('takings.byStaff')} role="region" aria-label={t('takings.byStaff')}>
            <TotalsTable
              label={t('takings.byStaff')}
              first={t('columns.by')}
              rows={takings.byStaff.map((s) => ({
                ...s,
                key: s.staffId ?? '-',
                label: s.name ?? t('takings.unknownStaff'),
              }))}
            />
          </Card>
          <Card size="small" title={t('takings.list')} role="region" aria-label={t('takings.list')}>
            <Table<TakingsPayment>
              size="small"
              rowKey="id"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={[...takings.payments]}
              locale={{ emptyText: t('takings.none') }}
              aria-label={t('takings.list')}
              columns={[
                { key: 'time', title: t('columns.time'), render: (_, p) => formatDateTime(p.takenAt) },
                { key: 'ticket', title: t('takings.ticket'), dataIndex: 'ticketNumber' },
                { key: 'kind', title: t('columns.kind'), render: (_, p) => t(`paymentKinds.${p.kind}`) },
                { key: 'method', title: t('columns.method'), render: (_, p) => t(`methods.${p.method}`) },
                {
                  key: 'amount',
                  title: t('columns.amount'),
                  align: 'right',
                  render: (_, p) => formatFen(p.kind === 'refund' ? -p.amountFen : p.amountFen),
                },
                { key: 'counter', title: t('columns.counter'), dataIndex: 'deviceId' },
                { key: 'by', title: t('columns.by'), render: (_, p) => p.takenByName ?? t('takings.unknownStaff') },
              ]}
            />
            {takings.more ? <Typography.Text type="secondary">{t('takings.more')}</Typography.Text> : null}
          </Card>
        </Space>
      ) : state.status === 'loading' ? (
        <ContentLoading rows={8} />
      ) : null}
    </section>
  );
}

/**
 * A repair's or after-sales request's money on its page (收费): the charge lines (covered ones as
 * 保修 at ¥0.00), the payments, and the balance due in large type. Buttons show only what the
 * signed-in role may do; the main process refuses the rest anyway (db/charges/methods.ts).
 */
import { App, Button, Card, Descriptions, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeLineView, PaymentView, TicketCharges } from '../../../db/api';
import { formatDateTime } from '../../format/date';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { desk } from '../../desk';
import { useDeskQuery } from '../../use-desk';
import { formatFen } from '../parts/format';
import { ChargesDialogs, type ChargesDialog } from './charges-dialogs';

const METHOD_OF_DIALOG = {
  labour: 'charges.addLabour',
  discount: 'charges.addDiscount',
  deposit: 'charges.take',
  payment: 'charges.take',
  refund: 'charges.refund',
  void: 'charges.voidLine',
} as const;

export function ChargesSection({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('charges');
  const errorText = useErrorText();
  const { state, refetch } = useDeskQuery(
    'charges.summary',
    { ticketId },
    { refetchOn: ['charges.changed', 'parts.changed', 'tickets.changed'] },
  );
  const charges = state.value?.ticketId === ticketId ? state.value : undefined;
  return (
    <Card size="small" title={t('title')} role="region" aria-label={t('title')} data-section="charges">
      {charges ? (
        <ChargesBody charges={charges} onSaved={refetch} />
      ) : state.status === 'error' ? (
        <Typography.Text type="danger">{errorText(state.error.key)}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('loading')}</Typography.Text>
      )}
    </Card>
  );
}

function ChargesBody({ charges, onSaved }: { charges: TicketCharges; onSaved: () => void }) {
  const { t } = useTranslation('charges');
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const [dialog, setDialog] = useState<ChargesDialog | null>(null);
  const take = can('charges.take');

  const lineColumns = [
    {
      key: 'item',
      title: t('columns.item'),
      render: (_: unknown, line: ChargeLineView) => (
        <Space size={4} wrap>
          {line.kind !== 'labour' ? <Tag>{t(`kinds.${line.kind}`)}</Tag> : null}
          <span>{line.description}</span>
          {line.covered ? (
            <Tooltip title={t('coveredHint')}>
              <Tag color="green">{t('covered')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'qty',
      title: t('columns.qty'),
      align: 'right' as const,
      render: (_: unknown, l: ChargeLineView) => (l.kind === 'discount' ? '' : l.quantity),
    },
    {
      key: 'unit',
      title: t('columns.unitPrice'),
      align: 'right' as const,
      render: (_: unknown, l: ChargeLineView) => (l.kind === 'discount' ? '' : formatFen(l.unitPriceFen)),
    },
    {
      key: 'amount',
      title: t('columns.amount'),
      align: 'right' as const,
      render: (_: unknown, l: ChargeLineView) => formatFen(l.amountFen),
    },
    ...(take
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, line: ChargeLineView) =>
              line.kind === 'part' ? null : (
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'void', line })}>
                  {t('actions.void')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const paymentColumns = [
    { key: 'time', title: t('columns.time'), render: (_: unknown, p: PaymentView) => formatDateTime(p.takenAt) },
    {
      key: 'kind',
      title: t('columns.kind'),
      render: (_: unknown, p: PaymentView) => (
        <Tag color={p.kind === 'refund' ? 'orange' : 'blue'}>{t(`paymentKinds.${p.kind}`)}</Tag>
      ),
    },
    { key: 'method', title: t('columns.method'), render: (_: unknown, p: PaymentView) => t(`methods.${p.method}`) },
    {
      key: 'amount',
      title: t('columns.amount'),
      align: 'right' as const,
      render: (_: unknown, p: PaymentView) => formatFen(p.kind === 'refund' ? -p.amountFen : p.amountFen),
    },
    {
      key: 'by',
      title: t('columns.by'),
      render: (_: unknown, p: PaymentView) => `${p.takenByName ?? ''} · ${p.deviceId}`,
    },
    ...(can('charges.refund')
      ? [
          {
            key: 'actions',
            title: t('columns.actions'),
            render: (_: unknown, payment: PaymentView) =>
              payment.refundableFen > 0 ? (
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'refund', payment })}>
                  {t('actions.refund')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const due = charges.balanceFen;
  return (
    // A flex column rather than antd's Space: Space keeps a gap for the warranty tag when it is absent.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {charges.underWarranty ? (
        <Tag color="green" style={{ alignSelf: 'flex-start' }}>
          {t('underWarranty')}
        </Tag>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...charges.lineViews]}
        columns={lineColumns}
        locale={{ emptyText: t('noLines') }}
        aria-label={t('title')}
      />
      <Space wrap align="end" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'charges', label: t('totals.charges'), children: formatFen(charges.chargesFen) },
            ...(charges.coveredFen > 0
              ? [{ key: 'covered', label: t('totals.covered'), children: formatFen(charges.coveredFen) }]
              : []),
            { key: 'paid', label: t('totals.paid'), children: formatFen(charges.paidFen) },
          ]}
        />
        <Statistic
          data-testid="balance-due"
          title={due < 0 ? t('totals.owedBack') : t('totals.due')}
          value={formatFen(Math.abs(due))}
          styles={{
            content: { fontSize: 28, fontWeight: 600, color: due > 0 ? '#b42318' : due < 0 ? '#b54708' : '#067647' },
          }}
          suffix={due === 0 && charges.chargesFen > 0 ? <Tag color="green">{t('totals.settled')}</Tag> : null}
        />
      </Space>
      {take ? (
        <Space wrap>
          <Button onClick={() => setDialog({ kind: 'labour' })}>{t('actions.addLabour')}</Button>
          {can('charges.discount') ? (
            <Button onClick={() => setDialog({ kind: 'discount' })}>{t('actions.addDiscount')}</Button>
          ) : null}
          <Button onClick={() => setDialog({ kind: 'deposit' })}>{t('actions.deposit')}</Button>
          <Button type="primary" disabled={charges.balanceDueFen === 0} onClick={() => setDialog({ kind: 'payment' })}>
            {t('actions.payment')}
          </Button>
        </Space>
      ) : null}
      <Typography.Text strong>{t('payments')}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...charges.paymentViews]}
        columns={paymentColumns}
        locale={{ emptyText: t('noPayments') }}
        aria-label={t('payments')}
      />
      <ChargesDialogs
        dialog={dialog}
        charges={charges}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void message.success(t('saved'));
          onSaved();
        }}
        call={(d, input) => desk.call(METHOD_OF_DIALOG[d.kind], input as never)}
      />
    </div>
  );
}

/**
 * What the customer reads before signing, besides the ticket's fields: the parts issued to the
 * job, every charge line, the payments, the totals and the terms, as the signed form holds them
 * (db/tickets/service-form.ts). Shown on completion and when the customer signs again.
 */
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_TERMS, type ServiceForm, type SignedChargeLine, type SignedPayment } from '../../../db/api';
import { formatFen } from '../../print/format';

export function SignedFormContent({ form }: { form: ServiceForm }) {
  const { t, i18n } = useTranslation('tickets');
  const { t: p } = useTranslation('print');
  const terms = i18n.language === 'en' ? SERVICE_TERMS.en : SERVICE_TERMS.zh;
  const owed = form.totals.balanceFen < 0;
  return (
    <div data-testid="signed-form-content">
      <Typography.Title level={5}>{t('complete.parts')}</Typography.Title>
      {form.parts.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('complete.noParts')}</Typography.Paragraph>
      ) : (
        <ul>
          {form.parts.map((part) => (
            <li key={part.partNo}>{`${part.partNo} ${part.description} × ${part.qty} ${part.unit}`}</li>
          ))}
        </ul>
      )}
      <Typography.Title level={5}>{p('money.title')}</Typography.Title>
      <Table<SignedChargeLine>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={[...form.charges]}
        locale={{ emptyText: p('money.noCharges') }}
        columns={[
          {
            title: p('money.item'),
            key: 'item',
            render: (_, line) =>
              `${p(`money.kind.${line.kind as 'labour'}`)} · ${line.description}${line.covered ? ` (${p('money.covered')})` : ''}${line.reason ? ` — ${line.reason}` : ''}`,
          },
          {
            title: p('ticket.qty'),
            key: 'qty',
            align: 'right',
            render: (_, l) => (l.kind === 'discount' ? '' : l.quantity),
          },
          {
            title: p('ticket.amount'),
            key: 'amount',
            align: 'right',
            render: (_, line) => formatFen(line.amountFen),
          },
        ]}
      />
      <Table<SignedPayment>
        size="small"
        pagination={false}
        rowKey="id"
        style={{ marginTop: 8 }}
        dataSource={[...form.payments]}
        locale={{ emptyText: p('money.noPayments') }}
        columns={[
          {
            title: p('money.payments'),
            key: 'kind',
            render: (_, pay) =>
              `${p(`money.paymentKind.${pay.kind as 'payment'}`)} · ${p(`money.method.${pay.method as 'cash'}`)}`,
          },
          {
            title: p('ticket.amount'),
            key: 'amount',
            align: 'right',
            render: (_, pay) => formatFen(pay.kind === 'refund' ? -pay.amountFen : pay.amountFen),
          },
        ]}
      />
      <Descriptions size="small" bordered column={2} style={{ marginTop: 8 }}>
        <Descriptions.Item label={p('money.charges')}>{formatFen(form.totals.chargesFen)}</Descriptions.Item>
        <Descriptions.Item label={p('money.paid')}>{formatFen(form.totals.paidFen)}</Descriptions.Item>
        {form.totals.coveredFen > 0 ? (
          <Descriptions.Item label={p('money.coveredTotal')}>{formatFen(form.totals.coveredFen)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={owed ? p('money.owed') : p('money.balance')}>
          <strong>{formatFen(Math.abs(form.totals.balanceFen))}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('complete.terms')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, fontSize: 12 }}>
        {terms.map((term) => (
          <li key={term}>{term}</li>
        ))}
      </ol>
    </div>
  );
}

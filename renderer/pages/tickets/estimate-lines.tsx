/** An estimate version's lines as a table: kind, item, quantity, unit price, covered, amount. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EstimateView } from '../../../db/api';
import { formatFen } from '../parts/format';

export function EstimateLines({ estimate }: { estimate: EstimateView }) {
  const { t } = useTranslation('tickets');
  return (
    <Table
      size="small"
      rowKey={(_, index) => String(index)}
      pagination={false}
      dataSource={[...estimate.lines]}
      columns={[
        { key: 'kind', title: t('estimate.columns.kind'), render: (_, l) => t(`estimate.kinds.${l.kind}`) },
        {
          key: 'description',
          title: t('estimate.columns.description'),
          render: (_, l) => (l.partNo ? `${l.partNo} ${l.description}` : l.description),
        },
        { key: 'quantity', title: t('estimate.columns.quantity'), dataIndex: 'quantity', align: 'right' },
        {
          key: 'unitPrice',
          title: t('estimate.columns.unitPrice'),
          align: 'right',
          render: (_, l) => formatFen(l.unitPriceFen),
        },
        {
          key: 'covered',
          title: t('estimate.columns.covered'),
          render: (_, l) => (l.covered ? <Tag color="green">{t('estimate.covered')}</Tag> : null),
        },
        {
          key: 'amount',
          title: t('estimate.columns.amount'),
          align: 'right',
          render: (_, l) => formatFen(l.amountFen),
        },
      ]}
    />
  );
}

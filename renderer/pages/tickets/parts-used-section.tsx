/**
 * The parts used on a repair (docs/DOMAIN.md §5, §7): issued minus returned per part, read from the
 * spare-parts area's requisitions for this ticket. The parts group owns these; this only shows them.
 */
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../use-desk';

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

export function PartsUsedSection({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation('tickets');
  const { state } = useDeskQuery('parts.forTicket', { ticketId }, { refetchOn: ['parts.changed'] });
  const parts = state.value;
  return (
    <Card size="small" title={t('detail.partsUsed')} role="region" aria-label={t('detail.partsUsed')}>
      {parts && parts.lines.length > 0 ? (
        <>
          <Table
            size="small"
            rowKey="partId"
            pagination={false}
            dataSource={[...parts.lines]}
            columns={[
              { key: 'partNo', title: '#', dataIndex: 'partNo' },
              { key: 'name', title: t('fields.model'), dataIndex: 'partName' },
              { key: 'qty', title: '×', render: (_, line) => `${line.usedQty} ${line.unit}` },
              { key: 'amount', title: '¥', render: (_, line) => yuan(line.amountFen) },
            ]}
          />
          <Typography.Text strong>{t('detail.partsTotal', { amount: yuan(parts.totalFen) })}</Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary">{t('detail.noParts')}</Typography.Text>
      )}
    </Card>
  );
}

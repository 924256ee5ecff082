/** The lines of a requisition: asked, signed, issued, returned, and what is on the shelf. */
import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequisitionLineView } from '../../../db/api';

/** `extra` adds an input column; `signing` leaves out what nobody has yet (approved, issued, returned). */
export function LinesTable({
  lines,
  extra,
  signing = false,
}: {
  lines: ReadonlyArray<RequisitionLineView>;
  extra?: { title: string; render: (line: RequisitionLineView, index: number) => ReactNode };
  signing?: boolean;
}) {
  const { t } = useTranslation('parts');
  return (
    <Table<RequisitionLineView>
      rowKey="id"
      size="small"
      pagination={false}
      aria-label={t('requisition.lines')}
      dataSource={[...lines]}
      columns={[
        { key: 'part', title: t('requisition.part'), render: (_, l) => `${l.partNo} ${l.partName}` },
        {
          key: 'requested',
          title: t('requisition.requested'),
          align: 'right',
          render: (_, l) => `${l.requestedQty} ${l.unit}`,
        },
        ...(signing
          ? []
          : [
              {
                key: 'approved',
                title: t('requisition.approved'),
                align: 'right' as const,
                render: (_: unknown, l: RequisitionLineView) => l.approvedQty ?? '—',
              },
              { key: 'issued', title: t('requisition.issued'), align: 'right' as const, dataIndex: 'issuedQty' },
              { key: 'returned', title: t('requisition.returned'), align: 'right' as const, dataIndex: 'returnedQty' },
            ]),
        {
          key: 'onHand',
          title: t('requisition.onHand'),
          align: 'right',
          render: (_, l) => <span style={{ color: l.onHand < 0 ? '#cf1322' : undefined }}>{l.onHand}</span>,
        },
        ...(extra
          ? [
              {
                key: 'extra',
                title: extra.title,
                render: (_: unknown, l: RequisitionLineView, index: number) => extra.render(l, index),
              },
            ]
          : []),
      ]}
    />
  );
}

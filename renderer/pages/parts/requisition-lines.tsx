/** The lines of a requisition: asked, signed (with the lead's decision and reason), issued, returned, and what is on the shelf. */
import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequisitionLineView } from '../../../db/api';

const DECISION_COLOR = { approved: 'blue', reduced: 'gold', rejected: 'red' } as const;

/** The lead's word on a line: a tag, and why when the line was reduced or rejected. */
export function LineDecisionTag({ line }: { line: RequisitionLineView }) {
  const { t } = useTranslation('parts');
  if (line.decision === null) return <>—</>;
  return (
    <>
      <Tag color={DECISION_COLOR[line.decision]}>{t(`decide.decisions.${line.decision}`)}</Tag>
      {line.decisionReason}
    </>
  );
}

type SummaryLine = Readonly<{ partName: string; requestedQty: number; approvedQty: number | null }>;

/**
 * A requisition's lines in one phrase for a list: "排水泵 ×1，皮带 驳回". A rejected line says so
 * (not "×0"), a reduced one shows what was approved of what was asked.
 */
export function LinesSummary({ lines }: { lines: ReadonlyArray<SummaryLine> }) {
  const { t } = useTranslation('parts');
  const phrase = (l: SummaryLine): string => {
    if (l.approvedQty === 0) return t('requisition.lineRejected', { part: l.partName });
    if (l.approvedQty !== null && l.approvedQty < l.requestedQty)
      return t('requisition.lineReduced', { part: l.partName, approved: l.approvedQty, requested: l.requestedQty });
    return `${l.partName} ×${l.approvedQty ?? l.requestedQty}`;
  };
  return <>{lines.map(phrase).join(t('requisition.lineSeparator'))}</>;
}

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
              {
                key: 'decision',
                title: t('decide.decision'),
                render: (_: unknown, l: RequisitionLineView) => <LineDecisionTag line={l} />,
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

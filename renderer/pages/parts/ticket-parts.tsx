/**
 * A repair ticket's parts list, for the tickets page to embed: issued minus returned per part,
 * priced, with the requisition forms behind it, and a "Request parts" button for technicians.
 * Self-contained: give it the ticket's id (and number, so a new form opens on that ticket).
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketPartLine } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatFen } from './format';
import { partsHref } from './route';
import { RequisitionFormDrawer } from './requisition-form';

export function TicketParts({
  ticketId,
  ticketNumber,
  canRequest = true,
}: {
  ticketId: string;
  ticketNumber: string;
  canRequest?: boolean;
}) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [requesting, setRequesting] = useState(false);
  const { state } = useDeskQuery(
    'parts.forTicket',
    { ticketId },
    { refetchOn: ['parts.changed'], enabled: can('parts.read') },
  );
  if (!can('parts.read')) return null;
  const parts = state.value;

  return (
    <Card
      size="small"
      role="region"
      aria-label={t('ticketParts.title')}
      title={t('ticketParts.title')}
      extra={
        canRequest && can('parts.request') ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setRequesting(true)}>
            {t('ticketParts.request')}
          </Button>
        ) : null
      }
    >
      {parts && parts.lines.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('ticketParts.none')}</Typography.Paragraph>
      ) : (
        <Table<TicketPartLine>
          rowKey="partId"
          size="small"
          pagination={false}
          aria-label={t('ticketParts.title')}
          loading={state.status === 'loading' && !parts}
          dataSource={[...(parts?.lines ?? [])]}
          columns={[
            { key: 'part', title: t('part.name'), render: (_, l) => `${l.partNo} ${l.partName}` },
            { key: 'issued', title: t('requisition.issued'), align: 'right', dataIndex: 'issuedQty' },
            { key: 'returned', title: t('requisition.returned'), align: 'right', dataIndex: 'returnedQty' },
            { key: 'used', title: t('ticketParts.used'), align: 'right', render: (_, l) => `${l.usedQty} ${l.unit}` },
            { key: 'amount', title: t('ticketParts.amount'), align: 'right', render: (_, l) => formatFen(l.amountFen) },
          ]}
          summary={() =>
            parts && parts.lines.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('ticketParts.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatFen(parts.totalFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
      {parts && parts.requisitions.length > 0 ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('ticketParts.forms')}
          {parts.requisitions.map((r, i) => (
            <span key={r.id}>
              {i > 0 ? ', ' : ''}
              <a href={partsHref('requisitions', r.id)}>{r.number}</a> ({t(`statuses.${r.status}`)})
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      <RequisitionFormDrawer
        open={requesting}
        ticketNumber={ticketNumber}
        onClose={() => setRequesting(false)}
        onSaved={(requisition) => {
          void message.success(requisition.number);
          setRequesting(false);
        }}
      />
    </Card>
  );
}

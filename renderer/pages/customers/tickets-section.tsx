/** Every ticket of the customer (and of duplicates merged into them), newest first, with its status. */
import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryTicket } from '../../../db/api';
import { useTicketLabels } from '../tickets/labels';
import { ticketHref } from '../tickets/route';

export function TicketsSection({ tickets }: { tickets: ReadonlyArray<HistoryTicket> }) {
  const { t, i18n } = useTranslation('cust');
  const labels = useTicketLabels();
  const day = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  return (
    <Card role="region" aria-label={t('tickets.title')} title={t('tickets.title')} size="small">
      {tickets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.none')} />
      ) : (
        <List
          size="small"
          dataSource={[...tickets]}
          renderItem={(ticket) => (
            <List.Item key={ticket.id}>
              <List.Item.Meta
                title={
                  <span>
                    <a href={ticketHref(ticket.id)}>
                      <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums', color: 'inherit' }}>
                        {ticket.number}
                      </Typography.Text>
                    </a>{' '}
                    <Tag>{t(`ticketType.${ticket.type}`, { defaultValue: ticket.type })}</Tag>
                    <Tag color="blue">{labels.status(ticket.status)}</Tag>
                  </span>
                }
                description={[
                  day(ticket.createdAt),
                  ticket.summary,
                  ticket.followUp
                    ? ticket.followUp.rating === null
                      ? t('tickets.followedUp', { date: day(ticket.followUp.at) })
                      : t('tickets.rated', { date: day(ticket.followUp.at), rating: ticket.followUp.rating })
                    : null,
                  !ticket.followUp && ticket.followUpDue ? t('tickets.followUp', { date: ticket.followUpDue }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

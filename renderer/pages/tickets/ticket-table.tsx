/** Tickets as a table: number (opens the ticket) and when taken, type (with the 三包 status), state, summary, customer, responsible, time limit. */
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../db/api';
import { TierTag } from '../counter/tier-tag';
import { useTicketFormat } from './format';
import { useTicketLabels } from './labels';
import { ticketHref } from './route';
import { SlaBadge } from './sla-badge';
import { WarrantyTag } from './warranty-tag';

type Props = {
  items: ReadonlyArray<TicketListItem>;
  label: string;
  loading?: boolean;
  /** Extra columns a page adds (the follow-up list's due date and call button). */
  extra?: ReadonlyArray<{
    key: string;
    title: string;
    width?: number;
    render: (item: TicketListItem) => React.ReactNode;
  }>;
  pagination?: { total: number; page: number; pageSize: number; onChange: (page: number) => void } | false;
};

export function TicketTable({ items, label, loading = false, extra = [], pagination = false }: Props) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const format = useTicketFormat();
  return (
    <Table<TicketListItem>
      aria-label={label}
      rowKey="id"
      size="small"
      // Fixed widths for the short columns; the summary takes what is left and cuts its text with
      // the whole of it on hover, so the table fits a 1366-wide screen (docs/architecture/layout-and-accessibility.md).
      tableLayout="fixed"
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: t('queue.empty') }}
      pagination={
        pagination === false
          ? false
          : {
              total: pagination.total,
              current: pagination.page,
              pageSize: pagination.pageSize,
              onChange: pagination.onChange,
              showSizeChanger: false,
            }
      }
      // Breached rows red, near-breach rows orange, so the list reads at a glance.
      onRow={(item) => ({
        style:
          item.sla.level === 'breached'
            ? { background: '#fff1f0' }
            : item.sla.level === 'near'
              ? { background: '#fff7e6' }
              : {},
      })}
      columns={[
        {
          key: 'number',
          title: t('queue.number'),
          width: 170,
          // When the ticket was taken sits under its number: one column fewer to fit the screen.
          render: (_, item) => (
            <Space orientation="vertical" size={0}>
              <a href={ticketHref(item.id)} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {item.number}
              </a>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                {format.dateTime(item.createdAt)}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'type',
          title: t('queue.type'),
          width: 110,
          render: (_, item) => (
            <Space size={4} wrap>
              <Tag>{labels.type(item.type)}</Tag>
              {item.priority !== 'normal' ? (
                <Tag color={item.priority === 'urgent' ? 'red' : 'orange'}>{t(`priorities.${item.priority}`)}</Tag>
              ) : null}
              {item.escalated ? <Tag color="magenta">{t('detail.escalated')}</Tag> : null}
              {item.sanbao ? <WarrantyTag view={item.sanbao} /> : null}
            </Space>
          ),
        },
        {
          key: 'status',
          title: t('queue.status'),
          width: 95,
          render: (_, item) => (
            <Space orientation="vertical" size={0}>
              <span>{labels.status(item.status)}</span>
              {item.pausedFor ? (
                <Typography.Text type="secondary">{t(`paused.${item.pausedFor}`)}</Typography.Text>
              ) : null}
            </Space>
          ),
        },
        {
          key: 'summary',
          title: t('queue.summary'),
          render: (_, item) => (
            <Typography.Text ellipsis={{ tooltip: item.summary }} style={{ width: '100%' }}>
              {item.summary}
            </Typography.Text>
          ),
        },
        {
          key: 'customer',
          title: t('fields.customer'),
          width: 140,
          render: (_, item) => (
            <Space size={4} style={{ maxWidth: '100%' }}>
              <Typography.Text ellipsis={{ tooltip: item.customerName }}>{item.customerName}</Typography.Text>
              <TierTag tier={item.customerTier} />
            </Space>
          ),
        },
        {
          key: 'assignee',
          title: t('queue.assignee'),
          width: 105,
          render: (_, item) =>
            item.assignee?.name ?? <Typography.Text type="secondary">{t('detail.unassigned')}</Typography.Text>,
        },
        { key: 'sla', title: t('queue.sla'), width: 150, render: (_, item) => <SlaBadge sla={item.sla} /> },
        ...extra.map((column) => ({
          key: column.key,
          title: column.title,
          width: column.width,
          render: (_: unknown, item: TicketListItem) => column.render(item),
        })),
      ]}
    />
  );
}

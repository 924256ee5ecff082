/** Tickets as a table: number (opens the ticket) and when taken, type (with the 三包 status), state, summary, customer, responsible, time limit. */
import { Table, Tag, type TableColumnsType } from 'antd';
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
  /** Standard columns a page leaves out to make room for its own (the follow-up list has no responsible column). */
  omit?: ReadonlyArray<'assignee'>;
  /** Pages read from the desk one at a time, or a page size for a list read whole, or none. */
  pagination?:
    { total: number; page: number; pageSize: number; onChange: (page: number) => void } | { pageSize: number } | false;
};

/*
 * Cells are plain elements with the app's classes (styles.css "Table cells") rather than antd's
 * Space and Typography: a page of 50 rows held about 400 of those, each with its own style and
 * measuring hooks, and rendering them was most of the time the queue took to appear. Cut text
 * carries its whole value as a title, which the layout check accepts as "full value on hover".
 */
export function TicketTable({ items, label, loading = false, extra = [], omit = [], pagination = false }: Props) {
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
          : 'total' in pagination
            ? {
                total: pagination.total,
                current: pagination.page,
                pageSize: pagination.pageSize,
                onChange: pagination.onChange,
                showSizeChanger: false,
              }
            : { pageSize: pagination.pageSize, showSizeChanger: false, hideOnSinglePage: true }
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
      columns={(
        [
          {
            key: 'number',
            title: t('queue.number'),
            width: 170,
            // When the ticket was taken sits under its number: one column fewer to fit the screen.
            render: (_, item) => (
              <div className="cd-cell-stack">
                <a href={ticketHref(item.id)} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {item.number}
                </a>
                <span className="cd-secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                  {format.dateTime(item.createdAt)}
                </span>
              </div>
            ),
          },
          {
            key: 'type',
            title: t('queue.type'),
            width: 110,
            render: (_, item) => (
              <div className="cd-cell-tags">
                <Tag>{labels.type(item.type)}</Tag>
                {item.priority !== 'normal' ? (
                  <Tag color={item.priority === 'urgent' ? 'red' : 'orange'}>{t(`priorities.${item.priority}`)}</Tag>
                ) : null}
                {item.escalated ? <Tag color="magenta">{t('detail.escalated')}</Tag> : null}
                {item.sanbao ? <WarrantyTag view={item.sanbao} /> : null}
              </div>
            ),
          },
          {
            key: 'status',
            title: t('queue.status'),
            width: 95,
            render: (_, item) => (
              <div className="cd-cell-stack">
                <span>{labels.status(item.status)}</span>
                {item.pausedFor ? <span className="cd-secondary">{t(`paused.${item.pausedFor}`)}</span> : null}
              </div>
            ),
          },
          {
            key: 'summary',
            title: t('queue.summary'),
            render: (_, item) => (
              <span className="cd-cut" title={item.summary}>
                {item.summary}
              </span>
            ),
          },
          {
            key: 'customer',
            title: t('fields.customer'),
            width: 140,
            render: (_, item) => (
              <div className="cd-cell-tags" style={{ flexWrap: 'nowrap' }}>
                <span className="cd-cut" title={item.customerName}>
                  {item.customerName}
                </span>
                <TierTag tier={item.customerTier} />
              </div>
            ),
          },
          {
            key: 'assignee',
            title: t('queue.assignee'),
            width: 105,
            render: (_, item) => item.assignee?.name ?? <span className="cd-secondary">{t('detail.unassigned')}</span>,
          },
          { key: 'sla', title: t('queue.sla'), width: 150, render: (_, item) => <SlaBadge sla={item.sla} /> },
          ...extra.map((column) => ({
            key: column.key,
            title: column.title,
            width: column.width,
            render: (_: unknown, item: TicketListItem) => column.render(item),
          })),
        ] satisfies TableColumnsType<TicketListItem>
      ).filter((column) => !omit.some((key) => key === column.key))}
    />
  );
}

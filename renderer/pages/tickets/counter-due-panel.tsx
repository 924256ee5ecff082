/**
 * The counter's glance: what is breached and what falls due today — time limits running
 * out, follow-up calls, promised replies and repair appointments. Also records, once a minute,
 * breaches that happened since a ticket last moved, so they count in reports even if nobody
 * touches the ticket.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Card, Empty, List, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../db/api';
import { desk } from '../../desk';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { useTicketLabels } from './labels';
import { queueHref, ticketHref } from './route';
import { SlaBadge } from './sla-badge';

const SWEEP_MS = 60_000;

function DueList({ title, items, danger }: { title: string; items: ReadonlyArray<TicketListItem>; danger: boolean }) {
  const labels = useTicketLabels();
  return (
    <section aria-label={title}>
      <Typography.Text strong type={danger && items.length > 0 ? 'danger' : undefined}>
        {danger ? <WarningOutlined aria-hidden /> : null} {title} ({items.length})
      </Typography.Text>
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <span>
                <a href={ticketHref(item.id)}>{item.number}</a> · {labels.type(item.type)} · {item.customerName}
              </span>
              <Typography.Text
                type="secondary"
                ellipsis={{ tooltip: `${labels.status(item.status)} · ${item.summary}` }}
                style={{ maxWidth: 320 }}
              >
                {labels.status(item.status)} · {item.summary}
              </Typography.Text>
            </Space>
            <SlaBadge sla={item.sla} />
          </List.Item>
        )}
      />
    </section>
  );
}

export function CounterDuePanel() {
  const { t } = useTranslation('tickets');
  const { can } = useSignedIn();
  const allowed = can('tickets.read');
  const { state } = useDeskQuery('tickets.duePanel', {}, { enabled: allowed, refetchOn: ['tickets.changed'] });

  useEffect(() => {
    if (!allowed) return;
    // The sweep is a mutation: its tickets.changed event re-reads this panel (and every ticket
    // list on screen), so the time left shown stays current too.
    const sweep = (): void => void desk.call('tickets.recordBreaches', {});
    sweep();
    const timer = window.setInterval(sweep, SWEEP_MS);
    return () => window.clearInterval(timer);
  }, [allowed]);

  if (!allowed) return null;
  const panel = state.value;
  const empty = panel !== undefined && panel.breached.length === 0 && panel.dueToday.length === 0;
  return (
    <Card
      size="small"
      title={t('due.title')}
      role="region"
      aria-label={t('due.title')}
      extra={<a href={queueHref}>{t('due.allTickets')}</a>}
      style={{ marginTop: 16 }}
      // A skeleton until the first answer: "Breached (0)" before it would be a false all-clear.
      loading={panel === undefined && state.status === 'loading'}
      aria-busy={panel === undefined && state.status === 'loading'}
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('due.none')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <DueList title={t('due.breached')} items={panel?.breached ?? []} danger />
          <DueList title={t('due.dueToday')} items={panel?.dueToday ?? []} danger={false} />
        </Space>
      )}
    </Card>
  );
}

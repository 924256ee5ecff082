/** The ticket's two time limits: reply and resolve, with target, time used, due or missed. */
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClockCounts, ClockView, TicketDetail } from '../../../db/api';
import { useTicketFormat } from './format';
import { SlaBadge } from './sla-badge';

function ClockLine({ clock, counts }: { clock: ClockView; counts: ClockCounts }) {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  return (
    <span>
      {t('sla.target', { time: format.span(clock.targetMinutes, counts) })} ·{' '}
      {t('sla.elapsed', { time: format.duration(clock.elapsedMinutes) })}
      {clock.state === 'running' && clock.dueAt ? ` · ${t('sla.due', { when: format.dateTime(clock.dueAt) })}` : ''}
      {clock.state === 'paused' ? ` · ${t('sla.paused')}` : ''}
      {clock.state === 'stopped' && !clock.breachedAt ? (
        <Tag color="green" style={{ marginLeft: 8 }}>
          {t('sla.met')}
        </Tag>
      ) : null}
      {clock.breachedAt ? (
        <Tag color="red" style={{ marginLeft: 8 }}>
          {t('sla.breachedAt', { when: format.dateTime(clock.breachedAt) })}
        </Tag>
      ) : null}
    </span>
  );
}

export function ClocksCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation('tickets');
  return (
    <Card
      size="small"
      title={t('detail.clocks')}
      extra={<SlaBadge sla={ticket.sla} />}
      role="region"
      aria-label={t('detail.clocks')}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('sla.respond')}>
          <ClockLine clock={ticket.clocks.respond} counts={ticket.clockCounts} />
        </Descriptions.Item>
        <Descriptions.Item label={t('sla.resolve')}>
          <ClockLine clock={ticket.clocks.resolve} counts={ticket.clockCounts} />
        </Descriptions.Item>
        <Descriptions.Item label={null}>
          <Typography.Text type="secondary">{t(`sla.countsNote.${ticket.clockCounts}`)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

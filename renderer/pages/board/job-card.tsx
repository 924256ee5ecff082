/** One repair job on the board: number, urgency, customer, place, when, and its time limit. */
import { EnvironmentOutlined, ToolOutlined } from '@ant-design/icons';
import { Checkbox, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../db/api';
import { useTicketFormat } from '../tickets/format';
import { ticketHref } from '../tickets/route';
import { SlaBadge } from '../tickets/sla-badge';

/** The drag payload type: a job's id, dropped on a lane to assign it there. */
export const JOB_DRAG_TYPE = 'application/x-counterdesk-job';

type Props = {
  job: TicketListItem;
  /** Shown with a tick box and draggable: the signed-in person may assign it. */
  selectable?: boolean;
  selected?: boolean;
  onSelect?: (id: string, selected: boolean) => void;
};

export function JobCard({ job, selectable = false, selected = false, onSelect }: Props) {
  const { t } = useTranslation('tickets');
  const board = useTranslation('board').t;
  const format = useTicketFormat();
  const when = job.appointmentAt
    ? format.dateTime(job.appointmentAt)
    : job.plannedDate
      ? `${board('board.planned')} ${format.date(job.plannedDate)}`
      : '';
  return (
    <div
      className="cd-job-card"
      data-ticket={job.number}
      data-selected={selected ? 'true' : undefined}
      draggable={selectable}
      onDragStart={(e) => {
        e.dataTransfer.setData(JOB_DRAG_TYPE, job.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="cd-job-card-head">
        {selectable ? (
          <Checkbox
            checked={selected}
            onChange={(e) => onSelect?.(job.id, e.target.checked)}
            aria-label={board('board.select', { number: job.number })}
          />
        ) : null}
        <a href={ticketHref(job.id)} className="cd-job-number">
          {job.number}
        </a>
        {job.priority !== 'normal' ? (
          <Tag color={job.priority === 'urgent' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
            {t(`priorities.${job.priority}`)}
          </Tag>
        ) : null}
      </div>
      <Typography.Text ellipsis={{ tooltip: `${job.customerName} · ${job.summary}` }} style={{ display: 'block' }}>
        {job.location === 'on_site' ? (
          <EnvironmentOutlined aria-label={t('locations.on_site')} />
        ) : (
          <ToolOutlined aria-label={t('locations.in_store')} />
        )}{' '}
        {job.customerName} · {job.summary}
      </Typography.Text>
      <div className="cd-job-card-foot">
        <SlaBadge sla={job.sla} />
        {when ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {when}
          </Typography.Text>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The board's calendar: one row per technician, a column per day — the chosen day, or the week
 * (Monday to Sunday) holding it. Each cell lists the appointments in time order, then the jobs
 * planned for the day without a time; each opens its ticket.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarJob, TechnicianLoad } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';
import { useTicketFormat } from '../tickets/format';
import { ticketHref } from '../tickets/route';

type View = 'day' | 'week';

/** Plain calendar arithmetic on YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function BoardCalendar({ today, technicians }: { today: string; technicians: ReadonlyArray<TechnicianLoad> }) {
  const { t, i18n } = useTranslation('board');
  const format = useTicketFormat();
  const [view, setView] = useState<View>('day');
  const [chosen, setChosen] = useState<string | null>(null);
  const day = chosen ?? today;
  const { state } = useDeskQuery(
    'tickets.boardWeek',
    { date: day },
    { enabled: day !== '', refetchOn: ['tickets.changed'] },
  );
  const week = state.value;
  const days = view === 'day' ? [day] : (week?.days ?? []);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' });
  const dayLabel = (date: string): string => `${weekday.format(new Date(`${date}T00:00:00Z`))} ${format.date(date)}`;
  const jobsOn = (technicianId: string, date: string): CalendarJob[] =>
    (week?.jobs ?? []).filter((job) => job.assignee?.id === technicianId && job.day === date);
  const step = view === 'day' ? 1 : 7;

  return (
    <Card
      size="small"
      title={t('board.calendarLabel')}
      role="region"
      aria-label={t('board.calendarLabel')}
      extra={
        <Space wrap size={8}>
          <Segmented<View>
            aria-label={t('board.view')}
            size="small"
            value={view}
            onChange={setView}
            options={[
              { value: 'day', label: t('board.day') },
              { value: 'week', label: t('board.week') },
            ]}
          />
          <Button
            size="small"
            icon={<LeftOutlined aria-hidden />}
            aria-label={t('board.previous')}
            onClick={() => setChosen(addDays(day, -step))}
          />
          <Button size="small" onClick={() => setChosen(null)}>
            {view === 'day' ? t('board.today') : t('board.thisWeek')}
          </Button>
          <Button
            size="small"
            icon={<RightOutlined aria-hidden />}
            aria-label={t('board.next')}
            onClick={() => setChosen(addDays(day, step))}
          />
        </Space>
      }
    >
      {week?.truncated ? (
        <Alert type="warning" showIcon title={t('board.weekTruncated')} style={{ marginBottom: 8 }} />
      ) : null}
      <div className="cd-board-calendar-scroll">
        <table className="cd-board-calendar" data-view={view}>
          <thead>
            <tr>
              <th scope="col" className="cd-calendar-who">
                {t('board.lanes')}
              </th>
              {days.map((date) => (
                <th scope="col" key={date} data-today={date === week?.today ? 'true' : undefined}>
                  {dayLabel(date)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {technicians.map((tech) => (
              <tr key={tech.id}>
                <th scope="row" className="cd-calendar-who">
                  <Typography.Text ellipsis={{ tooltip: tech.name }}>{tech.name}</Typography.Text>
                </th>
                {days.map((date) => {
                  const jobs = jobsOn(tech.id, date);
                  return (
                    <td key={date} data-today={date === week?.today ? 'true' : undefined}>
                      {jobs.length === 0 && view === 'day' ? (
                        <Typography.Text type="secondary">{t('board.noAppointments')}</Typography.Text>
                      ) : null}
                      {jobs.map((job) => (
                        <a
                          key={job.id}
                          href={ticketHref(job.id)}
                          className="cd-calendar-job"
                          title={`${job.number} · ${job.customerName} · ${job.summary}`}
                        >
                          <Tag color={job.time ? 'blue' : undefined} style={{ marginInlineEnd: 4 }}>
                            {job.time ?? t('board.planned')}
                          </Tag>
                          {view === 'day' ? `${job.number} · ${job.customerName}` : job.customerName}
                        </a>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** The ticket's full history: every event, who and when, its note and what it recorded. */
import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../db/api';
import type { TicketsMessages } from '../../i18n/tickets.en';
import { useTicketFormat } from './format';
import { useTicketLabels } from './labels';
import { useTicketStaff } from './use-staff';

/** Recorded with the event but shown elsewhere, or not meant for reading. */
const HIDDEN = new Set(['sla', 'formHash', 'currentHash', 'again', 'signatureId', 'attachmentId', 'signature']);

function useDataLine() {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  const staff = useTicketStaff();
  const fieldLabels = t('fields', { returnObjects: true }) as TicketsMessages['fields'];
  return (key: string, value: unknown): ReactNode => {
    if (HIDDEN.has(key) || value === undefined || value === '') return null;
    let label: string = key in fieldLabels ? fieldLabels[key as keyof TicketsMessages['fields']] : key;
    let shown: string = String(value);
    if (key === 'assigneeId' || key === 'technicianId') shown = staff.find((s) => s.id === value)?.name ?? shown;
    else if (key === 'appointmentAt' || key === 'promisedAt' || key === 'dueAt') shown = format.dateTime(String(value));
    else if (key === 'plannedDate' || key === 'followUpDue') {
      shown = format.date(String(value));
      if (key === 'followUpDue') label = t('detail.followUpDue');
    } else if (key === 'plan') shown = t(`remedies.${value as 'replace'}`);
    else if (key === 'clock') {
      label = t('queue.sla');
      shown = t(`sla.${value as 'respond'}`);
    } else if (key === 'reached') {
      label = t('followUp.reached');
      shown = value === true ? '✓' : '✗';
    } else if (key === 'problemSolved') {
      label = t('followUp.problemSolved');
      shown = value === true ? t('followUp.solvedYes') : t('followUp.solvedNo');
    } else if (key === 'rating') label = t('followUp.rating');
    else if (key === 'productWorks') {
      label = t('followUp.productWorks');
      shown = t(`productWorks.${value as 'works_well'}`);
    } else if (key === 'comments') label = t('followUp.comments');
    else if (key === 'reason' && value === 'serious_at_intake') shown = t('fields.serious');
    else if (key === 'route' && typeof value === 'object' && value !== null) {
      // Where a complaint sent back to the manager went, and why there (db/tickets/manager-route.ts).
      const route = value as { managerId?: string | null; managers?: number };
      label = t('fields.route');
      shown = route.managerId
        ? t('route.manager', { name: staff.find((s) => s.id === route.managerId)?.name ?? '' })
        : route.managers
          ? t('route.managers', { count: route.managers })
          : t('route.admin');
    } else if (key === 'window' && typeof value === 'object' && value !== null) {
      // The 三包 window a refund or exchange was judged by (db/tickets/plan-window.ts).
      const w = value as {
        kind?: string;
        days?: number;
        purchaseDate?: string | null;
        until?: string | null;
        inside?: boolean;
      };
      label = t('sanbao.windowLabel');
      shown = t(w.inside ? 'sanbao.windowInside' : 'sanbao.windowOutside', {
        window: t(w.kind === 'return' ? 'sanbao.returnWindow' : 'sanbao.exchangeWindow', { days: w.days ?? 0 }),
        purchase: w.purchaseDate ? format.date(w.purchaseDate) : t('sanbao.purchaseUnknown'),
        until: w.until ? format.date(w.until) : '—',
      });
    } else if (key === 'priority') shown = t(`priorities.${value as 'normal'}`);
    else if (key === 'location') shown = t(`locations.${value as 'in_store'}`);
    return (
      <div key={key}>
        <Typography.Text type="secondary">{label}: </Typography.Text>
        <span style={{ whiteSpace: 'pre-wrap' }}>{shown}</span>
      </div>
    );
  };
}

export function TicketTimeline({ entries }: { entries: ReadonlyArray<TimelineEntry> }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const format = useTicketFormat();
  const dataLine = useDataLine();
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        color: entry.flagged
          ? 'gray'
          : entry.action === 'sla_breach'
            ? 'red'
            : entry.toStatus && entry.toStatus !== entry.fromStatus
              ? 'blue'
              : 'green',
        content: (
          <div className="cd-timeline-entry" data-action={entry.action}>
            <div>
              <Typography.Text strong>{labels.action(entry.action)}</Typography.Text>
              {entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus ? (
                <Typography.Text type="secondary">
                  {' '}
                  {labels.status(entry.fromStatus)} → {labels.status(entry.toStatus)}
                </Typography.Text>
              ) : null}
              {entry.flagged ? <Tag style={{ marginLeft: 8 }}>{t('detail.flagged', { count: 1 })}</Tag> : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {format.dateTime(entry.at)}
              {entry.staffName ? ` · ${entry.staffName}` : ''}
            </Typography.Text>
            {Object.entries(entry.data).map(([key, value]) => dataLine(key, value))}
            {entry.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

/** The work queues with their filters: pick a queue, narrow it, open a ticket. */
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALL_TICKET_STATUSES,
  COMPLAINT_CATEGORIES,
  FEEDBACK_CATEGORIES,
  TICKET_QUEUES,
  TICKET_TYPES,
  type TicketQueue,
  type TicketQueueInput,
  type TicketType,
} from '../../../db/api';
import { useDateFormats } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { isoDate } from '../../format/date';
import { useSignedIn } from '../../shell/signed-in';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { useTicketLabels } from './labels';
import { QueueTabs } from './queue-tabs';
import { go, newTicketHref, reportsHref } from './route';
import { TicketTable } from './ticket-table';
import { useTicketStaff } from './use-staff';

/*
 * A page is what a 1366×768 screen shows and a little more: every row costs render time (each has
 * several tags), and 50 rows made the queue the slowest page to open.
 */
const PAGE_SIZE = 20;

type Filters = {
  type?: TicketType;
  status?: string;
  category?: string;
  assigneeId?: string;
  from?: string;
  to?: string;
  text: string;
};

export function QueueView({ initialQueue = 'open' }: { initialQueue?: TicketQueue }) {
  const { t } = useTranslation('tickets');
  const dateFormats = useDateFormats();
  const errorText = useErrorText();
  const labels = useTicketLabels();
  const { can, staff: me } = useSignedIn();
  // Complaints sent back to the manager: the after-sales manager's work, and the admin's in a store without one.
  const managesComplaints = me.role === 'aftersales_manager' || me.role === 'admin';
  const staff = useTicketStaff();
  const [queue, setQueue] = useState<TicketQueue>(initialQueue);
  const [filters, setFilters] = useState<Filters>({ text: '' });
  const [page, setPage] = useState(1);
  const text = useDebounced(filters.text.trim(), 200);
  const set = (patch: Partial<Filters>): void => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const input: TicketQueueInput = { queue, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  for (const key of ['type', 'status', 'category', 'assigneeId', 'from', 'to'] as const)
    if (filters[key]) Object.assign(input, { [key]: filters[key] });
  if (text) input.text = text;
  const { state } = useDeskQuery('tickets.queue', input, { refetchOn: ['tickets.changed'] });
  const categories = filters.type === 'feedback' ? FEEDBACK_CATEGORIES : COMPLAINT_CATEGORIES;

  return (
    <section aria-labelledby="tickets-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={2} id="tickets-title" style={{ margin: 0 }}>
          {t('queue.title')}
        </Typography.Title>
        <Space>
          <Button icon={<BarChartOutlined aria-hidden />} onClick={() => go(reportsHref)}>
            {t('reports.link')}
          </Button>
          {can('tickets.intake') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => go(newTicketHref())}>
              {t('queue.newTicket')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <QueueTabs
        label={t('queue.queueLabel')}
        active={queue}
        onChange={(key) => {
          setQueue(key);
          setPage(1);
        }}
        items={TICKET_QUEUES.filter((q) => q !== 'for_manager' || managesComplaints).map((q) => ({
          key: q,
          label: t(`queue.queues.${q}`),
        }))}
      />
      <Space wrap role="group" aria-label={t('queue.filters')} style={{ marginBottom: 12 }}>
        <Input
          aria-label={t('queue.text')}
          placeholder={t('queue.text')}
          allowClear
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          style={{ width: 220 }}
          maxLength={40}
        />
        <Select
          aria-label={t('queue.type')}
          allowClear
          placeholder={t('queue.anyType')}
          value={filters.type}
          onChange={(type?: TicketType) => set({ type, category: undefined })}
          options={TICKET_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
          style={{ width: 170 }}
          virtual={false}
        />
        <Select
          aria-label={t('queue.status')}
          allowClear
          placeholder={t('queue.anyStatus')}
          value={filters.status}
          onChange={(status?: string) => set({ status })}
          options={ALL_TICKET_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
          style={{ width: 170 }}
          virtual={false}
        />
        <Select
          aria-label={t('queue.category')}
          allowClear
          placeholder={t('queue.anyCategory')}
          value={filters.category}
          onChange={(category?: string) => set({ category })}
          options={categories.map((c) => ({
            value: c,
            label:
              filters.type === 'feedback'
                ? t(`feedbackCategories.${c as (typeof FEEDBACK_CATEGORIES)[number]}`)
                : t(`complaintCategories.${c as (typeof COMPLAINT_CATEGORIES)[number]}`),
          }))}
          style={{ width: 160 }}
          virtual={false}
        />
        <Select
          aria-label={t('queue.person')}
          allowClear
          placeholder={t('queue.anyone')}
          value={filters.assigneeId}
          onChange={(assigneeId?: string) => set({ assigneeId })}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          style={{ width: 140 }}
          virtual={false}
        />
        <DatePicker.RangePicker
          aria-label={t('queue.from')}
          format={dateFormats.date}
          placeholder={[t('queue.from'), t('queue.to')]}
          // The shown text is in the store's format; the filter takes ISO dates.
          onChange={(days) =>
            set({
              from: days?.[0] ? isoDate(days[0]) : undefined,
              to: days?.[1] ? isoDate(days[1]) : undefined,
            })
          }
        />
        <Button
          onClick={() =>
            set({
              type: undefined,
              status: undefined,
              category: undefined,
              assigneeId: undefined,
              from: undefined,
              to: undefined,
              text: '',
            })
          }
        >
          {t('queue.clear')}
        </Button>
      </Space>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <TicketTable
        label={t('queue.list')}
        items={state.value?.items ?? []}
        loading={state.status === 'loading'}
        pagination={{ total: state.value?.total ?? 0, page, pageSize: PAGE_SIZE, onChange: setPage }}
      />
    </section>
  );
}

/**
 * The repair lead's board (docs/DOMAIN.md §5): open repairs by due time and urgency, each technician's
 * load, and one technician's day with its appointments and planned jobs.
 */
import { Alert, Card, Col, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { todayLocal, useTicketFormat } from './format';
import { useTicketLabels } from './labels';
import { ticketHref } from './route';
import { SlaBadge } from './sla-badge';
import { TicketTable } from './ticket-table';

export function RepairBoardPage() {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { state } = useDeskQuery('tickets.board', {}, { refetchOn: ['tickets.changed', 'staff.changed'] });
  const board = state.value;
  const when = (item: TicketListItem) =>
    item.appointmentAt ? (
      format.dateTime(item.appointmentAt)
    ) : item.plannedDate ? (
      `${t('board.planned')} ${format.date(item.plannedDate)}`
    ) : (
      <Tag>{t('board.unscheduled')}</Tag>
    );

  return (
    <section aria-labelledby="board-title">
      <Typography.Title level={2} id="board-title" style={{ marginTop: 0 }}>
        {t('board.title')}
      </Typography.Title>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card size="small" title={t('board.jobs')}>
            <TicketTable
              label={t('board.jobs')}
              items={board?.jobs ?? []}
              loading={state.status === 'loading'}
              extra={[
                {
                  key: 'where',
                  title: t('fields.location'),
                  render: (item) => (item.location ? t(`locations.${item.location}`) : ''),
                },
                { key: 'when', title: t('detail.appointment'), render: when },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card size="small" title={t('board.technicians')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={[...(board?.technicians ?? [])]}
              renderItem={(tech) => (
                <List.Item key={tech.id}>
                  <span>{tech.name}</span>
                  <Typography.Text type="secondary">
                    {t('board.load', { open: tech.open, today: tech.today })}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <TechnicianDay technicians={board?.technicians ?? []} />
        </Col>
      </Row>
    </section>
  );
}

function TechnicianDay({ technicians }: { technicians: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useTranslation('tickets');
  const labels = useTicketLabels();
  const format = useTicketFormat();
  const [technicianId, setTechnicianId] = useState<string | undefined>(undefined);
  const [date, setDate] = useState(todayLocal());
  const chosen = technicianId ?? technicians[0]?.id;
  const { state } = useDeskQuery(
    'tickets.technicianDay',
    { technicianId: chosen ?? '', date },
    { enabled: chosen !== undefined && date !== '', refetchOn: ['tickets.changed'] },
  );
  const jobs = state.value?.jobs ?? [];
  return (
    <Card size="small" title={t('board.dayView')} role="region" aria-label={t('board.dayView')}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select<string>
          aria-label={t('board.technician')}
          value={chosen}
          onChange={setTechnicianId}
          options={technicians.map((tech) => ({ value: tech.id, label: tech.name }))}
          style={{ width: 160 }}
          virtual={false}
        />
        <DateInput aria-label={t('board.day')} value={date} onChange={(value) => setDate(value ?? todayLocal())} />
      </Space>
      <List
        size="small"
        locale={{ emptyText: t('board.noJobs') }}
        dataSource={[...jobs]}
        renderItem={(job) => (
          <List.Item key={job.id}>
            <Space orientation="vertical" size={0}>
              <span>
                <strong>{job.appointmentAt ? format.time(job.appointmentAt) : t('board.planned')}</strong>{' '}
                <a href={ticketHref(job.id)}>{job.number}</a> · {job.customerName}
              </span>
              <Typography.Text type="secondary">
                {labels.status(job.status)} · {job.location ? t(`locations.${job.location}`) : ''} · {job.summary}
              </Typography.Text>
            </Space>
            <SlaBadge sla={job.sla} />
          </List.Item>
        )}
      />
    </Card>
  );
}

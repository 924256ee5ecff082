/**
 * A technician's start page: their jobs today at this store (overdue first, then by appointment
 * time), the address on their own visits, and the parts they are waiting for. Each job opens its
 * ticket, each requisition its form on the parts page.
 */
import { EnvironmentOutlined, ToolOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyJob } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { partsHref } from '../parts/route';
import { useTicketFormat } from '../tickets/format';
import { useTicketLabels } from '../tickets/labels';
import { ticketHref } from '../tickets/route';
import { SlaBadge } from '../tickets/sla-badge';

export function MyJobsPage() {
  const { t } = useTranslation('board');
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { state } = useDeskQuery('tickets.myJobs', {}, { refetchOn: ['tickets.changed', 'parts.changed'] });
  const mine = state.value;
  return (
    <section aria-labelledby="my-jobs-title">
      <Typography.Title level={2} id="my-jobs-title" style={{ marginTop: 0 }}>
        {t('myJobs.title')}
        {mine ? (
          <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12, fontWeight: 'normal' }}>
            {t('myJobs.subtitle', { date: format.date(mine.today), count: mine.jobs.length })}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('myJobs.title')} role="region" aria-label={t('myJobs.title')}>
            <List<MyJob>
              loading={mine === undefined && state.status === 'loading'}
              locale={{ emptyText: <Empty description={t('myJobs.empty')} /> }}
              dataSource={[...(mine?.jobs ?? [])]}
              renderItem={(job) => <JobItem job={job} today={mine?.today ?? ''} />}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('myJobs.parts')} role="region" aria-label={t('myJobs.parts')}>
            <List
              size="small"
              locale={{ emptyText: t('myJobs.partsEmpty') }}
              dataSource={[...(mine?.partsWaiting ?? [])]}
              renderItem={(req) => (
                <List.Item key={req.id}>
                  <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                    <a href={partsHref('requisitions', req.id)}>{req.number}</a>
                    <Typography.Text type="secondary">
                      {t('myJobs.forTicket', { number: req.ticketNumber })} ·{' '}
                      {t('myJobs.partsLines', { count: req.lines })}
                    </Typography.Text>
                  </Space>
                  <Tag color={req.status === 'requested' ? 'gold' : 'blue'}>{t(`myJobs.statuses.${req.status}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

function JobItem({ job, today }: { job: MyJob; today: string }) {
  const { t } = useTranslation('board');
  const tickets = useTranslation('tickets').t;
  const labels = useTicketLabels();
  const format = useTicketFormat();
  const when =
    job.time !== null
      ? t('myJobs.at', { time: job.time })
      : job.plannedDate === null
        ? t('myJobs.undated')
        : job.plannedDate === today
          ? t('myJobs.plannedToday')
          : t('myJobs.plannedOn', { date: format.date(job.plannedDate) });
  return (
    <List.Item key={job.id} actions={[<SlaBadge key="sla" sla={job.sla} />]}>
      <List.Item.Meta
        avatar={job.location === 'on_site' ? <EnvironmentOutlined aria-hidden /> : <ToolOutlined aria-hidden />}
        title={
          <Space wrap size={[8, 0]}>
            {job.overdue ? (
              <Tag color="red" icon={<WarningOutlined aria-hidden />}>
                {t('myJobs.overdue')}
              </Tag>
            ) : null}
            <strong>{when}</strong>
            <a href={ticketHref(job.id)}>{job.number}</a>
            <span>{job.customerName}</span>
            {job.priority !== 'normal' ? <Tag color="volcano">{tickets(`priorities.${job.priority}`)}</Tag> : null}
          </Space>
        }
        description={
          <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary" ellipsis={{ tooltip: job.summary }}>
              {labels.status(job.status)} · {job.location ? tickets(`locations.${job.location}`) : ''} · {job.summary}
            </Typography.Text>
            {job.address ? (
              <Typography.Text>
                {t('myJobs.address')}: {job.address}
              </Typography.Text>
            ) : null}
          </Space>
        }
      />
    </List.Item>
  );
}

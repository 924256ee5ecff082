/**
 * The reports of a period, in tabs: the SLA breach report (recorded breaches by
 * ticket type, by clock and by responsible staff member), and for leads and managers the complaint
 * analysis and staff performance (docs/DOMAIN.md §3, §8).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreachReportInput } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { ComplaintReportTab } from './complaint-report-tab';
import { useTicketFormat } from './format';
import { go, queueHref } from './route';
import { StaffReportTab } from './staff-report-tab';
import { ContentLoading } from '../../shell/page-loading';

/**
 * The month so far in the store's time zone (the reports count the store's local dates): what a
 * store manager looks at first, whatever zone this PC's clock is set to.
 */
function thisMonth(timeZone: string): BreachReportInput {
  // en-CA writes dates as YYYY-MM-DD.
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function ReportsView() {
  const errorText = useErrorText();
  const { state } = useDeskQuery('tickets.settings', {});
  if (state.status === 'error') return <Alert type="error" showIcon role="alert" title={errorText(state.error.key)} />;
  return state.value ? <PeriodReports timeZone={state.value.timeZone} /> : null;
}

function PeriodReports({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation('tickets');
  const [period, setPeriod] = useState<BreachReportInput>(() => thisMonth(timeZone));
  const [draft, setDraft] = useState<BreachReportInput>(period);
  const { can } = useSignedIn();
  const quality = can('tickets.reports');
  return (
    <section aria-labelledby="reports-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={2} id="reports-title" style={{ margin: 0 }}>
          {t('serviceReports.title')}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(queueHref)}>
          {t('reports.back')}
        </Button>
      </Space>
      <Form layout="inline" onFinish={() => setPeriod(draft)} style={{ marginBottom: 12 }}>
        <Form.Item label={t('reports.from')} htmlFor="report-from">
          <DateInput
            id="report-from"
            value={draft.from}
            onChange={(value) => setDraft((p) => ({ ...p, from: value ?? '' }))}
          />
        </Form.Item>
        <Form.Item label={t('reports.to')} htmlFor="report-to">
          <DateInput
            id="report-to"
            value={draft.to}
            onChange={(value) => setDraft((p) => ({ ...p, to: value ?? '' }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t('reports.show')}</Button>
      </Form>
      <Tabs
        aria-label={t('serviceReports.tabs')}
        destroyOnHidden
        items={[
          { key: 'breaches', label: t('serviceReports.breaches'), children: <Report period={period} /> },
          ...(quality
            ? [
                {
                  key: 'complaints',
                  label: t('serviceReports.complaints'),
                  children: <ComplaintReportTab period={period} />,
                },
                { key: 'staff', label: t('serviceReports.staff'), children: <StaffReportTab period={period} /> },
              ]
            : []),
        ]}
      />
      {quality ? null : <Typography.Paragraph type="secondary">{t('serviceReports.forbidden')}</Typography.Paragraph>}
    </section>
  );
}

function Report({ period }: { period: BreachReportInput }) {
  const { t, i18n } = useTranslation('tickets');
  const errorText = useErrorText();
  const format = useTicketFormat();
  const { state } = useDeskQuery('tickets.breachReport', period, { refetchOn: ['tickets.changed'] });
  if (state.status === 'error') return <Alert type="error" showIcon role="alert" title={errorText(state.error.key)} />;
  const report = state.value;
  if (!report) return <ContentLoading rows={6} />;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(
    report.breachedShare,
  );
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        title={`${format.date(report.from)} – ${format.date(report.to)}`}
        items={[
          { key: 'handled', label: t('reports.handled'), children: report.handled },
          { key: 'breachedTickets', label: t('reports.breachedTickets'), children: report.breachedTickets },
          { key: 'share', label: t('reports.share'), children: percent },
          { key: 'breaches', label: t('reports.breaches'), children: report.breaches },
          { key: 'reply', label: t('reports.reply'), children: report.byKind.respond },
          { key: 'resolve', label: t('reports.resolve'), children: report.byKind.resolve },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('reports.periodNote')}
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Card size="small" title={t('reports.byType')} role="region" aria-label={t('reports.byType')}>
          <Table
            size="small"
            pagination={false}
            rowKey="ticketType"
            locale={{ emptyText: t('reports.none') }}
            dataSource={[...report.byType]}
            columns={[
              { key: 'type', title: t('slaTargets.type'), render: (_, r) => t(`types.${r.ticketType}`) },
              { key: 'reply', title: t('reports.reply'), dataIndex: 'respond' },
              { key: 'resolve', title: t('reports.resolve'), dataIndex: 'resolve' },
              { key: 'total', title: t('reports.total'), render: (_, r) => r.respond + r.resolve },
            ]}
          />
        </Card>
        <Card size="small" title={t('reports.byStaff')} role="region" aria-label={t('reports.byStaff')}>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.staffId ?? ''}
            locale={{ emptyText: t('reports.none') }}
            dataSource={[...report.byStaff]}
            columns={[
              { key: 'staff', title: t('reports.staff'), render: (_, r) => r.name ?? t('reports.unassigned') },
              { key: 'reply', title: t('reports.reply'), dataIndex: 'respond' },
              { key: 'resolve', title: t('reports.resolve'), dataIndex: 'resolve' },
              { key: 'total', title: t('reports.total'), render: (_, r) => r.respond + r.resolve },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}

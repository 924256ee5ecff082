/**
 * The SLA breach report (issue 4 item 5): recorded breaches of a period by ticket type, by clock and
 * by responsible staff member, with the share of the period's tickets that breached.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreachReportInput } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useDeskQuery } from '../../use-desk';
import { useTicketFormat } from './format';
import { go, queueHref } from './route';

/** Local YYYY-MM-DD of a Date, as the date input writes it. */
function ymd(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The month so far: what a store manager looks at first. */
function thisMonth(): BreachReportInput {
  const today = new Date();
  return { from: ymd(new Date(today.getFullYear(), today.getMonth(), 1)), to: ymd(today) };
}

export function ReportsView() {
  const { t } = useTranslation('tickets');
  const [period, setPeriod] = useState<BreachReportInput>(thisMonth);
  const [draft, setDraft] = useState<BreachReportInput>(period);
  return (
    <section aria-labelledby="reports-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={2} id="reports-title" style={{ margin: 0 }}>
          {t('reports.title')}
        </Typography.Title>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go(queueHref)}>
          {t('reports.back')}
        </Button>
      </Space>
      <Form layout="inline" onFinish={() => setPeriod(draft)} style={{ marginBottom: 12 }}>
        <Form.Item label={t('reports.from')} htmlFor="report-from">
          <Input id="report-from" type="date" value={draft.from} onChange={(e) => setDraft((p) => ({ ...p, from: e.target.value }))} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item label={t('reports.to')} htmlFor="report-to">
          <Input id="report-to" type="date" value={draft.to} onChange={(e) => setDraft((p) => ({ ...p, to: e.target.value }))} style={{ width: 170 }} />
        </Form.Item>
        <Button htmlType="submit">{t('reports.show')}</Button>
      </Form>
      <Report period={period} />
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
  if (!report) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(report.breachedShare);
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

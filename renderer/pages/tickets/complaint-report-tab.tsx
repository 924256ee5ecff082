/**
 * Complaint analysis (docs/DOMAIN.md §3): how many, of which kind, through which channel, week by week
 * or month by month, what recurs, and how they ended. Each chart has its numbers in a table.
 */
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BreachReportInput, ComplaintReport } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import type { ticketsReportsEn } from '../../i18n/tickets.reports.en';
import { useDeskQuery } from '../../use-desk';
import { ReportFigure } from './report-figure';
import { ContentLoading } from '../../shell/page-loading';

type Report = ComplaintReport;

export function ComplaintReportTab({ period }: { period: BreachReportInput }) {
  const { t, i18n } = useTranslation('tickets');
  const errorText = useErrorText();
  const { state } = useDeskQuery('tickets.complaintReport', period, { refetchOn: ['tickets.changed'] });
  if (state.status === 'error') return <Alert type="error" showIcon role="alert" title={errorText(state.error.key)} />;
  const report = state.value;
  if (!report) return <ContentLoading rows={8} />;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const minutes = (m: number | null) => (m === null ? '—' : t('serviceReports.minutes', { count: Math.round(m) }));
  const c = (key: keyof typeof ticketsReportsEn.serviceReports.complaint) => t(`serviceReports.complaint.${key}`);
  const categories = report.byCategory.map((r) => ({ ...r, label: t(`complaintCategories.${r.category}`) }));
  const trendTitle = report.trendUnit === 'week' ? c('trendWeek') : c('trendMonth');
  const file = (name: string) => `complaints-${name}-${report.from}-${report.to}.xlsx`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 4 }}
        items={[
          { key: 'total', label: c('total'), children: report.total },
          { key: 'resolved', label: c('resolved'), children: report.resolved },
          { key: 'reopened', label: c('reopened'), children: report.reopenedLowRating },
          { key: 'escalated', label: c('escalated'), children: report.escalated },
          { key: 'median', label: c('median'), children: minutes(report.medianResolveMinutes) },
          { key: 'rating', label: c('rating'), children: report.ratings.average ?? '—' },
          { key: 'ratings', label: c('ratings'), children: report.ratings.count },
        ]}
      />
      <Typography.Paragraph type="secondary">{c('note')}</Typography.Paragraph>
      <ReportFigure<(typeof categories)[number]>
        title={c('byCategory')}
        fileName={file('categories')}
        rows={categories}
        rowKey={(r) => r.category}
        columns={[
          { key: 'category', title: c('category'), value: (r) => r.label },
          { key: 'count', title: c('count'), value: (r) => r.count },
          { key: 'share', title: c('share'), value: (r) => percent.format(r.share) },
        ]}
        chart={
          <ResponsiveContainer>
            <BarChart data={categories} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={110} />
              <Tooltip />
              <Legend />
              <Bar dataKey="count" name={c('count')} fill="#1677ff" />
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportFigure<Report['trend'][number]>
        title={trendTitle}
        fileName={file('trend')}
        rows={report.trend}
        rowKey={(r) => r.bucket}
        columns={[
          { key: 'bucket', title: report.trendUnit === 'week' ? c('week') : c('month'), value: (r) => r.bucket },
          { key: 'count', title: c('count'), value: (r) => r.count },
        ]}
        chart={
          <ResponsiveContainer>
            <LineChart data={[...report.trend]}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="bucket" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="count" name={c('count')} stroke="#cf1322" />
            </LineChart>
          </ResponsiveContainer>
        }
      />
      <ReportFigure<Report['byChannel'][number]>
        title={c('byChannel')}
        fileName={file('channels')}
        rows={report.byChannel}
        rowKey={(r) => r.channel}
        columns={[
          { key: 'channel', title: c('channel'), value: (r) => t(`channels.${r.channel}`) },
          { key: 'count', title: c('count'), value: (r) => r.count },
        ]}
      />
      <ReportFigure<Report['recurring'][number]>
        title={c('recurring')}
        fileName={file('recurring')}
        rows={report.recurring}
        rowKey={(r) => `${r.product ?? ''}:${r.category}`}
        columns={[
          { key: 'product', title: c('product'), value: (r) => r.product ?? c('noProduct') },
          { key: 'category', title: c('category'), value: (r) => t(`complaintCategories.${r.category}`) },
          { key: 'count', title: c('count'), value: (r) => r.count },
        ]}
      />
      <ReportFigure<Report['ratings']['byScore'][number]>
        title={c('byScore')}
        fileName={file('ratings')}
        rows={report.ratings.count === 0 ? [] : report.ratings.byScore}
        rowKey={(r) => String(r.score)}
        columns={[
          { key: 'score', title: c('score'), value: (r) => r.score },
          { key: 'count', title: c('ratingCount'), value: (r) => r.count },
        ]}
      />
    </Space>
  );
}

/**
 * Staff performance (绩效考核, docs/DOMAIN.md §8): per responsible staff member the tickets, time to
 * resolve, follow-up ratings, complaints and breaches, and the period's service star by a stated rule.
 */
import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STAR_MIN_RATINGS, type BreachReportInput, type StaffPerformanceRow } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import type { ticketsReportsEn } from '../../i18n/tickets.reports.en';
import { useDeskQuery } from '../../use-desk';
import { ReportFigure } from './report-figure';
import { ContentLoading } from '../../shell/page-loading';

export function StaffReportTab({ period }: { period: BreachReportInput }) {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  const { state } = useDeskQuery('tickets.staffReport', period, { refetchOn: ['tickets.changed'] });
  if (state.status === 'error') return <Alert type="error" showIcon role="alert" title={errorText(state.error.key)} />;
  const report = state.value;
  if (!report) return <ContentLoading rows={8} />;
  const s = (key: keyof typeof ticketsReportsEn.serviceReports.staffReport, values?: Record<string, string | number>) =>
    t(`serviceReports.staffReport.${key}`, values ?? {});
  const minutes = (m: number | null) => (m === null ? '—' : t('serviceReports.minutes', { count: Math.round(m) }));
  const star = report.staff.find((r) => r.staffId === report.starStaffId);
  const file = (name: string) => `staff-${name}-${report.from}-${report.to}.xlsx`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {star ? (
        <Alert
          type="success"
          showIcon
          icon={<TrophyOutlined aria-hidden />}
          role="status"
          title={s('star', { name: star.name })}
        />
      ) : (
        <Alert type="info" showIcon role="status" title={s('noStar', { min: STAR_MIN_RATINGS })} />
      )}
      <Typography.Paragraph type="secondary">{s('starRule', { min: STAR_MIN_RATINGS })}</Typography.Paragraph>
      <ReportFigure<StaffPerformanceRow>
        title={s('chart')}
        fileName={file('resolved')}
        rows={report.staff}
        rowKey={(r) => r.staffId}
        columns={[
          { key: 'name', title: s('name'), value: (r) => r.name },
          { key: 'assigned', title: s('assigned'), value: (r) => r.assigned },
          { key: 'resolved', title: s('resolved'), value: (r) => r.resolved },
        ]}
        chart={
          <ResponsiveContainer>
            <BarChart data={[...report.staff]}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="assigned" name={s('assigned')} fill="#91caff" />
              <Bar dataKey="resolved" name={s('resolved')} fill="#1677ff" />
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ReportFigure<StaffPerformanceRow>
        title={s('table')}
        fileName={file('performance')}
        rows={report.staff}
        rowKey={(r) => r.staffId}
        columns={[
          { key: 'name', title: s('name'), value: (r) => (r.staffId === report.starStaffId ? `★ ${r.name}` : r.name) },
          { key: 'assigned', title: s('assigned'), value: (r) => r.assigned },
          { key: 'resolved', title: s('resolved'), value: (r) => r.resolved },
          { key: 'median', title: s('median'), value: (r) => minutes(r.medianResolveMinutes) },
          { key: 'p90', title: s('p90'), value: (r) => minutes(r.p90ResolveMinutes) },
          { key: 'average', title: s('average'), value: (r) => r.averageRating ?? '—' },
          { key: 'ratingCount', title: s('ratingCount'), value: (r) => r.ratingCount },
          { key: 'lowRatings', title: s('lowRatings'), value: (r) => r.lowRatings },
          { key: 'complaintsAbout', title: s('complaintsAbout'), value: (r) => r.complaintsAbout },
          { key: 'attitude', title: s('attitude'), value: (r) => r.attitudeComplaints },
          { key: 'breaches', title: s('breaches'), value: (r) => r.breaches },
        ]}
      />
    </Space>
  );
}

/** Turnaround: hours from taking a ticket to its last resolution (repairs unless another type is chosen). */
import { Col, Row, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportFilters, Turnaround } from '../../../headoffice/console/contract/reports';
import { Figure, type Column } from './figure';
import { CHART_COLOURS, orDash, storeLabel } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

export function TurnaroundTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('turnaround', filters);
  const r = loaded.data;
  const columns = <T extends Turnaround>(): Column<T>[] => [
    { key: 'count', title: t('resolvedCount'), align: 'right', value: (row) => row.count },
    { key: 'hours', title: t('averageHours'), align: 'right', value: (row) => orDash(row.averageHours) },
  ];
  const buckets = (r?.buckets ?? []).map((b) => ({ ...b, label: t(`bucket.${b.bucket}`) }));
  return (
    <ReportState loaded={loaded}>
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={12}>
              <Statistic
                title={t('turnaroundOf', { type: t(`ticketType.${r.type}`) })}
                value={orDash(r.averageHours)}
                suffix={r.averageHours === null ? undefined : 'h'}
              />
            </Col>
            <Col span={6}>
              <Statistic title={t('resolvedCount')} value={r.count} />
            </Col>
          </Row>
          <Figure
            title={t('buckets')}
            fileName="turnaround-buckets"
            rows={r.count > 0 ? buckets : []}
            rowKey={(b) => b.bucket}
            chart={
              <ResponsiveContainer>
                <BarChart data={buckets}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="count" name={t('count')} fill={CHART_COLOURS[4]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            columns={[
              { key: 'bucket', title: t('buckets'), value: (b) => b.label },
              { key: 'count', title: t('count'), align: 'right', value: (b) => b.count },
            ]}
          />
          <Figure
            title={t('turnaroundTrend')}
            fileName="turnaround-by-month"
            rows={r.trend}
            rowKey={(m) => m.month}
            columns={[
              { key: 'month', title: t('month'), value: (m) => m.month },
              ...columns<(typeof r.trend)[number]>(),
            ]}
          />
          <Figure
            title={t('turnaroundByStore')}
            fileName="turnaround-by-store"
            rows={r.byStore}
            rowKey={(s) => s.storeId}
            paged
            columns={[{ key: 'store', title: t('store'), value: storeLabel }, ...columns<(typeof r.byStore)[number]>()]}
          />
        </>
      )}
    </ReportState>
  );
}

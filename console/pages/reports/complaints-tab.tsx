/** Complaints by category, channel, month and store (docs/DOMAIN.md §3: counted periodically by category). */
import { Col, Row, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ComplaintsReport, ReportFilters } from '../../../headoffice/console/contract/reports';
import { Figure } from './figure';
import { CHART_COLOURS, storeLabel } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

const CATEGORIES = ['product_quality', 'service_attitude', 'delivery', 'aftersales', 'other'];

export function ComplaintsTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('complaints', filters);
  const r = loaded.data;
  const category = (key: string) => t(`category.${key}` as 'category.other');
  const channel = (key: string) => t(`channel.${key}` as 'channel.phone');
  const share = (count: number) => (r && r.total > 0 ? `${((count / r.total) * 100).toFixed(1)}%` : '—');
  const trendRows = (r?.trend ?? []).map((m) => ({ month: m.month, total: m.total, ...m.byCategory }));
  return (
    <ReportState loaded={loaded}>
      {r && (
        <>
          <Statistic title={t('complaintsTotal')} value={r.total} style={{ marginBottom: 16 }} />
          <Figure
            title={t('complaintTrend')}
            fileName="complaints-by-month"
            rows={trendRows}
            rowKey={(m) => m.month}
            chart={
              <ResponsiveContainer>
                <BarChart data={trendRows}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  {CATEGORIES.map((c, i) => (
                    <Bar
                      key={c}
                      dataKey={c}
                      name={category(c)}
                      stackId="c"
                      fill={CHART_COLOURS[i]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            }
            columns={[
              { key: 'month', title: t('month'), value: (m) => m.month },
              ...CATEGORIES.map((c) => ({
                key: c,
                title: category(c),
                align: 'right' as const,
                value: (m: Record<string, string | number>) => (m[c] as number | undefined) ?? 0,
              })),
              { key: 'total', title: t('total'), align: 'right', value: (m) => m.total },
            ]}
          />
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Figure
                title={t('byCategory')}
                fileName="complaints-by-category"
                rows={r.byCategory}
                rowKey={(c) => c.category}
                columns={[
                  { key: 'category', title: t('category'), value: (c) => category(c.category) },
                  { key: 'count', title: t('count'), align: 'right', value: (c) => c.count },
                  { key: 'share', title: t('share'), align: 'right', value: (c) => share(c.count) },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Figure
                title={t('byChannel')}
                fileName="complaints-by-channel"
                rows={r.byChannel}
                rowKey={(c) => c.channel}
                columns={[
                  { key: 'channel', title: t('channel'), value: (c) => channel(c.channel) },
                  { key: 'count', title: t('count'), align: 'right', value: (c) => c.count },
                  { key: 'share', title: t('share'), align: 'right', value: (c) => share(c.count) },
                ]}
              />
            </Col>
          </Row>
          <Figure<ComplaintsReport['byStore'][number]>
            title={t('complaintsByStore')}
            fileName="complaints-by-store"
            rows={r.byStore}
            rowKey={(s) => s.storeId}
            paged
            columns={[
              { key: 'store', title: t('store'), value: storeLabel },
              { key: 'count', title: t('count'), align: 'right', value: (s) => s.count },
              { key: 'share', title: t('share'), align: 'right', value: (s) => share(s.count) },
            ]}
          />
        </>
      )}
    </ReportState>
  );
}

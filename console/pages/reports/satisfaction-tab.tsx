/** Satisfaction from the follow-up calls (docs/DOMAIN.md §6, §8): ratings 1–5 by month, type and store. */
import { Col, Row, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Ratings, ReportFilters } from '../../../headoffice/console/contract/reports';
import { Figure, type Column } from './figure';
import { CHART_COLOURS, orDash, storeLabel } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

export function SatisfactionTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('satisfaction', filters);
  const r = loaded.data;
  const ratingColumns = <T extends Ratings>(): Column<T>[] => [
    { key: 'count', title: t('ratings'), align: 'right', value: (row) => row.count },
    { key: 'average', title: t('average'), align: 'right', value: (row) => orDash(row.average) },
    ...[1, 2, 3, 4, 5].map((score) => ({
      key: `s${score}`,
      title: t('score', { score }),
      align: 'right' as const,
      value: (row: T) => row.byScore[score - 1] ?? 0,
    })),
  ];
  const scores = (r?.byScore ?? []).map((count, i) => ({ score: t('score', { score: i + 1 }), count }));
  return (
    <ReportState loaded={loaded}>
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('average')} value={orDash(r.average)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('ratings')} value={r.count} />
            </Col>
          </Row>
          <Figure
            title={t('byScore')}
            fileName="ratings-by-score"
            rows={r.count > 0 ? scores : []}
            rowKey={(s) => s.score}
            chart={
              <ResponsiveContainer>
                <BarChart data={scores}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="score" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="count" name={t('count')} fill={CHART_COLOURS[0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            columns={[
              { key: 'score', title: t('byScore'), value: (s) => s.score },
              { key: 'count', title: t('count'), align: 'right', value: (s) => s.count },
            ]}
          />
          <Figure
            title={t('satisfactionTrend')}
            fileName="satisfaction-by-month"
            rows={r.trend}
            rowKey={(m) => m.month}
            columns={[
              { key: 'month', title: t('month'), value: (m) => m.month },
              ...ratingColumns<(typeof r.trend)[number]>(),
            ]}
          />
          <Figure
            title={t('satisfactionByType')}
            fileName="satisfaction-by-type"
            rows={r.byType}
            rowKey={(row) => row.type}
            columns={[
              { key: 'type', title: t('type'), value: (row) => t(`ticketType.${row.type}`) },
              ...ratingColumns<(typeof r.byType)[number]>(),
            ]}
          />
          <Figure
            title={t('satisfactionByStore')}
            fileName="satisfaction-by-store"
            rows={r.byStore}
            rowKey={(row) => row.storeId}
            paged
            columns={[
              { key: 'store', title: t('store'), width: 180, value: storeLabel },
              ...ratingColumns<(typeof r.byStore)[number]>(),
            ]}
          />
        </>
      )}
    </ReportState>
  );
}

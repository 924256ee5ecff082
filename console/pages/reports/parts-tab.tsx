/** Parts across stores (docs/DOMAIN.md §7): consumption by month, the most consumed parts, and slow stock. */
import { Col, Row, Statistic } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '../../../headoffice/console/contract/reports';
import { Figure } from './figure';
import { CHART_COLOURS, yuan } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

export function PartsTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('parts', filters);
  const r = loaded.data;
  return (
    <ReportState loaded={loaded}>
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('consumed')} value={r.consumed} />
            </Col>
            <Col span={6}>
              <Statistic title={t('consumedValue')} value={yuan(r.consumedFen)} />
            </Col>
          </Row>
          <Figure
            title={t('partsTrend')}
            fileName="parts-by-month"
            rows={r.trend}
            rowKey={(m) => m.month}
            chart={
              <ResponsiveContainer>
                <BarChart data={r.trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="consumed" name={t('consumed')} fill={CHART_COLOURS[5]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            }
            columns={[
              { key: 'month', title: t('month'), value: (m) => m.month },
              { key: 'consumed', title: t('consumed'), align: 'right', value: (m) => m.consumed },
              {
                key: 'fen',
                title: t('consumedValue'),
                align: 'right',
                value: (m) => m.consumedFen / 100,
                show: (m) => yuan(m.consumedFen),
              },
            ]}
          />
          <Figure
            title={t('topParts')}
            fileName="parts-most-consumed"
            rows={r.top}
            rowKey={(p) => p.partId}
            paged
            columns={[
              { key: 'partNo', title: t('partNo'), value: (p) => p.partNo },
              { key: 'name', title: t('partName'), value: (p) => p.name },
              { key: 'consumed', title: t('consumed'), align: 'right', value: (p) => p.consumed },
              {
                key: 'fen',
                title: t('consumedValue'),
                align: 'right',
                value: (p) => p.consumedFen / 100,
                show: (p) => yuan(p.consumedFen),
              },
              { key: 'stores', title: t('storesHolding'), align: 'right', value: (p) => p.stores },
            ]}
          />
          <Figure
            title={t('slowStock', { days: r.slowDays })}
            fileName="parts-slow-stock"
            rows={r.slow}
            rowKey={(p) => p.partId}
            paged
            columns={[
              { key: 'partNo', title: t('partNo'), value: (p) => p.partNo },
              { key: 'name', title: t('partName'), value: (p) => p.name },
              { key: 'onHand', title: t('onHand'), align: 'right', value: (p) => p.onHand },
              {
                key: 'value',
                title: t('stockValue'),
                align: 'right',
                value: (p) => p.valueFen / 100,
                show: (p) => yuan(p.valueFen),
              },
              { key: 'stores', title: t('storesHolding'), align: 'right', value: (p) => p.stores },
            ]}
          />
        </>
      )}
    </ReportState>
  );
}

/** SLA compliance (docs/DOMAIN.md §8): first reply and resolution on time, by type, month and store. */
import { Col, Row, Statistic } from 'antd';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { Clock, ReportFilters } from '../../../headoffice/console/contract/reports';
import { Figure, type Column } from './figure';
import { CHART_COLOURS, percent, rateCell, storeLabel } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

type WithClocks = { reply: Clock; resolve: Clock };

export function SlaTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('sla', filters);
  const r = loaded.data;
  const clockColumns = <T extends WithClocks>(): Column<T>[] =>
    (['reply', 'resolve'] as const).flatMap((clock) => {
      const name = t(clock === 'reply' ? 'replyClock' : 'resolveClock');
      return [
        {
          key: `${clock}Met`,
          title: `${name} · ${t('met')}`,
          align: 'right' as const,
          value: (row: T) => row[clock].met,
        },
        {
          key: `${clock}Breached`,
          title: `${name} · ${t('breached')}`,
          align: 'right' as const,
          value: (row: T) => row[clock].breached,
        },
        {
          key: `${clock}Rate`,
          title: `${name} · ${t('rate')}`,
          align: 'right' as const,
          value: (row: T) => rateCell(row[clock].rate),
          show: (row: T) => percent(row[clock].rate),
        },
      ];
    });
  const trend = (r?.trend ?? []).map((m) => ({
    ...m,
    replyPct: m.reply.rate === null ? null : m.reply.rate * 100,
    resolvePct: m.resolve.rate === null ? null : m.resolve.rate * 100,
  }));
  return (
    <ReportState loaded={loaded}>
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('replyRate')} value={percent(r.reply.rate)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('resolveRate')} value={percent(r.resolve.rate)} />
            </Col>
            <Col span={6}>
              <Statistic title={`${t('replyClock')} · ${t('breached')}`} value={r.reply.breached} />
            </Col>
            <Col span={6}>
              <Statistic title={`${t('resolveClock')} · ${t('breached')}`} value={r.resolve.breached} />
            </Col>
          </Row>
          <Figure
            title={t('slaTrend')}
            fileName="sla-by-month"
            rows={trend}
            rowKey={(m) => m.month}
            chart={
              <ResponsiveContainer>
                <LineChart data={trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—')} />
                  <Legend />
                  <Line
                    dataKey="replyPct"
                    name={`${t('replyClock')} · ${t('rate')}`}
                    stroke={CHART_COLOURS[0]}
                    connectNulls
                    isAnimationActive={false}
                  />
                  <Line
                    dataKey="resolvePct"
                    name={`${t('resolveClock')} · ${t('rate')}`}
                    stroke={CHART_COLOURS[1]}
                    connectNulls
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            }
            columns={[
              { key: 'month', title: t('month'), width: 90, value: (m) => m.month },
              ...clockColumns<(typeof trend)[number]>(),
            ]}
          />
          <Figure
            title={t('slaByType')}
            fileName="sla-by-type"
            rows={r.byType}
            rowKey={(row) => row.type}
            columns={[
              { key: 'type', title: t('type'), width: 90, value: (row) => t(`ticketType.${row.type}`) },
              ...clockColumns<(typeof r.byType)[number]>(),
            ]}
          />
          <Figure
            title={t('slaByStore')}
            fileName="sla-by-store"
            rows={r.byStore}
            rowKey={(row) => row.storeId}
            paged
            columns={[
              { key: 'store', title: t('store'), width: 160, value: storeLabel },
              ...clockColumns<(typeof r.byStore)[number]>(),
            ]}
          />
        </>
      )}
    </ReportState>
  );
}

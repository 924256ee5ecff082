/** Stores side by side (docs/DOMAIN.md §8): the same measures for every store that had any in the period. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '../../../headoffice/console/contract/reports';
import { Figure } from './figure';
import { CHART_COLOURS, orDash, percent, rateCell, storeLabel, yuan } from './format';
import { ReportState } from './report-state';
import { useReport } from './use-report';

/** The chart shows the first stores by code; the table below pages through all of them. */
const CHART_STORES = 30;

export function StoresTab({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const loaded = useReport('stores', filters);
  const rows = loaded.data?.rows ?? [];
  const chart = rows
    .slice(0, CHART_STORES)
    .map((s) => ({ code: s.code, tickets: s.tickets, complaints: s.complaints }));
  return (
    <ReportState loaded={loaded}>
      {loaded.data && (
        <Figure
          title={t('storeComparison')}
          fileName="stores-side-by-side"
          rows={rows}
          rowKey={(s) => s.storeId}
          paged
          chart={
            <ResponsiveContainer>
              <BarChart data={chart}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="code" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="tickets" name={t('tickets')} fill={CHART_COLOURS[0]} isAnimationActive={false} />
                <Bar dataKey="complaints" name={t('complaints')} fill={CHART_COLOURS[3]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          }
          columns={[
            { key: 'store', title: t('store'), width: 170, value: storeLabel },
            { key: 'tickets', title: t('tickets'), align: 'right', value: (s) => s.tickets },
            { key: 'complaints', title: t('complaints'), align: 'right', value: (s) => s.complaints },
            {
              key: 'reply',
              title: t('replyRate'),
              align: 'right',
              value: (s) => rateCell(s.replyRate),
              show: (s) => percent(s.replyRate),
            },
            {
              key: 'resolve',
              title: t('resolveRate'),
              align: 'right',
              value: (s) => rateCell(s.resolveRate),
              show: (s) => percent(s.resolveRate),
            },
            { key: 'rating', title: t('averageRating'), align: 'right', value: (s) => orDash(s.averageRating) },
            { key: 'repair', title: t('repairHours'), align: 'right', value: (s) => orDash(s.repairAverageHours) },
            {
              key: 'parts',
              title: t('partsValue'),
              align: 'right',
              value: (s) => s.partsConsumedFen / 100,
              show: (s) => yuan(s.partsConsumedFen),
            },
          ]}
        />
      )}
    </ReportState>
  );
}

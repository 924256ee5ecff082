/**
 * Chain reports (docs/DOMAIN.md §3, §8): one tab per report over the same filters — a period of
 * months, some stores or all, a ticket type — each with charts and the same numbers in tables,
 * exportable to Excel. Head office computes them from its rollups (GET /console/api/reports/…).
 */
import { Button, Form, InputNumber, Select, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  monthsBetween,
  REPORT_MAX_MONTHS,
  REPORT_MAX_STORES,
  REPORT_NAMES,
  REPORT_TICKET_TYPES,
  type ReportFilters,
  type ReportName,
  type ReportOptions,
  type ReportTicketType,
} from '../../../headoffice/console/contract/reports';
import { api } from '../../api';
import { useApi } from '../../use-api';
import { ComplaintsTab } from './complaints-tab';
import { storeLabel } from './format';
import { PartsTab } from './parts-tab';
import { SatisfactionTab } from './satisfaction-tab';
import { SlaTab } from './sla-tab';
import { StoresTab } from './stores-tab';
import { TurnaroundTab } from './turnaround-tab';

const TABS: Record<ReportName, (props: { filters: ReportFilters }) => React.JSX.Element> = {
  complaints: ComplaintsTab,
  sla: SlaTab,
  satisfaction: SatisfactionTab,
  turnaround: TurnaroundTab,
  parts: PartsTab,
  stores: StoresTab,
};

/** The reports a ticket type narrows (complaints are one type; parts have none). */
const TYPED: ReadonlySet<ReportName> = new Set(['sla', 'satisfaction', 'turnaround', 'stores']);

const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + m - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export default function ReportsPage() {
  const { t } = useTranslation('reports');
  const options = useApi(() => api.get<ReportOptions>('/reports/options'), []);
  const last = options.data?.months.last ?? thisMonth();
  // The months offered: the three years up to the latest month with data (or this month).
  const months = useMemo(() => monthsBetween(shift(last, -(REPORT_MAX_MONTHS - 1)), last).reverse(), [last]);
  const [chosen, setChosen] = useState<{
    from?: string;
    to?: string;
    stores: string[];
    type?: ReportTicketType;
    slowDays: number;
  }>({
    stores: [],
    slowDays: 90,
  });
  const [tab, setTab] = useState<ReportName>('complaints');
  // Refresh asks again for the options and the report shown.
  const [round, setRound] = useState(0);
  const to = chosen.to ?? last;
  const from =
    chosen.from ??
    (options.data?.months.first && options.data.months.first > shift(to, -11)
      ? options.data.months.first
      : shift(to, -11));
  const filters: ReportFilters = {
    from,
    to,
    stores: chosen.stores.join(','),
    type: chosen.type,
    slowDays: chosen.slowDays,
  };
  const Tab = TABS[tab];

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 8, rowGap: 8 }}>
        <Form.Item label={t('from')}>
          <Select
            aria-label={t('from')}
            value={from}
            style={{ width: 110 }}
            options={months.filter((m) => m <= to).map((m) => ({ value: m, label: m }))}
            onChange={(value) => setChosen((c) => ({ ...c, from: value }))}
          />
        </Form.Item>
        <Form.Item label={t('to')}>
          <Select
            aria-label={t('to')}
            value={to}
            style={{ width: 110 }}
            options={months.filter((m) => m >= from).map((m) => ({ value: m, label: m }))}
            onChange={(value) => setChosen((c) => ({ ...c, to: value }))}
          />
        </Form.Item>
        <Form.Item label={t('stores')}>
          <Select
            aria-label={t('stores')}
            mode="multiple"
            allowClear
            maxCount={REPORT_MAX_STORES}
            maxTagCount="responsive"
            placeholder={t('allStores')}
            style={{ width: 280 }}
            value={chosen.stores}
            optionFilterProp="label"
            options={(options.data?.stores ?? []).map((s) => ({ value: s.storeId, label: storeLabel(s) }))}
            onChange={(stores: string[]) => setChosen((c) => ({ ...c, stores }))}
          />
        </Form.Item>
        {TYPED.has(tab) && (
          <Form.Item label={t('type')}>
            <Select
              aria-label={t('type')}
              allowClear
              placeholder={t('allTypes')}
              style={{ width: 130 }}
              value={chosen.type}
              options={REPORT_TICKET_TYPES.map((type) => ({ value: type, label: t(`ticketType.${type}`) }))}
              onChange={(type?: ReportTicketType) => setChosen((c) => ({ ...c, type }))}
            />
          </Form.Item>
        )}
        {tab === 'parts' && (
          <Form.Item label={t('slowDays')}>
            <InputNumber
              aria-label={t('slowDays')}
              min={7}
              max={730}
              precision={0}
              value={chosen.slowDays}
              onChange={(days) => days !== null && setChosen((c) => ({ ...c, slowDays: days }))}
            />
          </Form.Item>
        )}
      </Form>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('note')}</Typography.Text>
        {options.problem && <Typography.Text type="danger">{options.problem}</Typography.Text>}
        <Button
          size="small"
          onClick={() => {
            options.reload();
            setRound((r) => r + 1);
          }}
        >
          {t('refresh')}
        </Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ReportName)}
        items={REPORT_NAMES.map((name) => ({ key: name, label: t(`tab.${name}`) }))}
      />
      <Tab key={`${tab}:${round}:${JSON.stringify(filters)}`} filters={filters} />
    </>
  );
}

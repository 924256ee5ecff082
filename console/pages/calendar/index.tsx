/**
 * The holiday calendar per region: a year view with closed days and make-up working days (调休)
 * marked, "fill from the data package" with a preview, and single days added, changed or removed
 * (a province's own days under its code, e.g. CN-GD). Stores take the days of their region (and
 * the country's) at their next sync; a store's own days win over them at the counter.
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CHINA_REGIONS,
  DAY_KINDS,
  MAX_YEAR,
  MIN_YEAR,
  REGION_CODE,
  type DayKind,
  type RegionDay,
  type RegionSummary,
  type RegionYear,
} from '../../../headoffice/console/contract/standards';
import { api } from '../../api';
import { useStaff } from '../../session';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';
import { FillDialog } from './fill-dialog';
import { YearGrid } from './year-grid';

export default function CalendarPage() {
  const { t } = useTranslation(['calendar', 'common']);
  const { message } = App.useApp();
  const { can } = useStaff();
  const editable = can('standards.edit');
  const [region, setRegion] = useState('CN');
  const [year, setYear] = useState(new Date().getFullYear());
  const regions = useApi(() => api.get<{ rows: RegionSummary[] }>('/standards/regions'), []);
  const days = useApi(() => api.get<RegionYear>('/standards/holidays', { region, year }), [region, year]);
  const [filling, setFilling] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const byDate = new Map((days.data?.days ?? []).map((d) => [d.date, d]));
  const known = new Set([...CHINA_REGIONS, ...(regions.data?.rows ?? []).map((r) => r.region)]);
  const countOf = (code: string) => regions.data?.rows.find((r) => r.region === code)?.days ?? 0;
  const reload = () => {
    days.reload();
    regions.reload();
  };
  const remove = async (day: RegionDay) => {
    try {
      await api.send('DELETE', `/standards/holidays/day/${day.region}/${day.date}`);
      void message.success(t('removed', { date: day.date }));
      reload();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<string>
          aria-label={t('region')}
          value={region}
          onChange={(r) => {
            setRegion(r);
            setPicked(null);
          }}
          showSearch
          style={{ width: 260 }}
          options={[...known].sort().map((code) => ({
            value: code,
            label: `${code} ${t(`region.${code}` as 'region.CN', { defaultValue: '' })} (${countOf(code)})`,
          }))}
        />
        <InputNumber<number>
          aria-label={t('year')}
          min={MIN_YEAR}
          max={MAX_YEAR}
          precision={0}
          value={year}
          onChange={(y) => y && setYear(y)}
        />
        {editable && (
          <Button type="primary" onClick={() => setFilling(true)}>
            {t('fill')}
          </Button>
        )}
        <Tag color="red">{t('kind.closed')}</Tag>
        <Tag color="blue">{t('kind.workday')}</Tag>
      </Space>
      {days.problem && <Alert type="error" showIcon title={days.problem} style={{ marginBottom: 12 }} />}
      <YearGrid year={year} days={byDate} selected={picked} onPick={setPicked} />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12, marginTop: 12 }}>
        {editable && (
          <DayEditor
            key={`${region}:${picked ?? ''}`}
            region={region}
            date={picked}
            existing={picked ? (byDate.get(picked) ?? null) : null}
            onSaved={reload}
          />
        )}
        <Card size="small" title={t('list', { region, year, count: days.data?.days.length ?? 0 })}>
          <Table<RegionDay>
            rowKey="date"
            size="small"
            loading={days.loading}
            dataSource={days.data?.days ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('none') }}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              {
                title: t('kind'),
                key: 'kind',
                width: 180,
                render: (_, d) => <Tag color={d.kind === 'closed' ? 'red' : 'blue'}>{t(`kind.${d.kind}`)}</Tag>,
              },
              { title: t('name'), dataIndex: 'name', ellipsis: { showTitle: true } },
              ...(editable
                ? [
                    {
                      title: '',
                      key: 'actions',
                      width: 130,
                      render: (_: unknown, d: RegionDay) => (
                        <Space size="small">
                          <Button size="small" onClick={() => setPicked(d.date)}>
                            {t('common:action.edit')}
                          </Button>
                          <Button
                            size="small"
                            danger
                            aria-label={t('removeOf', { date: d.date })}
                            onClick={() => void remove(d)}
                          >
                            {t('remove')}
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </div>
      {filling && <FillDialog region={region} year={year} onClose={() => setFilling(false)} onFilled={reload} />}
    </>
  );
}

function DayEditor({
  region,
  date: pickedDate,
  existing,
  onSaved,
}: {
  region: string;
  date: string | null;
  existing: RegionDay | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation(['calendar', 'common']);
  const { message } = App.useApp();
  const [date, setDate] = useState(pickedDate ?? '');
  const [kind, setKind] = useState<DayKind>(existing?.kind ?? 'closed');
  const [name, setName] = useState(existing?.name ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.send('PUT', '/standards/holidays/day', { region, date, kind, name });
      void message.success(t('common:saved'));
      setProblem(null);
      onSaved();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={existing ? t('editDay', { region, date: existing.date }) : t('addDay', { region })}>
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('date')} htmlFor="hq-day-date">
          <Input
            id="hq-day-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item label={t('kind')} htmlFor="hq-day-kind">
          <Select<DayKind>
            id="hq-day-kind"
            value={kind}
            onChange={setKind}
            options={DAY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('name')} htmlFor="hq-day-name">
          <Input id="hq-day-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        {!REGION_CODE.test(region) && <Alert type="error" showIcon title={t('badRegion')} />}
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 8 }} />}
        <Button type="primary" htmlType="submit" loading={saving} disabled={date === ''}>
          {t('saveDay')}
        </Button>
      </Form>
    </Card>
  );
}

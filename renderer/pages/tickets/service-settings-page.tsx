/**
 * Service standards (docs/DOMAIN.md §6, §8): the follow-up interval in working days, the time zone,
 * the holiday region, the SLA targets per type × priority × tier, and the holiday list with make-up
 * working days that SLA clocks and follow-up dates count in: head office's days for the region with
 * the store's own over them.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_CODE, type TicketSettingsView } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { FieldFrame } from '../../forms/fields';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { useTicketFormat } from './format';
import { SlaTargetsEditor } from './sla-targets-editor';

export function ServiceSettingsPage() {
  const { t } = useTranslation('tickets');
  const { state } = useDeskQuery('tickets.settings', {}, { refetchOn: ['tickets.changed'] });
  return (
    <section aria-labelledby="service-title" style={{ maxWidth: 720 }}>
      <Typography.Title level={2} id="service-title" style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title={t('settings.targets')}
        description={t('settings.targetsNote')}
        style={{ marginBottom: 16 }}
      />
      {state.value ? <SettingsForm key={JSON.stringify(state.value)} settings={state.value} /> : null}
      <SlaTargetsEditor />
      <Holidays />
    </section>
  );
}

function SettingsForm({ settings }: { settings: TicketSettingsView }) {
  const { t } = useTranslation('tickets');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const update = useDeskMutation('tickets.updateSettings');
  const [days, setDays] = useState<number | null>(settings.followUpDays);
  const [zone, setZone] = useState(settings.timeZone);
  const [region, setRegion] = useState(settings.region);
  const [error, setError] = useState<{ field?: string; key: string } | null>(null);
  const save = async (): Promise<void> => {
    const result = await update.run({ followUpDays: days ?? 0, timeZone: zone, region });
    if (result.ok) {
      setError(null);
      void message.success(common('form.saved'));
    } else setError({ key: result.error.key, ...(result.error.field ? { field: result.error.field } : {}) });
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={() => void save()}>
        <FieldFrame
          id="service-follow-up-days"
          label={t('settings.followUpDays')}
          error={error?.field === 'followUpDays' ? error.key : undefined}
        >
          <InputNumber id="service-follow-up-days" min={1} max={30} precision={0} value={days} onChange={setDays} />
        </FieldFrame>
        <FieldFrame
          id="service-time-zone"
          label={t('settings.timeZone')}
          help={t('settings.timeZoneHelp')}
          error={error?.field === 'timeZone' ? error.key : undefined}
        >
          <Input
            id="service-time-zone"
            value={zone}
            onChange={(e) => setZone(e.target.value)}
            maxLength={60}
            style={{ width: 240 }}
          />
        </FieldFrame>
        <FieldFrame
          id="service-region"
          label={t('settings.region')}
          help={t('settings.regionHelp')}
          error={error?.field === 'region' ? error.key : undefined}
        >
          <Input
            id="service-region"
            value={region}
            onChange={(e) => setRegion(e.target.value.toUpperCase())}
            maxLength={6}
            status={REGION_CODE.test(region) ? undefined : 'error'}
            style={{ width: 120 }}
          />
        </FieldFrame>
        {error && !error.field ? (
          <Alert type="error" showIcon title={errorText(error.key)} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={update.pending}>
          {common('form.save')}
        </Button>
      </Form>
    </Card>
  );
}

function Holidays() {
  const { t } = useTranslation('tickets');
  const errorText = useErrorText();
  const format = useTicketFormat();
  const [year, setYear] = useState(new Date().getFullYear());
  const { state } = useDeskQuery('tickets.holidays', { year }, { refetchOn: ['tickets.changed'] });
  const save = useDeskMutation('tickets.saveHoliday');
  const remove = useDeskMutation('tickets.removeHoliday');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'closed' | 'workday'>('closed');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (): Promise<void> => {
    const result = await save.run({ date, kind, name });
    if (result.ok) {
      setError(null);
      setDate('');
      setName('');
    } else setError(result.error.key);
  };
  return (
    <Card size="small" title={t('settings.holidays')} role="region" aria-label={t('settings.holidays')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          aria-label={t('settings.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(y) => y && setYear(y)}
        />
      </Space>
      <Form layout="inline" onFinish={() => void add()} style={{ marginBottom: 12 }}>
        <DateInput aria-label={t('settings.date')} value={date} onChange={(value) => setDate(value ?? '')} />
        <Select<'closed' | 'workday'>
          aria-label={t('settings.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'closed', label: t('settings.closed') },
            { value: 'workday', label: t('settings.workday') },
          ]}
          style={{ width: 200 }}
          virtual={false}
        />
        <Input
          aria-label={t('settings.name')}
          placeholder={t('settings.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          style={{ width: 140 }}
        />
        <Button htmlType="submit" loading={save.pending} disabled={date === ''}>
          {t('settings.add')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">{t('settings.overrideNote')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="date"
        pagination={false}
        locale={{ emptyText: t('settings.none') }}
        dataSource={[...(state.value ?? [])]}
        columns={[
          { key: 'date', title: t('settings.date'), render: (_, h) => format.date(h.date) },
          {
            key: 'kind',
            title: t('settings.kind'),
            render: (_, h) => (h.kind === 'closed' ? t('settings.closed') : t('settings.workday')),
          },
          { key: 'name', title: t('settings.name'), dataIndex: 'name' },
          {
            key: 'source',
            title: t('settings.source'),
            render: (_, h) =>
              h.region === null ? t('settings.fromStore') : t('settings.fromRegion', { region: h.region }),
          },
          {
            key: 'remove',
            title: '',
            render: (_, h) =>
              h.region !== null ? null : (
                <Button
                  size="small"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('settings.remove', { date: h.date })}
                  onClick={() => void remove.run({ date: h.date })}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

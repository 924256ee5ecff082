/**
 * The Purchasing tab's two panels: each supplier's record over a period (on-time deliveries against
 * the orders' expected dates, rejected share at inspection) and the store's approval limit, which
 * only the manager (`parts.purchaseSettings`) changes.
 */
import { App, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierRecordLine } from '../../../db/api';
import { DateInput } from '../../forms/date-input';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { formatFen, formatTime, todayLocal, yuanToFen } from './format';

function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${Math.round((part * 1000) / whole) / 10}%`;
}

/** "8 (80%)": on-time deliveries of all deliveries. */
export const onTimeFigure = (r: SupplierRecordLine): string => `${r.onTime} (${percent(r.onTime, r.deliveries)})`;
/** "2 (4%)": units rejected of all inspected. */
export const rejectedFigure = (r: SupplierRecordLine): string =>
  `${r.rejectedQty} (${percent(r.rejectedQty, r.inspectedQty)})`;

function monthStart(today: string): string {
  return `${today.slice(0, 8)}01`;
}

/** The record's default period: from the first of this month a year ago to today. */
export function defaultRecordPeriod(): { from: string; to: string } {
  const today = todayLocal();
  return { from: monthStart(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`), to: today };
}

/** Each supplier's record over a period, for whoever may read the parts reports (others: none asked). */
export function useSupplierRecord(from: string, to: string) {
  const { can } = useSignedIn();
  const allowed = can('parts.reports');
  const { state } = useDeskQuery(
    'parts.supplierRecord',
    { from, to },
    { refetchOn: ['parts.changed'], enabled: allowed },
  );
  return { allowed, state };
}

export function SupplierRecordCard() {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const [from, setFrom] = useState(() => defaultRecordPeriod().from);
  const [to, setTo] = useState(() => defaultRecordPeriod().to);
  const { allowed, state } = useSupplierRecord(from, to);
  if (!allowed) return null;
  return (
    <Card title={t('purchasing.record')} size="small" style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('purchasing.recordHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="po-record-from">{t('purchasing.from')}</label>
        <DateInput id="po-record-from" value={from} onChange={(v) => v && setFrom(v)} />
        <label htmlFor="po-record-to">{t('purchasing.to')}</label>
        <DateInput id="po-record-to" value={to} onChange={(v) => v && setTo(v)} />
      </Space>
      {state.status === 'error' ? <Typography.Text type="danger">{errorText(state.error.key)}</Typography.Text> : null}
      <Table<SupplierRecordLine>
        rowKey="supplierId"
        size="small"
        pagination={false}
        aria-label={t('purchasing.record')}
        dataSource={[...(state.value?.items ?? [])]}
        locale={{ emptyText: t('purchasing.noRecord') }}
        columns={[
          { key: 'supplier', title: t('purchasing.supplier'), dataIndex: 'supplierName' },
          { key: 'deliveries', title: t('purchasing.deliveries'), align: 'right', dataIndex: 'deliveries' },
          {
            key: 'onTime',
            title: t('purchasing.onTime'),
            align: 'right',
            render: (_, r) => onTimeFigure(r),
          },
          { key: 'inspected', title: t('purchasing.inspected'), align: 'right', dataIndex: 'inspectedQty' },
          {
            key: 'rejected',
            title: t('purchasing.rejectedShare'),
            align: 'right',
            render: (_, r) => rejectedFigure(r),
          },
        ]}
      />
    </Card>
  );
}

export function PurchaseSettingsCard() {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { state } = useDeskQuery('parts.purchaseSettings', {}, { refetchOn: ['parts.changed'] });
  const save = useDeskMutation('parts.purchaseSettingsSave');
  // What the manager typed; until then, the stored limit.
  const [typed, setTyped] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const settings = state.value;
  if (!settings) return null;
  const fen = typed === undefined ? settings.approvalThresholdFen : typed;
  const setFen = setTyped;
  const editable = can('parts.purchaseSettings');
  return (
    <Card title={t('purchasing.settings')} size="small" style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('purchasing.settingsHint')}</Typography.Paragraph>
      {editable ? (
        <Space wrap>
          <label htmlFor="po-threshold">{t('purchasing.threshold')}</label>
          <InputNumber
            id="po-threshold"
            prefix="¥"
            min={0}
            precision={2}
            value={fen === null ? null : fen / 100}
            onChange={(v) => setFen(yuanToFen(typeof v === 'number' ? v : null))}
            style={{ width: 180 }}
            aria-invalid={error !== null}
          />
          <Button
            type="primary"
            loading={save.pending}
            disabled={fen === null}
            onClick={async () => {
              const result = await save.run({ approvalThresholdFen: fen ?? Number.NaN });
              if (result.ok) {
                setError(null);
                void message.success(t('purchasing.thresholdSaved'));
              } else setError(errorText(result.error.key));
            }}
          >
            {t('actions.save')}
          </Button>
          {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
        </Space>
      ) : (
        <Typography.Text strong>{formatFen(settings.approvalThresholdFen)}</Typography.Text>
      )}
      {settings.updatedByName ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('purchasing.settingsBy', { name: settings.updatedByName, at: formatTime(settings.updatedAt) })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

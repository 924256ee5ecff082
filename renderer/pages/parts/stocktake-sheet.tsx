/**
 * The count sheet (盘点表): scan part numbers or type counts; each line shows the book at the
 * start of the count, the difference, and what moved since (shown, never counted twice). The
 * parts lead explains the differences and posts them. On a blind count the desk sends whoever
 * counts no book quantities (db/parts/stocktake/blind.ts), so those columns are not shown. Each
 * scan says what it counted in the one status line under the scan field.
 */
import {
  Alert,
  App,
  Button,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeLineView, StocktakeView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { ScanField, type ScanOutcome } from '../../scan/scan-field';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';
import { formatFen, formatTime, signed } from './format';

export function StocktakeSheet({ stocktake: s }: { stocktake: StocktakeView }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { t: common } = useTranslation();
  const scan = useDeskMutation('parts.stocktakeScan');
  const count = useDeskMutation('parts.stocktakeCount');
  const post = useDeskMutation('parts.stocktakePost');
  const cancel = useDeskMutation('parts.stocktakeCancel');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const counting = s.status === 'counting' && can('parts.count');
  // A blind count read by whoever counts: the desk sent no book, so no book or difference column.
  const withoutBook = (columns: TableColumnsType<StocktakeLineView>): TableColumnsType<StocktakeLineView> =>
    s.bookHidden ? columns.filter((column) => column.key !== 'book' && column.key !== 'variance') : columns;

  const fail = (key: string, line?: StocktakeLineView): void =>
    setError(`${line ? `${line.partNo}: ` : ''}${errorText(key)}`);
  const onScan = async (code: string): Promise<ScanOutcome> => {
    const result = await scan.run({ stocktakeId: s.id, partNo: code });
    if (!result.ok)
      return {
        ok: false,
        text:
          result.error.key === 'part_no_unknown'
            ? common('scan.unknown', { code })
            : common('scan.failed', { code, reason: errorText(result.error.key) }),
      };
    const line = result.value;
    return {
      ok: true,
      text: t('stocktake.scanLine', { bin: line.bin || '—', name: line.partName, count: line.countedQty ?? 0 }),
    };
  };
  const saveCount = async (line: StocktakeLineView, countedQty: number, reason?: string): Promise<void> => {
    const result = await count.run({
      stocktakeId: s.id,
      lineId: line.id,
      countedQty,
      ...(reason !== undefined ? { reason } : {}),
    });
    if (result.ok) setError(null);
    else fail(result.error.key, line);
  };
  const onPost = async (): Promise<void> => {
    const given = Object.entries(reasons)
      .filter(([, reason]) => reason.trim() !== '')
      .map(([lineId, reason]) => ({ lineId, reason }));
    const result = await post.run({ stocktakeId: s.id, reasons: given });
    if (result.ok) {
      setError(null);
      void message.success(t('stocktake.statuses.posted'));
      return;
    }
    const index = /^lines\.(\d+)\./.exec(result.error.field ?? '')?.[1];
    fail(result.error.key, index === undefined ? undefined : s.lines[Number(index)]);
  };
  const onCancel = async (): Promise<void> => {
    const result = await cancel.run({ stocktakeId: s.id, reason: cancelReason });
    if (result.ok) setCancelling(false);
    else fail(result.error.key);
  };

  return (
    <section aria-label={`${t('stocktake.number')} ${s.number}`}>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('stocktake.number')}>{s.number}</Descriptions.Item>
        <Descriptions.Item label={t('stocktake.location')}>
          {s.locationCode} {s.binPrefix ? `· ${s.binPrefix}*` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('stocktake.status')}>
          <Tag>{t(`stocktake.statuses.${s.status}`)}</Tag>{' '}
          {s.closedByName ? `${s.closedByName} ${formatTime(s.closedAt)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('stocktake.startedBy')} span={3}>
          {s.startedByName} {formatTime(s.startedAt)}
          {s.cancelReason ? ` · ${s.cancelReason}` : ''}
        </Descriptions.Item>
      </Descriptions>
      <p>
        {s.bookHidden || s.withVariance === null || s.varianceFen === null
          ? t('stocktake.progressBlind', { counted: s.counted, total: s.lines.length })
          : t('stocktake.progress', {
              counted: s.counted,
              total: s.lines.length,
              varied: s.withVariance,
              value: formatFen(s.varianceFen),
            })}
      </p>
      {s.blind ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={s.bookHidden ? t('stocktake.blindCounter') : t('stocktake.blindLead')}
        />
      ) : null}
      {counting ? (
        <Space direction="vertical" style={{ marginBottom: 16, width: '100%' }}>
          <ScanField onCode={onScan} autoFocus />
          <span style={{ opacity: 0.7 }}>{t('stocktake.scanHelp')}</span>
        </Space>
      ) : null}
      {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Table<StocktakeLineView>
        rowKey="id"
        size="small"
        pagination={false}
        aria-label={t('stocktake.list')}
        dataSource={[...s.lines]}
        columns={withoutBook([
          { key: 'bin', title: t('part.bin'), dataIndex: 'bin' },
          { key: 'part', title: t('part.name'), render: (_, l) => `${l.partNo} ${l.partName}` },
          { key: 'book', title: t('stocktake.book'), align: 'right', dataIndex: 'bookQty' },
          {
            key: 'counted',
            title: t('stocktake.counted'),
            render: (_, l) =>
              counting ? (
                <CountInput
                  key={`${l.id}-${l.countedQty}`}
                  label={t('stocktake.countedOf', { partNo: l.partNo })}
                  value={l.countedQty}
                  onSave={(qty) => void saveCount(l, qty)}
                />
              ) : (
                (l.countedQty ?? '—')
              ),
          },
          {
            key: 'variance',
            title: t('stocktake.variance'),
            align: 'right',
            render: (_, l) =>
              l.variance === null ? (
                ''
              ) : (
                <strong style={{ color: l.variance < 0 ? '#cf1322' : l.variance > 0 ? '#389e0d' : undefined }}>
                  {signed(l.variance)}
                </strong>
              ),
          },
          {
            key: 'reason',
            title: t('stocktake.reason'),
            render: (_, l) =>
              s.status === 'counting' && l.variance ? (
                <Input
                  aria-label={t('stocktake.reasonOf', { partNo: l.partNo })}
                  value={reasons[l.id] ?? l.reason}
                  onChange={(e) => setReasons({ ...reasons, [l.id]: e.target.value })}
                  onBlur={() =>
                    l.countedQty !== null && reasons[l.id] !== undefined
                      ? void saveCount(l, l.countedQty, reasons[l.id])
                      : undefined
                  }
                  maxLength={200}
                />
              ) : (
                l.reason
              ),
          },
          {
            key: 'moved',
            title: t('stocktake.movedSince'),
            align: 'right',
            render: (_, l) => (l.movedSinceCut ? signed(l.movedSinceCut) : ''),
          },
        ])}
      />
      {s.status === 'counting' && can('parts.approve') ? (
        <Space style={{ marginTop: 16 }}>
          <Popconfirm
            title={t('stocktake.postConfirm')}
            okText={t('actions.confirm')}
            cancelText={t('actions.cancel')}
            onConfirm={() => onPost()}
          >
            <Button type="primary" loading={post.pending}>
              {t('stocktake.post')}
            </Button>
          </Popconfirm>
          <Button danger onClick={() => setCancelling(true)}>
            {t('stocktake.cancel')}
          </Button>
        </Space>
      ) : null}
      <Modal
        open={cancelling}
        title={t('stocktake.cancel')}
        okText={t('stocktake.cancel')}
        cancelText={t('actions.close')}
        okButtonProps={{ danger: true }}
        onOk={() => void onCancel()}
        onCancel={() => setCancelling(false)}
        destroyOnHidden
      >
        <Input
          aria-label={t('stocktake.cancelReason')}
          placeholder={t('stocktake.cancelReason')}
          value={cancelReason}
          onChange={(e) => setCancelReason(e.target.value)}
          maxLength={200}
        />
      </Modal>
    </section>
  );
}

/** A count saved when the clerk leaves the box or presses Enter. */
function CountInput({ label, value, onSave }: { label: string; value: number | null; onSave: (qty: number) => void }) {
  const [draft, setDraft] = useState<number | null>(value);
  const commit = (): void => {
    if (draft !== null && draft !== value) onSave(draft);
  };
  return (
    <InputNumber
      aria-label={label}
      min={0}
      precision={0}
      value={draft}
      onChange={(v) => setDraft(typeof v === 'number' ? v : null)}
      onBlur={commit}
      onPressEnter={commit}
      style={{ width: 90 }}
    />
  );
}

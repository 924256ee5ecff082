/** One goods receipt: its lines and their inspection; while open, re-inspect a line or close it. */
import { Alert, App, Button, Descriptions, Drawer, Input, InputNumber, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptLineView, ReceiptView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { UnitLabelsButton } from '../../print/label-buttons';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { formatFen, formatTime } from './format';

export function ReceiptDrawer({ receiptId, onClose }: { receiptId: string | null; onClose: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { state } = useDeskQuery(
    'parts.receipt',
    { id: receiptId ?? '' },
    { refetchOn: ['parts.changed'], enabled: receiptId !== null },
  );
  const receipt = state.value?.id === receiptId ? state.value : undefined;
  return (
    <Drawer
      open={receiptId !== null}
      size={960}
      title={receipt ? `${t('receipt.number')} ${receipt.number}` : t('loading')}
      onClose={onClose}
      closable={{ 'aria-label': t('actions.close') }}
    >
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {receipt ? <ReceiptBody receipt={receipt} /> : null}
    </Drawer>
  );
}

function ReceiptBody({ receipt }: { receipt: ReceiptView }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const close = useDeskMutation('parts.receiptClose');
  const [error, setError] = useState<string | null>(null);
  const editable = receipt.status === 'open' && can('parts.receive');

  const closeReceipt = async (): Promise<void> => {
    const result = await close.run({ receiptId: receipt.id });
    if (result.ok) {
      setError(null);
      void message.success(t('receipt.closed'));
    } else setError(errorText(result.error.key));
  };

  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('receipt.supplier')}>{receipt.supplierName}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.supplierRef')}>{receipt.supplierRef}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.receivedOn')}>{receipt.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.location')}>{receipt.locationCode}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.status')}>
          {receipt.status === 'open' ? <Tag color="blue">{t('receipt.open')}</Tag> : <Tag>{t('receipt.closed')}</Tag>}
          {receipt.closedByName ? ` ${receipt.closedByName} ${formatTime(receipt.closedAt)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('receipt.note')}>{receipt.note}</Descriptions.Item>
      </Descriptions>
      {receipt.supplierReturns.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('receipt.returns', { numbers: receipt.supplierReturns.map((r) => r.number).join(', ') })}
        />
      ) : null}
      <Table<ReceiptLineView>
        rowKey="id"
        size="small"
        pagination={false}
        aria-label={t('receipt.lines')}
        dataSource={[...receipt.lines]}
        columns={[
          { key: 'part', title: t('receipt.part'), render: (_, l) => `${l.partNo} ${l.partName}` },
          {
            key: 'delivered',
            title: t('receipt.delivered'),
            align: 'right',
            render: (_, l) => `${l.deliveredQty} ${l.unit}`,
          },
          { key: 'cost', title: t('receipt.unitCost'), align: 'right', render: (_, l) => formatFen(l.unitCostFen) },
          editable
            ? {
                key: 'inspect',
                title: t('receipt.inspect'),
                render: (_, l) => <InspectCells receiptId={receipt.id} line={l} />,
              }
            : {
                key: 'inspection',
                title: t('receipt.inspected'),
                render: (_, l) =>
                  l.acceptedQty === null ? (
                    <Tag>{t('receipt.notInspected')}</Tag>
                  ) : (
                    <span>
                      {t('receipt.accepted')} {l.acceptedQty} · {t('receipt.rejected')} {l.rejectedQty}
                      {l.rejectReason ? ` (${l.rejectReason})` : ''}
                    </span>
                  ),
              },
          {
            key: 'labels',
            title: t('receipt.labels'),
            // A label per unit taken onto the shelf: the accepted quantity once inspected, else what came.
            render: (_, l) => (
              <UnitLabelsButton
                partId={l.partId}
                units={l.acceptedQty ?? l.deliveredQty}
                ariaLabel={t('receipt.labelsOf', { partNo: l.partNo })}
              />
            ),
          },
        ]}
      />
      {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginTop: 16 }} /> : null}
      {editable ? (
        <Popconfirm
          title={t('receipt.closeConfirm')}
          okText={t('actions.confirm')}
          cancelText={t('actions.cancel')}
          onConfirm={() => closeReceipt()}
        >
          <Button type="primary" style={{ marginTop: 16 }} loading={close.pending}>
            {t('receipt.close')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}

/** Re-inspect one line of an open receipt: rejected units and why; the rest are accepted. */
function InspectCells({ receiptId, line }: { receiptId: string; line: ReceiptLineView }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const inspect = useDeskMutation('parts.receiptInspect');
  const n = line.position + 1;
  const [rejected, setRejected] = useState<number>(line.rejectedQty ?? 0);
  const [reason, setReason] = useState(line.rejectReason);
  const [error, setError] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    const result = await inspect.run({
      receiptId,
      lineId: line.id,
      acceptedQty: line.deliveredQty - rejected,
      rejectedQty: rejected,
      rejectReason: reason,
    });
    setError(result.ok ? null : errorText(result.error.key));
  };
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <span>
          {line.acceptedQty === null ? (
            <Tag>{t('receipt.notInspected')}</Tag>
          ) : (
            `${t('receipt.accepted')} ${line.acceptedQty}`
          )}
        </span>
        <InputNumber
          aria-label={t('receipt.rejectedOf', { n })}
          min={0}
          max={line.deliveredQty}
          precision={0}
          value={rejected}
          onChange={(v) => setRejected(typeof v === 'number' ? v : 0)}
          style={{ width: 80 }}
        />
        <Input
          aria-label={t('receipt.rejectReasonOf', { n })}
          placeholder={t('receipt.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ width: 160 }}
        />
        <Button
          size="small"
          aria-label={t('receipt.inspectOf', { n })}
          loading={inspect.pending}
          onClick={() => void save()}
        >
          {t('receipt.inspect')}
        </Button>
      </Space>
      {error ? (
        <span role="alert" style={{ color: '#cf1322' }}>
          {error}
        </span>
      ) : null}
    </Space>
  );
}

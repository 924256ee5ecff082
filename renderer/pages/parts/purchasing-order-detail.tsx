/**
 * One purchase order: its lines with what arrived against each (delivered, accepted, rejected,
 * awaiting inspection, open), its receipts and history, and the next steps this person may take.
 * The desk decides who may approve (by the order's value against the store's limit); the buttons
 * only follow the same rule so nobody is offered what would be refused.
 */
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderLineView, PurchaseOrderView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { formatFen, formatTime } from './format';
import { PurchaseOrderFormDrawer } from './purchasing-order-form';
import { STATUS_COLOR } from './purchasing-status';
import { partsHref } from './route';

export function PurchaseOrderDrawer({ orderId, onClose }: { orderId: string | null; onClose: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { state } = useDeskQuery(
    'parts.purchaseOrder',
    { purchaseOrderId: orderId ?? '' },
    { refetchOn: ['parts.changed'], enabled: orderId !== null },
  );
  const order = state.value?.id === orderId ? state.value : undefined;
  return (
    <Drawer
      open={orderId !== null}
      size={1000}
      title={order ? `${t('purchasing.number')} ${order.number}` : t('loading')}
      onClose={onClose}
      closable={{ 'aria-label': t('actions.close') }}
      extra={order ? <PrintButton form="purchase-order" subjectId={order.id} /> : null}
    >
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {order ? <OrderBody order={order} /> : null}
    </Drawer>
  );
}

type ReasonStep = 'sendBack' | 'cancel' | 'closeShort';

function OrderBody({ order }: { order: PurchaseOrderView }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const submit = useDeskMutation('parts.purchaseOrderSubmit');
  const approve = useDeskMutation('parts.purchaseOrderApprove');
  const sendBack = useDeskMutation('parts.purchaseOrderSendBack');
  const cancel = useDeskMutation('parts.purchaseOrderCancel');
  const closeShort = useDeskMutation('parts.purchaseOrderCloseShort');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<ReasonStep | null>(null);
  const [reason, setReason] = useState('');

  const mayDecide = order.needsManager
    ? can('parts.approveLargeOrder')
    : can('parts.approve') || can('parts.approveLargeOrder');
  const nothingArrived = order.lines.every((l) => l.deliveredQty === 0);
  const status = order.status;
  const limit = formatFen(order.thresholdFen);

  const done = (result: { ok: true } | { ok: false; error: { key: string } }, text: string): boolean => {
    if (!result.ok) {
      setError(errorText(result.error.key));
      return false;
    }
    setError(null);
    void message.success(text);
    return true;
  };
  const withReason = async (): Promise<void> => {
    if (!asking) return;
    const input = { purchaseOrderId: order.id, reason };
    const run = { sendBack: sendBack.run, cancel: cancel.run, closeShort: closeShort.run }[asking];
    if (done(await run(input), t(`purchasing.${asking}`))) {
      setAsking(null);
      setReason('');
    }
  };

  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('purchasing.supplier')}>{order.supplierName}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.contractNo')}>{order.contractNo}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.expectedOn')}>{order.expectedOn}</Descriptions.Item>
        <Descriptions.Item
          label={t('purchasing.location')}
        >{`${order.locationCode} ${order.locationName}`}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.status')}>
          <Tag color={STATUS_COLOR[status]}>{t(`purchasing.statuses.${status}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('purchasing.total')}>{formatFen(order.totalFen)}</Descriptions.Item>
        <Descriptions.Item label={t('purchasing.createdBy')}>
          {`${order.createdByName ?? ''} ${formatTime(order.createdAt)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('purchasing.approvedBy')}>
          {order.approvedByName ? `${order.approvedByName} ${formatTime(order.approvedAt)}` : ''}
        </Descriptions.Item>
        {order.closedReason ? (
          <Descriptions.Item label={t('purchasing.closedReason')} span={2}>
            {order.closedReason}
          </Descriptions.Item>
        ) : null}
        {order.note ? (
          <Descriptions.Item label={t('purchasing.note')} span={2}>
            {order.note}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {status === 'draft' || status === 'awaiting_approval' ? (
        <Alert
          type={order.needsManager ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={order.needsManager ? t('purchasing.needsManager', { limit }) : t('purchasing.withinLimit', { limit })}
        />
      ) : null}
      <Table<PurchaseOrderLineView>
        rowKey="id"
        size="small"
        pagination={false}
        aria-label={t('purchasing.lines')}
        dataSource={[...order.lines]}
        columns={[
          { key: 'part', title: t('purchasing.part'), render: (_, l) => `${l.partNo} ${l.partName}` },
          {
            key: 'ordered',
            title: t('purchasing.ordered'),
            align: 'right',
            render: (_, l) => `${l.orderedQty} ${l.unit}`,
          },
          {
            key: 'price',
            title: t('purchasing.unitPrice'),
            align: 'right',
            render: (_, l) => formatFen(l.unitPriceFen),
          },
          { key: 'amount', title: t('purchasing.amount'), align: 'right', render: (_, l) => formatFen(l.amountFen) },
          { key: 'delivered', title: t('purchasing.delivered'), align: 'right', dataIndex: 'deliveredQty' },
          { key: 'accepted', title: t('purchasing.accepted'), align: 'right', dataIndex: 'acceptedQty' },
          { key: 'rejected', title: t('purchasing.rejected'), align: 'right', dataIndex: 'rejectedQty' },
          { key: 'pending', title: t('purchasing.pending'), align: 'right', dataIndex: 'pendingQty' },
          { key: 'open', title: t('purchasing.openQty'), align: 'right', dataIndex: 'openQty' },
        ]}
      />
      {error ? <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} title={error} /> : null}
      <Space wrap style={{ margin: '16px 0' }}>
        {status === 'draft' && can('parts.order') ? (
          <>
            <Button onClick={() => setEditing(true)}>{t('purchasing.edit')}</Button>
            <Button
              type="primary"
              loading={submit.pending}
              onClick={async () =>
                done(await submit.run({ purchaseOrderId: order.id }), t('purchasing.statuses.awaiting_approval'))
              }
            >
              {t('purchasing.submit')}
            </Button>
          </>
        ) : null}
        {status === 'awaiting_approval' && mayDecide ? (
          <>
            <Button
              type="primary"
              loading={approve.pending}
              onClick={async () =>
                done(await approve.run({ purchaseOrderId: order.id }), t('purchasing.statuses.approved'))
              }
            >
              {t('purchasing.approve')}
            </Button>
            <Button onClick={() => setAsking('sendBack')}>{t('purchasing.sendBack')}</Button>
          </>
        ) : null}
        {(status === 'draft' || status === 'awaiting_approval' || (status === 'approved' && nothingArrived)) &&
        can('parts.order') ? (
          <Button danger onClick={() => setAsking('cancel')}>
            {t('purchasing.cancel')}
          </Button>
        ) : null}
        {status === 'partly_received' && can('parts.order') ? (
          <Button onClick={() => setAsking('closeShort')}>{t('purchasing.closeShort')}</Button>
        ) : null}
      </Space>
      <Typography.Title level={5}>{t('purchasing.receipts')}</Typography.Title>
      {order.receipts.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('purchasing.noReceipts')}</Typography.Paragraph>
      ) : (
        <ul>
          {order.receipts.map((r) => (
            <li key={r.id}>
              <a href={partsHref('receiving', r.id)}>{r.number}</a> {r.receivedOn}
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={5}>{t('purchasing.history')}</Typography.Title>
      <Timeline
        items={order.events.map((e) => ({
          key: `${e.at}-${e.kind}`,
          content: `${formatTime(e.at)} ${t(`purchasing.events.${e.kind as 'created'}`)} ${e.staffName ?? ''}${e.reason ? `: ${e.reason}` : ''}`,
        }))}
      />
      <Modal
        open={asking !== null}
        title={asking ? t(`purchasing.${asking}`) : ''}
        okText={t('actions.confirm')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ disabled: reason.trim() === '' }}
        onOk={() => void withReason()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <label htmlFor="po-reason">{t('purchasing.reasonFor')}</label>
        <Input id="po-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <PurchaseOrderFormDrawer
        open={editing}
        order={order}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </>
  );
}

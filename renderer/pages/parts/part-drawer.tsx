/** One part: catalogue data, stock per location, its movement history, and what this role may do. */
import { Alert, App, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { CountedLabelsButton } from '../../print/label-buttons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOIN_REASON_PREFIX, type MovementView, type PartDetail } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { formatFen, formatTime, signed } from './format';
import { AdjustDialog, ReverseDialog, TransferDialog } from './movement-dialogs';
import { PartFormDrawer, StoreFieldsForm } from './part-form';

type Dialog =
  | { kind: 'adjust' }
  | { kind: 'transfer' }
  | { kind: 'reverse'; movement: MovementView }
  | { kind: 'store' }
  | { kind: 'edit' }
  | null;

export function PartDrawer({ partId, onClose }: { partId: string | null; onClose: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const [dialog, setDialog] = useState<Dialog>(null);
  const enabled = partId !== null;
  const input = { id: partId ?? '' };
  const { state } = useDeskQuery('parts.get', input, { refetchOn: ['parts.changed'], enabled });
  const { state: history } = useDeskQuery(
    'parts.history',
    { partId: partId ?? '' },
    { refetchOn: ['parts.changed'], enabled },
  );
  const { state: lookups } = useDeskQuery('parts.lookups', {}, { enabled });
  const part = state.value && state.value.id === partId ? state.value : undefined;
  const done = (): void => {
    void message.success(t('actions.save'));
    setDialog(null);
  };

  return (
    <Drawer
      open={enabled}
      size={960}
      title={part ? `${part.partNo} ${part.name}` : t('loading')}
      onClose={onClose}
      closable={{ 'aria-label': t('part.close') }}
    >
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {part ? (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {can('parts.catalogue') && lookups.value?.catalogueOwner === 'store' ? (
              <Button onClick={() => setDialog({ kind: 'edit' })}>{t('part.edit')}</Button>
            ) : null}
            {can('parts.approve') ? (
              <Button onClick={() => setDialog({ kind: 'store' })}>{t('part.editStore')}</Button>
            ) : null}
            {can('parts.approve') ? (
              <Button onClick={() => setDialog({ kind: 'adjust' })}>{t('adjust.open')}</Button>
            ) : null}
            {can('parts.issue') && (lookups.value?.locations.length ?? 0) > 1 ? (
              <Button onClick={() => setDialog({ kind: 'transfer' })}>{t('transfer.open')}</Button>
            ) : null}
            <PartLabelButton partId={part.id} />
          </Space>
          {dialog?.kind === 'store' ? (
            <StoreFieldsForm part={part} onSaved={done} onCancel={() => setDialog(null)} />
          ) : (
            <PartFacts part={part} />
          )}
          <Typography.Title level={4}>{t('part.stock')}</Typography.Title>
          {part.stock.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('part.noStock')}</Typography.Paragraph>
          ) : (
            <Space wrap style={{ marginBottom: 16 }}>
              {part.stock.map((s) => (
                <Tag key={s.id} color={s.qty < 0 ? 'red' : undefined}>
                  {s.code} {s.name}: {s.qty} {part.unit}
                </Tag>
              ))}
            </Space>
          )}
          <Typography.Title level={4}>{t('history.title')}</Typography.Title>
          <Table<MovementView>
            rowKey="id"
            size="small"
            aria-label={t('history.title')}
            loading={history.status === 'loading' && !history.value}
            dataSource={[...(history.value?.movements ?? [])]}
            pagination={false}
            columns={[
              { key: 'at', title: t('history.at'), render: (_, m) => formatTime(m.at) },
              {
                key: 'kind',
                title: t('history.kind'),
                render: (_, m) => (
                  <Space size={4}>
                    {t(`kinds.${m.kind}`)}
                    {m.reversesId ? <Tag>{t('history.reversal')}</Tag> : null}
                    {m.reversedById ? <Tag color="default">{t('history.reversed')}</Tag> : null}
                  </Space>
                ),
              },
              { key: 'qty', title: t('history.qty'), align: 'right', render: (_, m) => signed(m.qty) },
              { key: 'balance', title: t('history.balance'), align: 'right', dataIndex: 'balanceAfter' },
              { key: 'location', title: t('history.location'), dataIndex: 'locationCode' },
              { key: 'doc', title: t('history.document'), render: (_, m) => m.docNumber ?? '' },
              {
                key: 'reason',
                title: t('history.reason'),
                render: (_, m) =>
                  m.reason?.startsWith(JOIN_REASON_PREFIX)
                    ? t('history.joinReason', { part: m.reason.slice(JOIN_REASON_PREFIX.length) })
                    : m.reason,
              },
              { key: 'staff', title: t('history.staff'), render: (_, m) => m.staffName ?? '' },
              ...(can('parts.approve')
                ? [
                    {
                      key: 'reverse',
                      title: '',
                      render: (_: unknown, m: MovementView) =>
                        m.reversesId || m.reversedById || m.docType === 'requisition' ? null : (
                          <Button
                            size="small"
                            aria-label={t('history.reverseOf', { when: formatTime(m.at) })}
                            onClick={() => setDialog({ kind: 'reverse', movement: m })}
                          >
                            {t('history.reverse')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          {history.value?.more ? (
            <Typography.Paragraph type="secondary">{t('history.more')}</Typography.Paragraph>
          ) : null}
          <AdjustDialog
            open={dialog?.kind === 'adjust'}
            part={part}
            locations={lookups.value?.locations ?? []}
            onClose={() => setDialog(null)}
            onDone={done}
          />
          <TransferDialog
            open={dialog?.kind === 'transfer'}
            part={part}
            locations={lookups.value?.locations ?? []}
            onClose={() => setDialog(null)}
            onDone={done}
          />
          <ReverseDialog
            movement={dialog?.kind === 'reverse' ? dialog.movement : null}
            onClose={() => setDialog(null)}
            onDone={done}
          />
          <PartFormDrawer open={dialog?.kind === 'edit'} part={part} onClose={() => setDialog(null)} onSaved={done} />
        </>
      ) : null}
    </Drawer>
  );
}

function PartFacts({ part }: { part: PartDetail }) {
  const { t } = useTranslation('parts');
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('part.spec')}>{part.spec}</Descriptions.Item>
      <Descriptions.Item label={t('part.models')}>{part.models.join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('part.unit')}>{part.unit}</Descriptions.Item>
      <Descriptions.Item label={t('part.bin')}>{part.bin}</Descriptions.Item>
      <Descriptions.Item label={t('part.cost')}>{formatFen(part.costFen)}</Descriptions.Item>
      <Descriptions.Item label={t('part.price')}>
        {formatFen(part.priceFen)}
        {part.clearance ? (
          <div>
            <Tag color="volcano">{t('clearance.tag', { price: formatFen(part.clearance.priceFen) })}</Tag>
            <Typography.Text type="secondary">{part.clearance.reason}</Typography.Text>
          </div>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('part.reorderLevel')}>{part.reorderLevel ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('part.reorderQty')}>{part.reorderQty}</Descriptions.Item>
      <Descriptions.Item label={t('part.suppliers')} span={2}>
        {part.suppliers.map((s) => s.name).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('part.onHand')} span={2}>
        <strong>
          {part.onHand} {part.unit}
        </strong>
        {part.retired ? <Tag style={{ marginLeft: 8 }}>{t('part.retiredTag')}</Tag> : null}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** A part's labels, as many as the clerk asks for (one per unit on the shelf). */
function PartLabelButton({ partId }: { partId: string }) {
  const { t } = useTranslation('print');
  return (
    <CountedLabelsButton
      form="part-label"
      recordId={partId}
      text={t('label.printPartLabels')}
      countLabel={t('label.count')}
      countHelp={t('label.countHelp')}
    />
  );
}

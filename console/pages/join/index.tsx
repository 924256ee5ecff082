/**
 * Stores joining head office: per store, the parts, suppliers and standards it made while it worked
 * standalone, offered at its first sync, with head office's record it most likely is. The reviewer
 * accepts (head office adopts it), maps it onto an existing part or supplier, or drops it; head
 * office checks the role again and records each decision in the audit log.
 */
import { App, Button, Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  JOIN_ENTITIES,
  JOIN_STATUSES,
  type JoinDecisionInput,
  type JoinDecisionResult,
  type JoinOfferRow,
  type JoinOffersPage,
  type JoinStatus,
  type JoinStoreSummary,
} from '../../../headoffice/console/contract/join';
import { api, ApiError } from '../../api';
import { errorText } from '../../shell/error-text';
import { useApi } from '../../use-api';
import { DropDialog, MapDialog } from './decide-dialogs';
import { fieldsText } from './fields-text';

const PAGE_SIZE = 50;
const OWN_ERRORS = ['part_no_taken', 'already_decided', 'target_not_found', 'not_mappable', 'not_found'];
const STATUS_COLOR: Record<JoinStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  mapped: 'blue',
  dropped: 'default',
};

export default function JoinReviewPage() {
  const { t, i18n } = useTranslation(['join', 'common']);
  const { message } = App.useApp();
  const stores = useApi(() => api.get<JoinStoreSummary[]>('/join/stores'), []);
  const [chosenStore, setStoreId] = useState<string | undefined>();
  const [status, setStatus] = useState<JoinStatus | undefined>('pending');
  const [entity, setEntity] = useState<string | undefined>();
  const [page, setPage] = useState(0);
  const [dialog, setDialog] = useState<{ kind: 'map' | 'drop'; offer: JoinOfferRow } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // Until the reviewer picks one, the first store with something to review.
  const storeId = chosenStore ?? (stores.data?.find((s) => s.pending > 0) ?? stores.data?.[0])?.storeId;
  const offers = useApi(
    () =>
      storeId
        ? api.get<JoinOffersPage>('/join/offers', { storeId, status, entity, page, pageSize: PAGE_SIZE })
        : Promise.resolve({ total: 0, offers: [] }),
    [storeId, status, entity, page],
  );

  const decide = async (offer: JoinOfferRow, input: JoinDecisionInput) => {
    setBusy(offer.id);
    try {
      await api.send<JoinDecisionResult>('POST', `/join/offers/${encodeURIComponent(offer.id)}/decision`, input);
      void message.success(t('done', { label: offer.label }));
      setDialog(null);
      offers.reload();
      stores.reload();
    } catch (error) {
      const own = error instanceof ApiError && OWN_ERRORS.includes(error.code);
      void message.error(own ? t(`error.${error.code as 'not_found'}`) : errorText(error));
      if (own && error.code !== 'part_no_taken' && error.code !== 'target_not_found') {
        setDialog(null);
        offers.reload();
      }
    } finally {
      setBusy(null);
    }
  };

  const outcome = (o: JoinOfferRow) => {
    const who = o.decidedAt
      ? t('decidedBy', { who: o.decidedBy ?? '—', when: new Date(o.decidedAt).toLocaleString(i18n.language) })
      : null;
    return (
      <Space direction="vertical" size={0}>
        <Tag color={STATUS_COLOR[o.status]}>{t(`status.${o.status}`)}</Tag>
        {o.status === 'mapped' && o.mappedTo && (
          <Typography.Text type="secondary">{t('mappedTo', { label: o.mappedLabel ?? o.mappedTo })}</Typography.Text>
        )}
        {o.reason && <Typography.Text type="secondary">{t('droppedWhy', { reason: o.reason })}</Typography.Text>}
        {who && <Typography.Text type="secondary">{who}</Typography.Text>}
      </Space>
    );
  };

  const actions = (o: JoinOfferRow) => {
    if (o.status !== 'pending') return null;
    const mappable = o.entity === 'part' || o.entity === 'supplier';
    const suggested = o.suggestion && o.suggestion.why !== 'same_record' ? o.suggestion : null;
    return (
      <Space wrap size={4}>
        {suggested && (
          <Button
            size="small"
            type="primary"
            loading={busy === o.id}
            onClick={() => void decide(o, { decision: 'map', targetId: suggested.targetId })}
          >
            {t('mapSuggested')}
          </Button>
        )}
        {!suggested && (
          <Button
            size="small"
            type="primary"
            loading={busy === o.id}
            onClick={() => void decide(o, { decision: 'accept' })}
          >
            {t('accept')}
          </Button>
        )}
        {mappable && (
          <Button size="small" onClick={() => setDialog({ kind: 'map', offer: o })}>
            {t('map')}
          </Button>
        )}
        <Button size="small" danger onClick={() => setDialog({ kind: 'drop', offer: o })}>
          {t('drop')}
        </Button>
      </Space>
    );
  };

  return (
    <>
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 900 }}>
        {t('intro')}
      </Typography.Paragraph>
      {stores.problem && <Typography.Paragraph type="danger">{stores.problem}</Typography.Paragraph>}
      {stores.data?.length === 0 && <Empty description={t('noStores')} />}
      {(stores.data?.length ?? 0) > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('store')}
            style={{ width: 360 }}
            value={storeId}
            onChange={(id) => {
              setStoreId(id);
              setPage(0);
            }}
            options={stores.data!.map((s) => ({
              value: s.storeId,
              label: t('storeOption', { code: s.storeCode, name: s.storeName, pending: s.pending, decided: s.decided }),
            }))}
          />
          <Select
            aria-label={t('status')}
            style={{ width: 140 }}
            value={status ?? ''}
            onChange={(v) => {
              setStatus(v === '' ? undefined : (v as JoinStatus));
              setPage(0);
            }}
            options={[
              { value: '', label: t('all') },
              ...JOIN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <Select
            aria-label={t('entity')}
            style={{ width: 150 }}
            value={entity ?? ''}
            onChange={(v) => {
              setEntity(v === '' ? undefined : v);
              setPage(0);
            }}
            options={[
              { value: '', label: t('all') },
              ...JOIN_ENTITIES.map((e) => ({ value: e, label: t(`entity.${e}`) })),
            ]}
          />
        </Space>
      )}
      {offers.problem && <Typography.Paragraph type="danger">{offers.problem}</Typography.Paragraph>}
      {storeId && (
        <Table<JoinOfferRow>
          rowKey="id"
          size="small"
          loading={offers.loading}
          dataSource={offers.data?.offers ?? []}
          tableLayout="fixed"
          locale={{ emptyText: t('common:empty') }}
          pagination={{
            current: page + 1,
            pageSize: PAGE_SIZE,
            total: offers.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (count) => t('total', { count }),
            onChange: (p) => setPage(p - 1),
          }}
          columns={[
            {
              title: t('record'),
              width: 220,
              render: (_, o) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="secondary">{t(`entity.${o.entity as 'part'}`)}</Typography.Text>
                  <Typography.Text strong ellipsis={{ tooltip: o.label }}>
                    {o.label}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('details'),
              ellipsis: { showTitle: false },
              render: (_, o) => {
                const text = fieldsText(o.fields, i18n.language, (field) =>
                  i18n.exists(`join:field.${field}`) ? t(`field.${field}` as 'title') : null,
                );
                return (
                  <Tooltip title={text} placement="topLeft">
                    <span>{text}</span>
                  </Tooltip>
                );
              },
            },
            {
              title: t('suggestion'),
              width: 270,
              render: (_, o) =>
                o.status !== 'pending' ? null : o.suggestion ? (
                  <Typography.Text ellipsis={{ tooltip: true }}>
                    {t(`why.${o.suggestion.why}`, { label: o.suggestion.label })}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('noSuggestion')}</Typography.Text>
                ),
            },
            { title: t('outcome'), width: 170, render: (_, o) => outcome(o) },
            { title: t('actions'), width: 230, render: (_, o) => actions(o) },
          ]}
        />
      )}
      {dialog?.kind === 'map' && (
        <MapDialog
          offer={dialog.offer}
          busy={busy === dialog.offer.id}
          onCancel={() => setDialog(null)}
          onMap={(targetId) => void decide(dialog.offer, { decision: 'map', targetId })}
        />
      )}
      {dialog?.kind === 'drop' && (
        <DropDialog
          offer={dialog.offer}
          busy={busy === dialog.offer.id}
          onCancel={() => setDialog(null)}
          onDrop={(reason) => void decide(dialog.offer, { decision: 'drop', reason })}
        />
      )}
    </>
  );
}

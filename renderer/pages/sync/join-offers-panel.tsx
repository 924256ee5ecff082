/**
 * What this store offered head office when it joined, and head office's decision on each, in plain
 * words: offered for review, adopted, now the same as head office's part (and how much stock
 * moved), or not adopted and kept on this PC only. Hidden on a PC that offered nothing.
 */
import { Alert, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JoinOfferView } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function JoinOffersPanel() {
  const { t, i18n } = useTranslation('sync');
  const { state } = useDeskQuery('parts.joinOffers', {}, { refetchOn: ['sync.changed'] });
  const view = state.value;
  if (!view || view.offers.length === 0) return null;
  const decided = view.counts.accepted + view.counts.mapped + view.counts.dropped;
  const entityName = (entity: string) => t(`join.entities.${entity as 'part'}`, { defaultValue: entity });
  const outcome = (o: JoinOfferView): string => {
    switch (o.status) {
      case 'pending':
        return t('join.outcomes.pending');
      case 'accepted':
        return t('join.outcomes.accepted');
      case 'mapped':
        if (o.entity === 'supplier') return t('join.outcomes.mapped_supplier', { target: o.mappedLabel ?? '' });
        return o.waiting
          ? t('join.outcomes.mapped_waiting', { target: o.mappedLabel ?? '' })
          : t('join.outcomes.mapped', { target: o.mappedLabel ?? '', moved: o.movedQty });
      case 'dropped':
        return o.reason ? t('join.outcomes.dropped_reason', { reason: o.reason }) : t('join.outcomes.dropped');
    }
  };
  return (
    <section aria-labelledby="sync-join-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={3} id="sync-join-title">
        {t('join.title')}
      </Typography.Title>
      <Alert
        type={view.counts.pending > 0 ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={[
          view.counts.pending > 0 ? t('join.summary_pending', { count: view.counts.pending }) : null,
          decided > 0 ? t('join.summary_decided', { count: decided }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        description={t('join.intro')}
      />
      <Table<JoinOfferView>
        rowKey="id"
        size="small"
        dataSource={[...view.offers]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('join.what'),
            width: '40%',
            ellipsis: { showTitle: false },
            render: (_, o) => {
              const text = `${entityName(o.entity)} ${o.label}`;
              return (
                <Tooltip title={text}>
                  <span>{text}</span>
                </Tooltip>
              );
            },
          },
          { title: t('join.outcome'), render: (_, o) => outcome(o) },
          {
            title: t('join.decided'),
            dataIndex: 'decidedAt',
            width: 180,
            render: (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—'),
          },
        ]}
      />
    </section>
  );
}

/**
 * Records from head office this PC keeps aside instead of storing: what each is (its number, or
 * the number of the ticket it belongs to), why it waits and what to do. A kept-aside record is not
 * in the counter's lists, so this is where it stays visible; "Try again" replays them once the
 * cause (a clashing counter number) is solved.
 */
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeptAsideRecord } from '../../../db/api';
import { useDeskMutation, useDeskQuery } from '../../use-desk';

export function KeptAsideTable() {
  const { t, i18n } = useTranslation('sync');
  const { state, refetch } = useDeskQuery('sync.keptAside', {}, { refetchOn: ['sync.changed'] });
  const retry = useDeskMutation('sync.retryKeptAside');
  const records = state.value ?? [];
  const entityName = (entity: string) => t(`keptAside.entities.${entity as 'ticket'}`, { defaultValue: entity });
  const parentOf = (r: KeptAsideRecord) =>
    r.dependsOn ? `${entityName(r.dependsOn.entity)} ${r.number ?? r.dependsOn.entityId.slice(-8)}` : '';
  // A part number clash is a store that joined with parts of its own: said as such (join-offers-panel.tsx).
  const reasonOf = (r: KeptAsideRecord) =>
    r.entity === 'part' && r.reason === 'duplicate' ? ('duplicate_part' as const) : r.reason;
  if (records.length === 0 && state.status !== 'loading') return null;
  return (
    <section aria-labelledby="sync-kept-aside-title" style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} id="sync-kept-aside-title">
          {t('keptAside.title')}
        </Typography.Title>
        <Button
          onClick={() => void retry.run({}).then(() => window.setTimeout(refetch, 1_000))}
          loading={retry.pending}
        >
          {t('keptAside.retry')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('keptAside.intro')}</Typography.Paragraph>
      <Table<KeptAsideRecord>
        rowKey={(r) => `${r.entity}/${r.entityId}`}
        size="small"
        loading={state.status === 'loading'}
        dataSource={[...records]}
        locale={{ emptyText: t('keptAside.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('keptAside.what'), render: (_, r) => `${entityName(r.entity)} ${r.entityId.slice(-8)}` },
          { title: t('keptAside.number'), dataIndex: 'number', render: (number: string | null) => number ?? '—' },
          {
            title: t('keptAside.why'),
            render: (_, r) => t(`keptAside.reasons.${reasonOf(r)}`, { parent: parentOf(r) }),
          },
          { title: t('keptAside.todo'), render: (_, r) => t(`keptAside.todos.${reasonOf(r)}`) },
          {
            title: t('keptAside.received'),
            dataIndex: 'receivedAt',
            render: (iso: string) => new Date(iso).toLocaleString(i18n.language),
          },
        ]}
      />
    </section>
  );
}

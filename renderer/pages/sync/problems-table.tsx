/** The changes head office refused, with its reason (docs/SYNC.md §2.3: "show rejected results"). */
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { rejectionReasons, type SyncProblem } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';

export function ProblemsTable() {
  const { t, i18n } = useTranslation('sync');
  const { state } = useDeskQuery('sync.problems', {}, { refetchOn: ['sync.changed'] });
  const zh = i18n.language.startsWith('zh');
  const reason = (code: string) => {
    const text = (rejectionReasons as Record<string, { en: string; zh: string } | undefined>)[code];
    return text ? (zh ? text.zh : text.en) : code;
  };
  return (
    <section aria-labelledby="sync-problems-title">
      <Typography.Title level={3} id="sync-problems-title">
        {t('problems.title')}
      </Typography.Title>
      <Table<SyncProblem>
        rowKey="seq"
        size="small"
        loading={state.status === 'loading'}
        dataSource={[...(state.value ?? [])]}
        locale={{ emptyText: t('problems.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('problems.when'),
            dataIndex: 'createdAt',
            render: (iso: string) => new Date(iso).toLocaleString(i18n.language),
          },
          { title: t('problems.what'), render: (_, p) => `${p.entity} ${p.entityId.slice(-8)}` },
          {
            title: t('problems.fields'),
            render: (_, p) =>
              Object.entries(p.fields)
                .filter(([k]) => k !== 'updatedAt')
                .map(([k, v]) => `${k}: ${String(v)}`)
                .join(', '),
          },
          { title: t('problems.who'), dataIndex: 'staffName', render: (name: string | null) => name ?? '—' },
          { title: t('problems.reason'), dataIndex: 'code', render: reason },
        ]}
      />
    </section>
  );
}

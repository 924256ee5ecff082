/**
 * A store's sync problems: refused changes with the reason in words and the fields (customers'
 * personal data masked unless the role may unmask and asks, which head office audits), clock
 * skews and conflicts its PCs lost. A page at a time.
 */
import { Alert, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ClockSkewRow,
  ConflictRow,
  ProblemKind,
  ProblemPage,
  RefusedChangeRow,
} from '../../../headoffice/console/contract/stores';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import { useOffset, useWhen } from './health-tag';

const PAGE_SIZE = 10;

function Value({ value }: { value: unknown }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <Typography.Text code ellipsis={{ tooltip: text }} style={{ fontSize: 12, maxWidth: '100%' }}>
      {text}
    </Typography.Text>
  );
}

export function SyncProblems({ code, counts }: { code: string; counts: Record<ProblemKind, number> }) {
  const { t } = useTranslation('stores');
  const { can } = useStaff();
  const when = useWhen();
  const offset = useOffset();
  const [kind, setKind] = useState<ProblemKind>('refused');
  const [page, setPage] = useState(1);
  const [unmask, setUnmask] = useState(false);
  const rows = useApi(
    () => api.get<ProblemPage>(`/stores/${code}/problems`, { kind, page, pageSize: PAGE_SIZE, unmask: unmask ? 1 : 0 }),
    [code, kind, page, unmask],
  );
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: rows.data?.total ?? 0,
    hideOnSinglePage: true,
    showSizeChanger: false,
    onChange: setPage,
  };
  const data = rows.data?.kind === kind ? rows.data.rows : [];
  const whenColumn = (key: 'receivedAt' | 'loggedAt') => ({
    title: t('receivedAt'),
    dataIndex: key,
    width: 140,
    render: (at: string) => when(at),
  });
  const deviceColumn = { title: t('device'), dataIndex: 'device', width: 150, ellipsis: { showTitle: true } };

  return (
    <>
      <Tabs
        activeKey={kind}
        onChange={(next) => {
          setKind(next as ProblemKind);
          setPage(1);
        }}
        items={(['refused', 'skews', 'conflicts'] as const).map((k) => ({
          key: k,
          label: `${t(`kind.${k}`)} (${counts[k]})`,
        }))}
        tabBarExtraContent={
          can('customers.unmask') && kind !== 'skews' ? (
            <label>
              <Switch size="small" checked={unmask} onChange={setUnmask} /> {t('unmask')}
            </label>
          ) : null
        }
      />
      {rows.problem && <Alert type="error" showIcon title={rows.problem} style={{ marginBottom: 12 }} />}
      {kind === 'refused' && (
        <Table<RefusedChangeRow>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          loading={rows.loading}
          dataSource={data as RefusedChangeRow[]}
          pagination={pagination}
          columns={[
            whenColumn('receivedAt'),
            deviceColumn,
            {
              title: t('record'),
              key: 'record',
              width: 170,
              ellipsis: true,
              render: (_: unknown, r) => `${r.entity} · ${r.op}`,
            },
            {
              title: t('why'),
              dataIndex: 'code',
              ellipsis: { showTitle: true },
              render: (c: string, r) => t(`code.${c}`, { defaultValue: '' }) || r.reason,
            },
            { title: t('fields'), dataIndex: 'fields', render: (fields: unknown) => <Value value={fields} /> },
          ]}
        />
      )}
      {kind === 'skews' && (
        <Table<ClockSkewRow>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          loading={rows.loading}
          dataSource={data as ClockSkewRow[]}
          pagination={pagination}
          columns={[
            whenColumn('loggedAt'),
            deviceColumn,
            { title: t('skew'), dataIndex: 'skewMs', render: (ms: number) => offset(ms) },
          ]}
        />
      )}
      {kind === 'conflicts' && (
        <Table<ConflictRow>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          loading={rows.loading}
          dataSource={data as ConflictRow[]}
          pagination={pagination}
          columns={[
            whenColumn('loggedAt'),
            deviceColumn,
            {
              title: t('record'),
              key: 'record',
              width: 150,
              ellipsis: true,
              render: (_: unknown, r) => `${r.entity}.${r.field}`,
            },
            { title: t('winner'), dataIndex: 'winnerValue', render: (v: unknown) => <Value value={v} /> },
            { title: t('loser'), dataIndex: 'loserValue', render: (v: unknown) => <Value value={v} /> },
          ]}
        />
      )}
    </>
  );
}

/**
 * Likely duplicates across stores (two customers with a live phone of the same digits): merge
 * them, choosing which one is kept, or mark them as not the same person; each with a reason.
 */
import { Alert, App, Button, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CustomerSummary,
  DuplicatePage,
  DuplicateRow,
  MergeResult,
} from '../../../headoffice/console/contract/customers';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import { customerProblem } from './problem-text';
import { ReasonDialog } from './reason-dialog';

const PAGE_SIZE = 20;

/** Two duplicates often read the same masked: the end of the id and the phones tell them apart. */
function describeCustomer(customer: CustomerSummary): string {
  return [
    customer.name,
    customer.stores.join(', ') || '—',
    `${customer.phones.length} ☎`,
    `#${customer.id.slice(-6)}`,
  ].join(' · ');
}

function Who({ customer, onOpen }: { customer: CustomerSummary; onOpen: (id: string) => void }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(customer.id)}>
      {describeCustomer(customer)}
    </Button>
  );
}

export function Duplicates({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation(['customers', 'common']);
  const { can } = useStaff();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [merging, setMerging] = useState<{ row: DuplicateRow; keep: 'a' | 'b' } | null>(null);
  const [dismissing, setDismissing] = useState<DuplicateRow | null>(null);
  const flags = useApi(() => api.get<DuplicatePage>('/customers/duplicates', { page, pageSize: PAGE_SIZE }), [page]);
  const edit = can('customers.edit');

  return (
    <>
      {flags.problem && <Alert type="error" showIcon title={flags.problem} style={{ marginBottom: 12 }} />}
      <Table<DuplicateRow>
        rowKey="flagId"
        size="middle"
        tableLayout="fixed"
        loading={flags.loading}
        dataSource={flags.data?.rows ?? []}
        locale={{ emptyText: t('noDuplicates') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: flags.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t('digits'), dataIndex: 'digits', width: 140 },
          { title: t('customerA'), key: 'a', render: (_: unknown, r) => <Who customer={r.a} onOpen={onOpen} /> },
          { title: t('customerB'), key: 'b', render: (_: unknown, r) => <Who customer={r.b} onOpen={onOpen} /> },
          {
            title: t('flaggedAt'),
            dataIndex: 'flaggedAt',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
          ...(edit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, row: DuplicateRow) => (
                    <Space size={4}>
                      <Button size="small" type="primary" onClick={() => setMerging({ row, keep: 'a' })}>
                        {t('merge')}
                      </Button>
                      <Button size="small" onClick={() => setDismissing(row)}>
                        {t('dismiss')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {merging && (
        <ReasonDialog
          title={t('mergeTitle')}
          text={t('mergeText')}
          okText={t('merge')}
          extra={
            <Radio.Group
              value={merging.keep}
              onChange={(e) => setMerging({ ...merging, keep: e.target.value as 'a' | 'b' })}
              style={{ display: 'flex', flexDirection: 'column', gap: 6, marginBottom: 12 }}
            >
              {(['a', 'b'] as const).map((side) => (
                <Radio key={side} value={side}>
                  {t('keep')}: {describeCustomer(merging.row[side])}
                </Radio>
              ))}
            </Radio.Group>
          }
          onClose={() => setMerging(null)}
          onConfirm={async ({ reason }) => {
            const { a, b } = merging.row;
            const [into, from] = merging.keep === 'a' ? [a, b] : [b, a];
            let result: MergeResult;
            try {
              result = await api.send<MergeResult>('POST', '/customers/merge', {
                fromId: from.id,
                intoId: into.id,
                reason,
              });
            } catch (error) {
              throw new Error(customerProblem(error), { cause: error });
            }
            void message.success(t('merged_ok', result.moved));
            setMerging(null);
            flags.reload();
          }}
        />
      )}
      {dismissing && (
        <ReasonDialog
          title={t('dismissTitle')}
          text={`${dismissing.a.name} · ${dismissing.b.name}`}
          okText={t('dismiss')}
          onClose={() => setDismissing(null)}
          onConfirm={async ({ reason }) => {
            try {
              await api.send('POST', `/customers/duplicates/${dismissing.flagId}/dismiss`, { reason });
            } catch (error) {
              throw new Error(customerProblem(error), { cause: error });
            }
            void message.success(t('dismissed_ok'));
            setDismissing(null);
            flags.reload();
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('masked')}
      </Typography.Paragraph>
    </>
  );
}

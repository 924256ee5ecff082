/** The parts list: search by part number or name, paged at head office; edit and retire for editors. */
import { Alert, App, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useStaff } from '../../session';
import { useApi } from '../../use-api';
import type { PartPage, PartView, SupplierView } from '../../../headoffice/console/contract/catalogue';
import { errorText } from './errors';
import { formatFen } from './money';
import { PartForm } from './part-form';

type Status = 'active' | 'retired' | 'all';

const ellipsis = (text: string) => (
  <Tooltip title={text} placement="topLeft">
    <span>{text}</span>
  </Tooltip>
);

export function PartsTab({ suppliers, onChanged }: { suppliers: ReadonlyArray<SupplierView>; onChanged: () => void }) {
  const { t } = useTranslation('catalogue');
  const { message } = App.useApp();
  const { can } = useStaff();
  const editable = can('catalogue.edit');
  const [query, setQuery] = useState({ q: '', status: 'active' as Status, page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<PartView | 'new' | null>(null);
  const names = new Map(suppliers.map((s) => [s.id, s.name]));

  const parts = useApi(() => api.get<PartPage>('/catalogue/parts', query), [query]);
  const data = parts.data;

  const retire = async (part: PartView, retired: boolean) => {
    try {
      await api.send('POST', `/catalogue/parts/${part.id}/retire`, { retired });
      void message.success(
        retired ? t('part.retired', { partNo: part.partNo }) : t('part.reactivated', { partNo: part.partNo }),
      );
      parts.reload();
      onChanged();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('part.searchPlaceholder')}
            aria-label={t('part.searchPlaceholder')}
            style={{ width: 280 }}
            maxLength={40}
            onSearch={(q) => setQuery((s) => ({ ...s, q: q.trim(), page: 1 }))}
          />
          <Segmented<Status>
            value={query.status}
            onChange={(status) => setQuery((s) => ({ ...s, status, page: 1 }))}
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'retired', label: t('status.retired') },
              { value: 'all', label: t('status.all') },
            ]}
          />
        </Space>
        {editable && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('part.new')}
          </Button>
        )}
      </Space>
      {parts.problem && <Alert type="error" showIcon title={parts.problem} style={{ marginBottom: 12 }} />}
      <Table<PartView>
        rowKey="id"
        size="middle"
        loading={parts.loading}
        dataSource={data?.items ?? []}
        tableLayout="fixed"
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('part.total', { total }),
          onChange: (page, pageSize) => setQuery((s) => ({ ...s, page, pageSize })),
        }}
        columns={[
          {
            title: t('field.partNo'),
            dataIndex: 'partNo',
            width: 150,
            ellipsis: { showTitle: false },
            render: ellipsis,
          },
          { title: t('field.name'), dataIndex: 'name', ellipsis: { showTitle: false }, render: ellipsis },
          { title: t('field.spec'), dataIndex: 'spec', width: 130, ellipsis: { showTitle: false }, render: ellipsis },
          { title: t('field.unit'), dataIndex: 'unit', width: 64 },
          {
            title: t('field.cost'),
            dataIndex: 'costFen',
            width: 110,
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          {
            title: t('field.price'),
            dataIndex: 'priceFen',
            width: 110,
            align: 'right',
            render: (v: number) => formatFen(v),
          },
          {
            title: t('field.suppliers'),
            dataIndex: 'supplierIds',
            width: 150,
            ellipsis: { showTitle: false },
            render: (ids: string[]) => ellipsis(ids.map((id) => names.get(id) ?? '?').join('、')),
          },
          {
            title: t('field.status'),
            dataIndex: 'retiredAt',
            width: 84,
            render: (retiredAt: string | null) =>
              retiredAt ? <Tag>{t('status.retired')}</Tag> : <Tag color="green">{t('status.active')}</Tag>,
          },
          ...(editable
            ? [
                {
                  title: t('field.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, part: PartView) => (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => setEditing(part)}>
                        {t('action.edit')}
                      </Button>
                      <Popconfirm
                        title={part.retiredAt ? t('part.reactivateConfirm') : t('part.retireConfirm')}
                        okText={t('action.confirm')}
                        cancelText={t('action.cancel')}
                        onConfirm={() => retire(part, part.retiredAt === null)}
                      >
                        <Button size="small" type="link" danger={part.retiredAt === null}>
                          {part.retiredAt ? t('action.reactivate') : t('action.retire')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
        locale={{ emptyText: <Typography.Text type="secondary">{t('part.empty')}</Typography.Text> }}
      />
      {editing && (
        <PartForm
          part={editing}
          suppliers={suppliers}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success(t('part.saved', { partNo: saved.partNo }));
            parts.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}

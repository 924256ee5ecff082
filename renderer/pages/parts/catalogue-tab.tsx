/** The stock tab: the catalogue with on-hand, searchable; a part opens in a drawer. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartSummary } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDebounced } from '../../use-debounced';
import { useDeskQuery } from '../../use-desk';
import { formatFen } from './format';
import { PartDrawer } from './part-drawer';
import { PartFormDrawer } from './part-form';
import { partsHref } from './route';
import { LocationsPanel } from './locations-panel';
import { SuppliersPanel } from './suppliers-panel';

export function CatalogueTab({ openId }: { openId: string | null }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { can } = useSignedIn();
  const [query, setQuery] = useState('');
  const [includeRetired, setIncludeRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const debounced = useDebounced(query, 200);
  const { state } = useDeskQuery('parts.list', { query: debounced, includeRetired }, { refetchOn: ['parts.changed'] });
  const { state: lookups } = useDeskQuery('parts.lookups', {}, { refetchOn: ['parts.changed'] });
  const storeOwnsCatalogue = lookups.value?.catalogueOwner === 'store';

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('part.search')}
          placeholder={t('part.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          allowClear
          style={{ width: 360 }}
        />
        <Checkbox checked={includeRetired} onChange={(event) => setIncludeRetired(event.target.checked)}>
          {t('part.showRetired')}
        </Checkbox>
        {can('parts.catalogue') && storeOwnsCatalogue ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('part.new')}
          </Button>
        ) : null}
      </Space>
      {lookups.value?.catalogueOwner === 'head_office' ? (
        <Alert type="info" showIcon title={t('part.hqOwned')} style={{ marginBottom: 16 }} />
      ) : null}
      {state.status === 'error' ? (
        <Alert type="error" showIcon title={errorText(state.error.key)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<PartSummary>
        rowKey="id"
        size="middle"
        aria-label={t('part.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value?.items ?? [])]}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            key: 'partNo',
            title: t('part.partNo'),
            render: (_, part) => (
              <a href={partsHref('stock', part.id)} aria-label={t('part.open', { partNo: part.partNo })}>
                {part.partNo}
              </a>
            ),
          },
          {
            key: 'name',
            title: t('part.name'),
            render: (_, part) =>
              part.retired ? (
                <Space>
                  {part.name}
                  <Tag>{t('part.retiredTag')}</Tag>
                </Space>
              ) : (
                part.name
              ),
          },
          { key: 'spec', title: t('part.spec'), dataIndex: 'spec' },
          { key: 'models', title: t('part.models'), render: (_, part) => part.models.join('、') },
          { key: 'bin', title: t('part.bin'), dataIndex: 'bin' },
          {
            key: 'onHand',
            title: t('part.onHand'),
            align: 'right',
            render: (_, part) => (
              <span
                style={{
                  color:
                    part.onHand < 0
                      ? '#cf1322'
                      : part.reorderLevel !== null && part.onHand <= part.reorderLevel
                        ? '#ad4e00'
                        : undefined,
                }}
              >
                {part.onHand} {part.unit}
              </span>
            ),
          },
          { key: 'price', title: t('part.price'), align: 'right', render: (_, part) => formatFen(part.priceFen) },
        ]}
      />
      {can('parts.catalogue') && storeOwnsCatalogue ? (
        <SuppliersPanel suppliers={lookups.value?.suppliers ?? []} />
      ) : null}
      {can('parts.approve') ? <LocationsPanel /> : null}
      <PartDrawer partId={openId} onClose={() => (window.location.hash = partsHref('stock'))} />
      <PartFormDrawer
        open={creating}
        part={null}
        onClose={() => setCreating(false)}
        onSaved={(part) => ((window.location.hash = partsHref('stock', part.id)), setCreating(false))}
      />
    </>
  );
}

/** Stocktakes: the list, starting a count at a location (or one shelf), and the open count sheet. */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeSummary } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { PrintButton } from '../../print/print-button';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { formatTime } from './format';
import { partsHref } from './route';
import { StocktakeSheet } from './stocktake-sheet';

export function StocktakeTab({ openId }: { openId: string | null }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const { state: one } = useDeskQuery(
    'parts.stocktake',
    { id: openId ?? '' },
    { refetchOn: ['parts.changed'], enabled: openId !== null },
  );
  if (openId !== null) {
    return (
      <>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
          <Button
            type="link"
            icon={<ArrowLeftOutlined aria-hidden />}
            href={partsHref('stocktake')}
            style={{ paddingLeft: 0 }}
          >
            {t('stocktake.back')}
          </Button>
          {one.value?.id === openId ? <PrintButton form="stocktake-sheet" subjectId={openId} /> : null}
        </Space>
        {one.status === 'error' ? <Alert type="error" showIcon title={errorText(one.error.key)} /> : null}
        {one.value?.id === openId ? <StocktakeSheet stocktake={one.value} /> : null}
      </>
    );
  }
  return <StocktakeList />;
}

function StocktakeList() {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const [starting, setStarting] = useState(false);
  const { state } = useDeskQuery('parts.stocktakes', {}, { refetchOn: ['parts.changed'] });
  return (
    <>
      {can('parts.count') ? (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          style={{ marginBottom: 16 }}
          onClick={() => setStarting(true)}
        >
          {t('stocktake.start')}
        </Button>
      ) : null}
      <Table<StocktakeSummary>
        rowKey="id"
        size="middle"
        aria-label={t('stocktake.list')}
        loading={state.status === 'loading' && !state.value}
        dataSource={[...(state.value?.items ?? [])]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: 'number',
            title: t('stocktake.number'),
            render: (_, s) => (
              <a href={partsHref('stocktake', s.id)} aria-label={t('stocktake.openOf', { number: s.number })}>
                {s.number}
              </a>
            ),
          },
          {
            key: 'location',
            title: t('stocktake.location'),
            render: (_, s) => `${s.locationCode}${s.binPrefix ? ` · ${s.binPrefix}*` : ''}`,
          },
          {
            key: 'status',
            title: t('stocktake.status'),
            render: (_, s) => (
              <>
                <Tag color={s.status === 'counting' ? 'blue' : undefined}>{t(`stocktake.statuses.${s.status}`)}</Tag>
                {s.blind ? <Tag>{t('stocktake.blind')}</Tag> : null}
              </>
            ),
          },
          {
            key: 'by',
            title: t('stocktake.startedBy'),
            render: (_, s) => `${s.startedByName ?? ''} ${formatTime(s.startedAt)}`,
          },
          { key: 'lines', title: t('receipt.lines'), dataIndex: 'lineCount', align: 'right' },
        ]}
      />
      <StartDialog open={starting} onClose={() => setStarting(false)} />
    </>
  );
}

function StartDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const start = useDeskMutation('parts.stocktakeStart');
  const { state: lookups } = useDeskQuery('parts.lookups', {}, { enabled: open });
  const [locationId, setLocationId] = useState<string | undefined>(undefined);
  const [binPrefix, setBinPrefix] = useState('');
  const [blind, setBlind] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const locations = lookups.value?.locations ?? [];
  const run = async (): Promise<void> => {
    const result = await start.run({ ...(locationId ? { locationId } : {}), binPrefix, blind });
    if (!result.ok) return setError(errorText(result.error.key));
    setError(null);
    onClose();
    window.location.hash = partsHref('stocktake', result.value.id);
  };
  return (
    <Modal
      open={open}
      title={t('stocktake.startTitle')}
      okText={t('stocktake.start')}
      cancelText={t('actions.cancel')}
      okButtonProps={{ loading: start.pending }}
      onOk={() => void run()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        {locations.length > 1 ? (
          <Form.Item label={t('stocktake.location')} htmlFor="stocktake-location">
            <Select
              id="stocktake-location"
              value={locationId ?? locations[0]?.id}
              onChange={setLocationId}
              options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
              virtual={false}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('stocktake.binPrefix')} htmlFor="stocktake-bin" extra={t('stocktake.binPrefixHelp')}>
          <Input id="stocktake-bin" value={binPrefix} onChange={(e) => setBinPrefix(e.target.value)} maxLength={20} />
        </Form.Item>
        <Form.Item label={t('stocktake.blind')} htmlFor="stocktake-blind" extra={t('stocktake.blindHelp')}>
          <Switch id="stocktake-blind" checked={blind} onChange={setBlind} />
        </Form.Item>
      </Form>
      <Space>{error ? <Alert type="error" role="alert" showIcon title={error} /> : null}</Space>
    </Modal>
  );
}

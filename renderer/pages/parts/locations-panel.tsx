/**
 * Where stock sits: the main store room (made on first use), a second room, a repair van. The parts
 * lead renames a location (its code is the stable key and stays), retires an empty one (never
 * MAIN) and brings a retired one back; retired ones are hidden unless "show retired" is on.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Collapse, Form, Input, List, Modal, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { locationCreateSchema, type LocationView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { BinLabelsButton } from '../../print/label-buttons';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { DialogError } from './fields';

type LocationInput = z.input<typeof locationCreateSchema>;

export function LocationsPanel() {
  const { t } = useTranslation('parts');
  const [showRetired, setShowRetired] = useState(false);
  const { state } = useDeskQuery('parts.locations', { includeRetired: showRetired }, { refetchOn: ['parts.changed'] });
  const locations = state.value?.items ?? [];
  return (
    <Collapse
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'locations',
          label: `${t('location.title')} (${locations.filter((l) => !l.retired).length})`,
          children: (
            <>
              <Space style={{ marginBottom: 8 }}>
                <Switch id="locations-show-retired" checked={showRetired} onChange={setShowRetired} />
                <label htmlFor="locations-show-retired">{t('location.showRetired')}</label>
              </Space>
              <List size="small" dataSource={[...locations]} renderItem={(l) => <LocationItem location={l} />} />
              <LocationForm />
            </>
          ),
        },
      ]}
    />
  );
}

function LocationItem({ location: l }: { location: LocationView }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const update = useDeskMutation('parts.locationUpdate');
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(l.name);
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: { name?: string; retired?: boolean }): Promise<boolean> => {
    const result = await update.run({ id: l.id, name: patch.name ?? l.name, retired: patch.retired ?? l.retired });
    setError(result.ok ? null : errorText(result.error.key));
    return result.ok;
  };
  const holds = l.stock.map((s) => `${s.partNo} ${s.partName} ×${s.qty}`).join(', ');
  const actions = [
    <BinLabelsButton key="labels" locationId={l.id} locationCode={l.code} />,
    <Button
      key="rename"
      size="small"
      aria-label={t('location.renameOf', { code: l.code })}
      onClick={() => setRenaming(true)}
    >
      {t('location.rename')}
    </Button>,
  ];
  if (l.retired)
    actions.push(
      <Button
        key="reactivate"
        size="small"
        aria-label={t('location.reactivateOf', { code: l.code })}
        loading={update.pending}
        onClick={() => void save({ retired: false })}
      >
        {t('location.reactivate')}
      </Button>,
    );
  else if (!l.isMain)
    actions.push(
      <Button
        key="retire"
        size="small"
        danger
        aria-label={t('location.retireOf', { code: l.code })}
        title={l.stock.length > 0 ? t('location.emptyFirst') : undefined}
        loading={update.pending}
        onClick={() => void save({ retired: true })}
      >
        {t('location.retire')}
      </Button>,
    );
  return (
    <List.Item actions={actions}>
      <Space direction="vertical" size={0}>
        <span>
          {`${l.code} ${l.name}`} {l.isMain ? <Tag>{t('location.main')}</Tag> : null}
          {l.retired ? <Tag>{t('location.retired')}</Tag> : null}
        </span>
        {holds ? <Typography.Text type="secondary">{t('location.holds', { parts: holds })}</Typography.Text> : null}
        {error ? <Alert type="error" role="alert" showIcon title={`${error}${holds ? ` — ${holds}` : ''}`} /> : null}
      </Space>
      <Modal
        open={renaming}
        title={t('location.renameOf', { code: l.code })}
        okText={t('actions.save')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ loading: update.pending }}
        onOk={() => void save({ name }).then((ok) => ok && setRenaming(false))}
        onCancel={() => setRenaming(false)}
        destroyOnHidden
      >
        <Input
          aria-label={t('location.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoFocus
        />
        <DialogError message={error} />
      </Modal>
    </List.Item>
  );
}

function LocationForm() {
  const { t } = useTranslation('parts');
  const create = useDeskMutation('parts.locationCreate');
  const { control, handleSubmit, getValues, setError, reset, formState } = useForm<
    LocationInput,
    unknown,
    z.output<typeof locationCreateSchema>
  >({
    resolver: zodResolver(locationCreateSchema),
    defaultValues: { code: '', name: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await create.run(getValues());
    if (result.ok) reset();
    else applyDeskError(result.error, setError, fieldsOf<LocationInput>('code', 'name'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()} style={{ marginTop: 16 }}>
      <Space wrap align="end">
        <TextField
          control={control}
          name="code"
          id="location-code"
          label={t('location.code')}
          required
          maxLength={12}
          placeholder="VAN-1"
        />
        <TextField
          control={control}
          name="name"
          id="location-name"
          label={t('location.name')}
          required
          maxLength={40}
        />
        <Form.Item>
          <Button htmlType="submit" loading={formState.isSubmitting}>
            {t('location.new')}
          </Button>
        </Form.Item>
      </Space>
      <FormAlert errors={formState.errors} />
    </Form>
  );
}

/**
 * Add or edit a part (the store's admin, while the store owns the catalogue), or, for the parts
 * lead, only the store's own settings: bin, reorder level and quantity.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { Controller, useForm, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { partCreateSchema, partStoreFieldsSchema, partUpdateSchema, type PartDetail } from '../../../db/api';
import { describedBy, FieldFrame, NumberField, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { MoneyField } from './fields';

type UpdateInput = z.input<typeof partUpdateSchema>;
type StoreInput = z.input<typeof partStoreFieldsSchema>;
const isPartField = fieldsOf<UpdateInput>(
  'partNo',
  'name',
  'spec',
  'models',
  'unit',
  'supplierIds',
  'costFen',
  'priceFen',
  'reorderLevel',
  'reorderQty',
  'bin',
  'retired',
);

function ModelsField({
  value,
  onChange,
  error,
  id,
  label,
  help,
}: {
  value: ReadonlyArray<string>;
  onChange: (models: string[]) => void;
  error?: string | undefined;
  id: string;
  label: string;
  help: string;
}) {
  // Keep what is typed (a trailing comma included); the form gets the list.
  const [text, setText] = useState(value.join(', '));
  return (
    <FieldFrame id={id} label={label} error={error} help={help}>
      <Input
        {...describedBy(id, error, help)}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(
            event.target.value
              .split(/[,，、]/)
              .map((m) => m.trim())
              .filter((m) => m !== ''),
          );
        }}
      />
    </FieldFrame>
  );
}

type Props = { open: boolean; part: PartDetail | null; onClose: () => void; onSaved: (part: PartDetail) => void };

export function PartFormDrawer({ open, part, onClose, onSaved }: Props) {
  const { t } = useTranslation('parts');
  return (
    <Drawer
      open={open}
      title={part ? t('part.edit') : t('part.newTitle')}
      size="large"
      onClose={onClose}
      destroyOnHidden
    >
      {open ? <PartForm part={part} onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  );
}

function PartForm({
  part,
  onSaved,
  onCancel,
}: {
  part: PartDetail | null;
  onSaved: (part: PartDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('parts');
  const create = useDeskMutation('parts.create');
  const update = useDeskMutation('parts.update');
  const { state: lookups } = useDeskQuery('parts.lookups', {});
  const defaults: UpdateInput = part
    ? { ...part, models: [...part.models], supplierIds: part.suppliers.map((s) => s.id), retired: part.retired }
    : {
        id: '00000000-0000-7000-8000-000000000000',
        partNo: '',
        name: '',
        spec: '',
        models: [],
        unit: '个',
        supplierIds: [],
        costFen: 0,
        priceFen: 0,
        reorderLevel: null,
        reorderQty: 0,
        bin: '',
        retired: false,
      };
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    UpdateInput,
    unknown,
    z.output<typeof partUpdateSchema>
  >({
    resolver: zodResolver(part ? partUpdateSchema : (partCreateSchema as unknown as typeof partUpdateSchema)),
    defaultValues: defaults,
  });
  const submit = handleSubmit(async () => {
    const values = getValues();
    const result = part ? await update.run(values) : await create.run(values);
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, isPartField);
  });
  const suppliers = (lookups.value?.suppliers ?? []).filter((s) => !s.retired || defaults.supplierIds?.includes(s.id));

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <TextField
        control={control}
        name="partNo"
        id="part-no"
        label={t('part.partNo')}
        required
        autoFocus
        maxLength={40}
      />
      <TextField control={control} name="name" id="part-name" label={t('part.name')} required maxLength={60} />
      <TextField control={control} name="spec" id="part-spec" label={t('part.spec')} maxLength={120} />
      <Controller
        control={control}
        name="models"
        render={({ field, fieldState }) => (
          <ModelsField
            id="part-models"
            label={t('part.models')}
            help={t('part.modelsHelp')}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <TextField control={control} name="unit" id="part-unit" label={t('part.unit')} required maxLength={8} />
      <Controller
        control={control}
        name="supplierIds"
        render={({ field, fieldState }) => (
          <FieldFrame id="part-suppliers" label={t('part.suppliers')} error={fieldState.error?.message}>
            <Select
              {...describedBy('part-suppliers', fieldState.error?.message, undefined)}
              mode="multiple"
              value={field.value ?? []}
              onChange={field.onChange}
              options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
              virtual={false}
            />
          </FieldFrame>
        )}
      />
      <Space size="large" wrap>
        <MoneyField control={control} name="costFen" id="part-cost" label={t('part.cost')} required />
        <MoneyField control={control} name="priceFen" id="part-price" label={t('part.price')} required />
      </Space>
      <StoreFieldsInputs control={control} />
      {part ? (
        <Controller
          control={control}
          name="retired"
          render={({ field }) => (
            <FieldFrame id="part-retired" label={t('part.retired')}>
              <Switch id="part-retired" checked={field.value ?? false} onChange={field.onChange} />
            </FieldFrame>
          )}
        />
      ) : null}
      <FormAlert errors={formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('actions.save')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

type StoreFields = { bin?: string; reorderLevel?: number | null; reorderQty?: number };

/** Bin and reorder settings: in the admin's full form and in the parts lead's own. */
function StoreFieldsInputs<T extends StoreFields & FieldValues, O>({ control }: { control: Control<T, unknown, O> }) {
  const { t } = useTranslation('parts');
  return (
    <>
      <TextField control={control} name={'bin' as FieldPath<T>} id="part-bin" label={t('part.bin')} maxLength={20} />
      <Space size="large" wrap>
        <NumberField
          control={control}
          name={'reorderLevel' as FieldPath<T>}
          id="part-reorder-level"
          label={t('part.reorderLevel')}
          help={t('part.reorderLevelHelp')}
          min={0}
          max={99999}
        />
        <NumberField
          control={control}
          name={'reorderQty' as FieldPath<T>}
          id="part-reorder-qty"
          label={t('part.reorderQty')}
          min={0}
          max={99999}
        />
      </Space>
    </>
  );
}

/** The parts lead's form: where the part sits and when to reorder it. */
export function StoreFieldsForm({
  part,
  onSaved,
  onCancel,
}: {
  part: PartDetail;
  onSaved: (part: PartDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('parts');
  const save = useDeskMutation('parts.updateStoreFields');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    StoreInput,
    unknown,
    z.output<typeof partStoreFieldsSchema>
  >({
    resolver: zodResolver(partStoreFieldsSchema),
    defaultValues: { id: part.id, bin: part.bin, reorderLevel: part.reorderLevel, reorderQty: part.reorderQty },
  });
  const submit = handleSubmit(async () => {
    const result = await save.run(getValues());
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, fieldsOf<StoreInput>('bin', 'reorderLevel', 'reorderQty'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <StoreFieldsInputs control={control} />
      <FormAlert errors={formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('actions.save')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

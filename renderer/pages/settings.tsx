/**
 * Store settings (admin): name, counter, contact, opening hours, working days, idle lock. Head
 * office's opening-hours templates can fill the hours; saved, they are the store's own.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Checkbox, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { storeUpdateSchema, type OpeningHoursTemplateView, type StoreSettings } from '../../db/api';
import { useErrorText } from '../forms/error-text';
import { describedBy, FieldFrame, NumberField, TextField } from '../forms/fields';
import { FormAlert } from '../forms/form-alert';
import { applyDeskError, fieldsOf } from '../forms/server-error';
import { CategoryTerms } from './settings-categories';
import { useDeskMutation, useDeskQuery } from '../use-desk';

type SettingsInput = z.input<typeof storeUpdateSchema>;
const isSettingsField = fieldsOf<SettingsInput>(
  'name',
  'counterNo',
  'phone',
  'address',
  'opensAt',
  'closesAt',
  'workingDays',
  'idleLockMinutes',
);
const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

function formValues(store: StoreSettings): SettingsInput {
  const { name, counterNo, phone, address, opensAt, closesAt, workingDays, idleLockMinutes } = store;
  return { name, counterNo, phone, address, opensAt, closesAt, workingDays: [...workingDays], idleLockMinutes };
}

export function SettingsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { state } = useDeskQuery('store.get', {});
  return (
    <section aria-labelledby="settings-title" style={{ maxWidth: 760 }}>
      <Typography.Title level={2} id="settings-title" style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {state.status === 'error' ? <Alert type="error" showIcon title={errorText(state.error.key)} /> : null}
      {state.value ? (
        <SettingsForm key={state.value.id} store={state.value} />
      ) : state.status === 'loading' ? (
        <Skeleton active />
      ) : null}
      <CategoryTerms />
    </section>
  );
}

function SettingsForm({ store }: { store: StoreSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useDeskMutation('store.update');
  const { state: templates } = useDeskQuery('store.hoursTemplates', {});
  const { control, handleSubmit, getValues, setValue, setError, reset, formState } = useForm<
    SettingsInput,
    unknown,
    z.output<typeof storeUpdateSchema>
  >({
    resolver: zodResolver(storeUpdateSchema),
    defaultValues: formValues(store),
  });
  const submit = handleSubmit(async () => {
    const result = await update.run(getValues());
    if (result.ok) {
      reset(formValues(result.value));
      void message.success(t('form.saved'));
    } else applyDeskError(result.error, setError, isSettingsField);
  });

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <FieldFrame id="settings-code" label={t('settings.storeCode')} help={t('settings.storeCodeNote')}>
        <Input
          {...describedBy('settings-code', undefined, t('settings.storeCodeNote'))}
          value={store.code}
          readOnly
          variant="filled"
        />
      </FieldFrame>
      <TextField control={control} name="name" id="settings-name" label={t('settings.name')} required maxLength={60} />
      <NumberField
        control={control}
        name="counterNo"
        id="settings-counter-no"
        label={t('settings.counterNo')}
        required
        min={1}
        max={99}
      />
      <TextField control={control} name="phone" id="settings-phone" label={t('settings.phone')} maxLength={30} />
      <TextField control={control} name="address" id="settings-address" label={t('settings.address')} maxLength={200} />
      {templates.value && templates.value.length > 0 ? (
        <HoursTemplatePicker
          templates={templates.value}
          onApply={(template) => {
            const dirty = { shouldDirty: true, shouldValidate: true };
            setValue('opensAt', template.opensAt, dirty);
            setValue('closesAt', template.closesAt, dirty);
            setValue('workingDays', [...template.workingDays], dirty);
          }}
        />
      ) : null}
      <div style={{ display: 'flex', gap: 16 }}>
        <TextField
          control={control}
          name="opensAt"
          id="settings-opens-at"
          label={t('settings.opensAt')}
          kind="time"
          required
        />
        <TextField
          control={control}
          name="closesAt"
          id="settings-closes-at"
          label={t('settings.closesAt')}
          kind="time"
          required
        />
      </div>
      <Controller
        control={control}
        name="workingDays"
        render={({ field, fieldState }) => (
          <FieldFrame
            id="settings-working-days"
            label={<span id="settings-working-days-label">{t('settings.workingDays')}</span>}
            error={fieldState.error?.message}
            required
          >
            <Checkbox.Group<number>
              {...describedBy('settings-working-days', fieldState.error?.message, undefined)}
              role="group"
              aria-labelledby="settings-working-days-label"
              value={field.value}
              onChange={(days) => field.onChange([...days].sort((a, b) => a - b))}
              options={DAYS.map((day) => ({ value: Number(day), label: t(`weekdays.${day}`) }))}
            />
          </FieldFrame>
        )}
      />
      <NumberField
        control={control}
        name="idleLockMinutes"
        id="settings-idle-lock"
        label={t('settings.idleLockMinutes')}
        required
        min={1}
        max={120}
      />
      <FormAlert errors={formState.errors} />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
        {t('form.save')}
      </Button>
    </Form>
  );
}

/** Copies a template's hours into the form; nothing is saved until the admin saves the settings. */
function HoursTemplatePicker({
  templates,
  onApply,
}: {
  templates: ReadonlyArray<OpeningHoursTemplateView>;
  onApply: (template: OpeningHoursTemplateView) => void;
}) {
  const { t } = useTranslation();
  const [applied, setApplied] = useState<string | null>(null);
  const days = (template: OpeningHoursTemplateView) =>
    template.workingDays.map((d) => t(`weekdays.${String(d) as (typeof DAYS)[number]}`)).join(' ');
  return (
    <FieldFrame id="settings-hours-template" label={t('settings.hoursTemplate')} help={t('settings.hoursTemplateHelp')}>
      <Select<string>
        id="settings-hours-template"
        value={applied}
        placeholder={t('settings.hoursTemplatePick')}
        onChange={(id) => {
          const template = templates.find((x) => x.id === id);
          if (!template) return;
          setApplied(id);
          onApply(template);
        }}
        options={templates.map((x) => ({
          value: x.id,
          label: `${x.name} · ${x.opensAt}–${x.closesAt} · ${days(x)}`,
        }))}
        style={{ width: '100%' }}
        virtual={false}
      />
    </FieldFrame>
  );
}

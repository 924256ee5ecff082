/** Add a staff member, or change one: name, role, PIN, active. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Form, Space, Switch } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ROLES, staffCreateSchema, staffUpdateSchema, type StaffSummary } from '../../db/api';
import { describedBy, FieldFrame, SelectField, TextField } from '../forms/fields';
import { FormAlert } from '../forms/form-alert';
import { applyDeskError, fieldsOf } from '../forms/server-error';
import { useDeskMutation } from '../use-desk';

type CreateInput = z.input<typeof staffCreateSchema>;
type UpdateInput = z.input<typeof staffUpdateSchema>;
type FormProps = { onSaved: (staff: StaffSummary) => void; onCancel: () => void };

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function Buttons({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('form.save')}
      </Button>
      <Button onClick={onCancel}>{t('form.cancel')}</Button>
    </Space>
  );
}

export function StaffCreateForm({ onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const create = useDeskMutation('staff.create');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    CreateInput,
    unknown,
    z.output<typeof staffCreateSchema>
  >({
    resolver: zodResolver(staffCreateSchema),
    defaultValues: { name: '', role: 'counter_staff', pin: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await create.run(getValues());
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, fieldsOf<CreateInput>('name', 'role', 'pin'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <TextField
        control={control}
        name="name"
        id="staff-new-name"
        label={t('staff.name')}
        required
        autoFocus
        maxLength={40}
      />
      <SelectField control={control} name="role" id="staff-new-role" label={t('staff.role')} required options={roles} />
      <TextField
        control={control}
        name="pin"
        id="staff-new-pin"
        label={t('staff.pin')}
        kind="pin"
        required
        maxLength={8}
      />
      <FormAlert errors={formState.errors} />
      <Buttons saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

export function StaffEditForm({ staff, onSaved, onCancel }: FormProps & { staff: StaffSummary }) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const update = useDeskMutation('staff.update');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    UpdateInput,
    unknown,
    z.output<typeof staffUpdateSchema>
  >({
    resolver: zodResolver(staffUpdateSchema),
    defaultValues: { id: staff.id, name: staff.name, role: staff.role, pin: '', active: staff.active },
  });
  const submit = handleSubmit(async () => {
    const result = await update.run(getValues());
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, fieldsOf<UpdateInput>('name', 'role', 'pin', 'active'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <TextField
        control={control}
        name="name"
        id="staff-edit-name"
        label={t('staff.name')}
        required
        autoFocus
        maxLength={40}
      />
      <SelectField
        control={control}
        name="role"
        id="staff-edit-role"
        label={t('staff.role')}
        required
        options={roles}
      />
      <TextField
        control={control}
        name="pin"
        id="staff-edit-pin"
        label={t('staff.newPin')}
        help={t('staff.newPinHelp')}
        kind="pin"
        maxLength={8}
      />
      <Controller
        control={control}
        name="active"
        render={({ field, fieldState }) => (
          <FieldFrame id="staff-edit-active" label={t('staff.active')} error={fieldState.error?.message}>
            <Switch
              {...describedBy('staff-edit-active', fieldState.error?.message, undefined)}
              ref={field.ref}
              checked={field.value}
              onChange={field.onChange}
            />
          </FieldFrame>
        )}
      />
      <FormAlert errors={formState.errors} />
      <Buttons saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

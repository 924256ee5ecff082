/**
 * New customer / edit customer, in a drawer beside the counter. The forms validate with the very
 * schemas the dispatcher checks the call with, and send what the user typed (the schema input).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Drawer, Form, Space } from 'antd';
import { FormProvider, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { customerCreateSchema, customerUpdateSchema, type CustomerDetail } from '../../../db/api';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { CustomerFields } from './customer-fields';

export type CustomerEditor =
  | { kind: 'create'; prefill: { name?: string; phone?: string } }
  | { kind: 'edit'; customer: CustomerDetail };

type DrawerProps = {
  editor: CustomerEditor | null;
  onClose: () => void;
  onSaved: (customer: CustomerDetail) => void;
};

export function CustomerDrawer({ editor, onClose, onSaved }: DrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={editor !== null}
      title={editor?.kind === 'edit' ? t('customer.editTitle') : t('customer.newTitle')}
      size={520}
      destroyOnHidden
      onClose={onClose}
    >
      {editor?.kind === 'create' ? <CreateCustomerForm key="create" prefill={editor.prefill} onSaved={onSaved} onCancel={onClose} /> : null}
      {editor?.kind === 'edit' ? <EditCustomerForm key={editor.customer.id} customer={editor.customer} onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  );
}

type CreateInput = z.input<typeof customerCreateSchema>;
type UpdateInput = z.input<typeof customerUpdateSchema>;
const isCustomerField = fieldsOf<CreateInput>('name', 'phones', 'tier', 'notes');
const isUpdateField = fieldsOf<UpdateInput>('name', 'phones', 'tier', 'notes');

type FormProps = { onSaved: (customer: CustomerDetail) => void; onCancel: () => void };

function CreateCustomerForm({ prefill, onSaved, onCancel }: FormProps & { prefill: { name?: string; phone?: string } }) {
  const create = useDeskMutation('customers.create');
  const form = useForm<CreateInput, unknown, z.output<typeof customerCreateSchema>>({
    resolver: zodResolver(customerCreateSchema),
    defaultValues: { name: prefill.name ?? '', phones: [{ number: prefill.phone ?? '' }], tier: 'regular', notes: '' },
  });
  const submit = form.handleSubmit(async () => {
    const result = await create.run(form.getValues());
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, form.setError, isCustomerField);
  });
  return <CustomerForm form={form} idPrefix="new-customer" onSubmit={submit} onCancel={onCancel} />;
}

function EditCustomerForm({ customer, onSaved, onCancel }: FormProps & { customer: CustomerDetail }) {
  const update = useDeskMutation('customers.update');
  const form = useForm<UpdateInput, unknown, z.output<typeof customerUpdateSchema>>({
    resolver: zodResolver(customerUpdateSchema),
    defaultValues: {
      id: customer.id,
      name: customer.name,
      phones: customer.phones.map((phone) => ({ id: phone.id, number: phone.number })),
      tier: customer.tier,
      notes: customer.notes,
    },
  });
  const submit = form.handleSubmit(async () => {
    const result = await update.run(form.getValues());
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, form.setError, isUpdateField);
  });
  return <CustomerForm form={form} idPrefix="edit-customer" onSubmit={submit} onCancel={onCancel} />;
}

type CustomerFormProps<T extends FieldValues, O> = {
  form: UseFormReturn<T, unknown, O>;
  idPrefix: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
};

function CustomerForm<T extends FieldValues, O>({ form, idPrefix, onSubmit, onCancel }: CustomerFormProps<T, O>) {
  const { t } = useTranslation();
  return (
    <FormProvider {...form}>
      <Form layout="vertical" onFinish={() => void onSubmit()}>
        <CustomerFields idPrefix={idPrefix} />
        <FormAlert errors={form.formState.errors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
            {t('form.save')}
          </Button>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
        </Space>
      </Form>
    </FormProvider>
  );
}

/**
 * New customer / edit customer, in a drawer beside the counter. The forms validate with the very
 * schemas the dispatcher checks the call with, and send what the user typed (the schema input).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { FormProvider, useForm, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { customerCreateSchema, customerUpdateSchema, type CustomerDetail, type CustomerSummary } from '../../../db/api';
import { desk } from '../../desk';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { CustomerFields } from './customer-fields';

export type CustomerEditor =
  { kind: 'create'; prefill: { name?: string; phone?: string } } | { kind: 'edit'; customer: CustomerDetail };

type DrawerProps = {
  editor: CustomerEditor | null;
  onClose: () => void;
  onSaved: (customer: CustomerDetail) => void;
  /** The phone is already on file: the counter chose to open that customer instead. */
  onOpenExisting: (customerId: string) => void;
};

export function CustomerDrawer({ editor, onClose, onSaved, onOpenExisting }: DrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={editor !== null}
      title={editor?.kind === 'edit' ? t('customer.editTitle') : t('customer.newTitle')}
      size={520}
      destroyOnHidden
      onClose={onClose}
    >
      {editor?.kind === 'create' ? (
        <CreateCustomerForm
          key="create"
          prefill={editor.prefill}
          onSaved={onSaved}
          onCancel={onClose}
          onOpenExisting={onOpenExisting}
        />
      ) : null}
      {editor?.kind === 'edit' ? (
        <EditCustomerForm key={editor.customer.id} customer={editor.customer} onSaved={onSaved} onCancel={onClose} />
      ) : null}
    </Drawer>
  );
}

type CreateInput = z.input<typeof customerCreateSchema>;
type UpdateInput = z.input<typeof customerUpdateSchema>;
const FIELDS = [
  'name',
  'phones',
  'tier',
  'notes',
  'addresses',
  'preferredChannel',
  'contactConsent',
  'doNotContact',
  'tierRule',
  'language',
];
const isCustomerField = fieldsOf<CreateInput>(...FIELDS);
const isUpdateField = fieldsOf<UpdateInput>(...FIELDS);

type FormProps = { onSaved: (customer: CustomerDetail) => void; onCancel: () => void };

function CreateCustomerForm({
  prefill,
  onSaved,
  onCancel,
  onOpenExisting,
}: FormProps & { prefill: { name?: string; phone?: string }; onOpenExisting: (id: string) => void }) {
  const create = useDeskMutation('customers.create');
  const [existing, setExisting] = useState<ReadonlyArray<CustomerSummary>>([]);
  const form = useForm<CreateInput, unknown, z.output<typeof customerCreateSchema>>({
    resolver: zodResolver(customerCreateSchema),
    defaultValues: {
      name: prefill.name ?? '',
      phones: [{ number: prefill.phone ?? '' }],
      tier: 'regular',
      notes: '',
      addresses: [],
      preferredChannel: null,
      contactConsent: false,
      doNotContact: false,
      tierRule: 'manual',
      language: null,
    },
  });
  const save = async (confirmDuplicate: boolean): Promise<void> => {
    const values = form.getValues();
    const result = await create.run({ ...values, confirmDuplicate });
    if (result.ok) return onSaved(result.value);
    applyDeskError(result.error, form.setError, isCustomerField);
    if (result.error.key === 'phone_taken') {
      // Show who already has the number, and offer to open them instead: one person, one file.
      const found = await desk.call('customers.duplicates', { phones: values.phones.map((p) => p.number) });
      setExisting(found.ok ? found.value : []);
    }
  };
  const submit = form.handleSubmit(() => save(false));
  return (
    <>
      {existing.length > 0 ? (
        <ExistingCustomers customers={existing} onOpen={onOpenExisting} onCreateAnyway={() => void save(true)} />
      ) : null}
      <CustomerForm form={form} idPrefix="new-customer" onSubmit={submit} onCancel={onCancel} />
    </>
  );
}

function ExistingCustomers({
  customers,
  onOpen,
  onCreateAnyway,
}: {
  customers: ReadonlyArray<CustomerSummary>;
  onOpen: (id: string) => void;
  onCreateAnyway: () => void;
}) {
  const { t } = useTranslation('cust');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('duplicate.title')}
      description={
        <Space orientation="vertical">
          {customers.map((c) => (
            <Button key={c.id} type="primary" onClick={() => onOpen(c.id)}>
              {t('duplicate.open', { name: c.name, phones: c.maskedPhones.join(' · ') })}
            </Button>
          ))}
          <Button onClick={onCreateAnyway}>{t('duplicate.createAnyway')}</Button>
        </Space>
      }
    />
  );
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
      tierRule: customer.tierRule,
      preferredChannel: customer.preferredChannel,
      contactConsent: customer.contactConsent,
      doNotContact: customer.doNotContact,
      language: customer.language,
      // A role that does not see addresses must not send an empty list that would erase them.
      ...(customer.contactHidden
        ? {}
        : { addresses: customer.addresses.map((a) => ({ id: a.id, label: a.label, address: a.address })) }),
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

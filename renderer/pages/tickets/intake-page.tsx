/** Take a ticket at the counter (docs/DOMAIN.md §2–§6): its type, the customer, and the type's intake form. */
import { Alert, App, Button, Card, Form, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TICKET_TYPES, ticketIntakeSchema, type ProductDetail, type TicketType } from '../../../db/api';
import { FieldFrame } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { CustomerPicker, type PickedCustomer } from './customer-picker';
import { intakeDefaults, intakeSpecs } from './intake-specs';
import { IntakeWarranty } from './intake-warranty';
import { useTicketStaff } from './use-staff';
import { lastTicketType, rememberTicketType } from './last-ticket-type';
import { go, queueHref, ticketHref } from './route';
import { SpecFields, type FormValues } from './spec-fields';
import { showDeskError, validateWith } from './validate-form';

export function IntakePage({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation('tickets');
  const { staff } = useSignedIn();
  const [type, setType] = useState<TicketType>(() => lastTicketType(staff.id) ?? 'complaint');
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const fromRoute = useDeskQuery(
    'customers.get',
    { id: customerId ?? '' },
    { enabled: customerId !== null && picked === null },
  );
  const routed =
    customerId !== null && fromRoute.state.value?.id === customerId
      ? { id: customerId, name: fromRoute.state.value.name }
      : null;
  const customer = picked ?? routed;

  return (
    <section aria-labelledby="intake-title" style={{ maxWidth: 760 }}>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => go(queueHref)}>{t('detail.back')}</Button>
        <Typography.Title level={2} id="intake-title" style={{ margin: 0 }}>
          {t('intake.title')}
        </Typography.Title>
      </Space>
      <FieldFrame id="intake-type" label={<span id="intake-type-label">{t('intake.type')}</span>}>
        <Radio.Group
          id="intake-type"
          role="radiogroup"
          aria-labelledby="intake-type-label"
          optionType="button"
          buttonStyle="solid"
          value={type}
          onChange={(e) => {
            const chosen = e.target.value as TicketType;
            setType(chosen);
            rememberTicketType(staff.id, chosen);
          }}
          options={TICKET_TYPES.map((ty) => ({ value: ty, label: t(`types.${ty}`) }))}
        />
      </FieldFrame>
      <CustomerPicker value={customer} onChange={setPicked} />
      {customer ? (
        <IntakeForm key={`${type}-${customer.id}`} type={type} customerId={customer.id} />
      ) : (
        <Alert type="info" showIcon title={t('intake.chooseCustomer')} />
      )}
    </section>
  );
}

const PRODUCT_TYPES: ReadonlyArray<TicketType> = ['complaint', 'aftersales', 'repair'];

function IntakeForm({ type, customerId }: { type: TicketType; customerId: string }) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const create = useDeskMutation('tickets.create');
  const history = useDeskQuery('customers.history', { id: customerId });
  const products = history.state.value?.products ?? [];
  const address = history.state.value?.customer.addresses[0]?.address;
  const form = useForm<FormValues>({ defaultValues: intakeDefaults(type, address ? { address } : {}) });
  const staff = useTicketStaff();
  const specs = intakeSpecs(type, t, { staff });
  const fields = [...specs.map((s) => s.name as string), 'productId', 'customerId'];
  const [productId, setProductId] = useState<string | undefined>(undefined);

  const pickProduct = (id: string | undefined): void => {
    setProductId(id);
    const product = products.find((p) => p.id === id);
    if (!product) return;
    // The registered product is the proof on file: fill what the form asks for from it.
    if (type !== 'complaint') {
      form.setValue('model', product.model);
      form.setValue('serial', product.serial ?? '');
    }
    if (type === 'aftersales') {
      if (product.receiptNo) form.setValue('receiptNo', product.receiptNo);
      if (product.purchaseDate) form.setValue('purchaseDate', product.purchaseDate);
    }
  };

  const submit = form.handleSubmit(async (values) => {
    const intake = validateWith(
      ticketIntakeSchema,
      { ...values, customerId, ...(productId ? { productId } : {}) },
      form.setError,
      fields,
    );
    if (!intake) return;
    const result = await create.run(intake);
    if (result.ok) {
      void message.success(t('intake.taken', { number: result.value.number }));
      go(ticketHref(result.value.id));
    } else showDeskError(result.error, form.setError, fields);
  });

  const purchaseDate = useWatch({ control: form.control, name: 'purchaseDate' });
  const chosen = products.find((p) => p.id === productId);
  const judged = type === 'aftersales' || type === 'repair';

  return (
    <Card>
      <Form
        layout="vertical"
        onFinish={() => {
          // Errors set by hand stay until cleared, and would block the next submit.
          form.clearErrors();
          void submit();
        }}
      >
        {PRODUCT_TYPES.includes(type) ? (
          <ProductSelect products={products} value={productId} onChange={pickProduct} />
        ) : null}
        <SpecFields specs={specs} control={form.control} idPrefix={`intake-${type}`} />
        {judged ? <IntakeWarranty product={chosen} typedDate={purchaseDate} /> : null}
        <FormAlert errors={form.formState.errors} />
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('intake.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ProductSelect({
  products,
  value,
  onChange,
}: {
  products: ReadonlyArray<ProductDetail>;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation('tickets');
  return (
    <FieldFrame id="intake-product" label={t('fields.product')}>
      <Select<string>
        id="intake-product"
        allowClear
        placeholder={products.length === 0 ? t('intake.noProducts') : t('fields.noProduct')}
        disabled={products.length === 0}
        value={value}
        onChange={(id) => onChange(id)}
        options={products.map((p) => ({ value: p.id, label: [p.brand, p.model, p.serial].filter(Boolean).join(' ') }))}
        virtual={false}
      />
    </FieldFrame>
  );
}

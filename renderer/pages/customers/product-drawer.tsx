/** Register or edit a product with its proof of purchase (购买凭证). The price is typed in yuan and sent in fen. */
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Drawer, Form, Popconfirm, Space } from 'antd';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { productCreateSchema, type ProductDetail } from '../../../db/api';
import { DateField, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { CategoryField } from './category-field';
import { useCategoryChoices } from './use-categories';

const formSchema = productCreateSchema.omit({ priceFen: true }).extend({
  price: z
    .string()
    .trim()
    .regex(/^(\d{1,7}(\.\d{1,2})?)?$/, 'price_invalid'),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const isField = fieldsOf<FormInput>(
  'category',
  'brand',
  'model',
  'serial',
  'purchaseDate',
  'purchaseStore',
  'receiptNo',
  'price',
);

function toFen(price: string): number | null {
  if (price === '') return null;
  const [yuan, cents = ''] = price.split('.');
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}

type Props = { customerId: string; product: ProductDetail | null; onClose: () => void };

export function ProductDrawer({ customerId, product, onClose }: Props) {
  const { t } = useTranslation('cust');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const categories = useCategoryChoices();
  const add = useDeskMutation('customers.addProduct');
  const update = useDeskMutation('customers.updateProduct');
  const remove = useDeskMutation('customers.removeProduct');
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      customerId,
      category: product?.category ?? '',
      brand: product?.brand ?? '',
      model: product?.model ?? '',
      serial: product?.serial ?? '',
      purchaseDate: product?.purchaseDate ?? '',
      purchaseStore: product?.purchaseStore ?? '',
      receiptNo: product?.receiptNo ?? '',
      price: product === null || product.priceFen === null ? '' : (product.priceFen / 100).toFixed(2),
    },
  });
  const submit = form.handleSubmit(async () => {
    const { price, ...values } = form.getValues();
    const fields = { ...values, priceFen: toFen(price ?? '') };
    const result = product ? await update.run({ ...fields, id: product.id }) : await add.run(fields);
    if (result.ok) {
      void message.success(tc('form.saved'));
      onClose();
    } else applyDeskError(result.error, form.setError, isField);
  });
  const { control } = form;
  return (
    <Drawer
      open
      title={product ? t('products.editTitle') : t('products.addTitle')}
      size={480}
      destroyOnHidden
      onClose={onClose}
    >
      <FormProvider {...form}>
        <Form layout="vertical" onFinish={() => void submit()}>
          <CategoryField
            control={control}
            name="category"
            categories={categories.list}
            loading={categories.loading}
            onUnknown={() => {
              // Nothing half-chosen is kept: the field empties and says why.
              form.setValue('category', '');
              form.setError('category', { message: 'unknown_category' });
            }}
          />
          <TextField
            control={control}
            name="brand"
            id="product-brand"
            label={t('products.brand')}
            required
            maxLength={40}
          />
          <TextField
            control={control}
            name="model"
            id="product-model"
            label={t('products.model')}
            required
            maxLength={60}
          />
          <TextField control={control} name="serial" id="product-serial" label={t('products.serial')} maxLength={40} />
          <DateField
            control={control}
            name="purchaseDate"
            id="product-date"
            label={t('products.purchased')}
            help={t('products.dateHelp')}
          />
          <TextField
            control={control}
            name="purchaseStore"
            id="product-store"
            label={t('products.store')}
            maxLength={60}
          />
          <TextField
            control={control}
            name="receiptNo"
            id="product-receipt"
            label={t('products.receipt')}
            maxLength={40}
          />
          <TextField
            control={control}
            name="price"
            id="product-price"
            label={t('products.price')}
            placeholder="4999.00"
            maxLength={10}
          />
          <FormAlert errors={form.formState.errors} />
          <Space>
            <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
              {tc('form.save')}
            </Button>
            <Button onClick={onClose}>{tc('form.cancel')}</Button>
            {product ? (
              <Popconfirm
                title={t('products.removeConfirm')}
                onConfirm={async () => {
                  const result = await remove.run({ id: product.id });
                  if (result.ok) onClose();
                }}
              >
                <Button danger>{t('products.remove')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      </FormProvider>
    </Drawer>
  );
}

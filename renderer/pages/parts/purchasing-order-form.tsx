/**
 * A purchase order draft by hand, or a draft changed: supplier, contract number, where it is
 * delivered, expected date and the lines at agreed prices (empty: the part's cost, filled in by the
 * desk). Only drafts are changed; the desk refuses anything else.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, InputNumber, Select, Space, Table } from 'antd';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrderView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { describedBy, FieldFrame, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { DateField, PartSelect } from './fields';
import { formatFen, yuanToFen } from './format';
import { LineErrors } from './receipt-form';

type Line = {
  partId: string;
  partNo: string;
  partName: string;
  orderedQty: number | null;
  unitPriceFen: number | null;
};
type OrderForm = {
  supplierId: string;
  locationId: string | undefined;
  contractNo: string;
  expectedOn: string;
  note: string;
  lines: Line[];
};

const EMPTY_LINE: Line = { partId: '', partNo: '', partName: '', orderedQty: null, unitPriceFen: null };
const isFormField = fieldsOf<OrderForm>('supplierId', 'locationId', 'contractNo', 'expectedOn', 'note', 'lines');

function defaultsOf(order: PurchaseOrderView | null): OrderForm {
  if (!order)
    return {
      supplierId: '',
      locationId: undefined,
      contractNo: '',
      expectedOn: '',
      note: '',
      lines: [{ ...EMPTY_LINE }],
    };
  return {
    supplierId: order.supplierId,
    locationId: order.locationId,
    contractNo: order.contractNo,
    expectedOn: order.expectedOn,
    note: order.note,
    lines: order.lines.map((l) => ({
      partId: l.partId,
      partNo: l.partNo,
      partName: l.partName,
      orderedQty: l.orderedQty,
      unitPriceFen: l.unitPriceFen,
    })),
  };
}

export function PurchaseOrderFormDrawer({
  open,
  order,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The draft to change; null for a new order. */
  order: PurchaseOrderView | null;
  onClose: () => void;
  onSaved: (order: PurchaseOrderView) => void;
}) {
  const { t } = useTranslation('parts');
  return (
    <Drawer
      open={open}
      title={order ? t('purchasing.editTitle', { number: order.number }) : t('purchasing.newTitle')}
      size={960}
      onClose={onClose}
      destroyOnHidden
      closable={{ 'aria-label': t('actions.close') }}
      styles={{ body: { paddingBottom: 80 } }}
    >
      {open ? <OrderFormBody order={order} onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  );
}

function OrderFormBody({
  order,
  onSaved,
  onCancel,
}: {
  order: PurchaseOrderView | null;
  onSaved: (order: PurchaseOrderView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const create = useDeskMutation('parts.purchaseOrderCreate');
  const update = useDeskMutation('parts.purchaseOrderUpdate');
  const { state: lookups } = useDeskQuery('parts.lookups', {});
  const { control, handleSubmit, getValues, setError, formState } = useForm<OrderForm>({
    defaultValues: defaultsOf(order),
  });
  const lines = useFieldArray({ control, name: 'lines' });
  const suppliers = (lookups.value?.suppliers ?? []).filter((s) => !s.retired || s.id === order?.supplierId);
  const locations = lookups.value?.locations ?? [];
  const watched = useWatch({ control, name: 'lines' });
  const totalFen = watched.reduce((sum, l) => sum + (l.orderedQty ?? 0) * (l.unitPriceFen ?? 0), 0);

  const submit = handleSubmit(async () => {
    const v = getValues();
    const fields = {
      supplierId: v.supplierId,
      ...(v.locationId ? { locationId: v.locationId } : {}),
      contractNo: v.contractNo,
      expectedOn: v.expectedOn,
      note: v.note,
      lines: v.lines.map((line) => ({
        partId: line.partId,
        orderedQty: line.orderedQty ?? Number.NaN,
        ...(line.unitPriceFen === null ? {} : { unitPriceFen: line.unitPriceFen }),
      })),
    };
    const result = order ? await update.run({ purchaseOrderId: order.id, ...fields }) : await create.run(fields);
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, isFormField);
  });

  const cellError = (index: number, key: keyof Line): boolean => formState.errors.lines?.[index]?.[key] !== undefined;

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Controller
        control={control}
        name="supplierId"
        render={({ field, fieldState }) => (
          <FieldFrame id="po-supplier" label={t('purchasing.supplier')} required error={fieldState.error?.message}>
            <Select
              {...describedBy('po-supplier', fieldState.error?.message, undefined)}
              value={field.value || undefined}
              onChange={field.onChange}
              options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
              virtual={false}
            />
          </FieldFrame>
        )}
      />
      <Space size="large" wrap align="start">
        <TextField
          control={control}
          name="contractNo"
          id="po-contract"
          label={t('purchasing.contractNo')}
          maxLength={40}
        />
        <DateField control={control} name="expectedOn" id="po-expected" label={t('purchasing.expectedOn')} required />
        {locations.length > 1 ? (
          <Controller
            control={control}
            name="locationId"
            render={({ field }) => (
              <FieldFrame id="po-location" label={t('purchasing.location')}>
                <Select
                  id="po-location"
                  value={field.value}
                  onChange={field.onChange}
                  allowClear
                  options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
                  style={{ width: 200 }}
                />
              </FieldFrame>
            )}
          />
        ) : null}
      </Space>
      <Table<{ key: string; index: number }>
        size="small"
        pagination={false}
        aria-label={t('purchasing.lines')}
        dataSource={lines.fields.map((f, index) => ({ key: f.id, index }))}
        columns={[
          {
            key: 'part',
            title: t('purchasing.part'),
            width: '45%',
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.partId`}
                render={({ field }) => {
                  const line = getValues(`lines.${index}`);
                  return (
                    <PartSelect
                      value={field.value || undefined}
                      onChange={(id) => field.onChange(id)}
                      label={t('purchasing.partOf', { n: index + 1 })}
                      invalid={cellError(index, 'partId')}
                      initial={line.partNo ? { id: line.partId, partNo: line.partNo, name: line.partName } : undefined}
                    />
                  );
                }}
              />
            ),
          },
          {
            key: 'qty',
            title: t('purchasing.ordered'),
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.orderedQty`}
                render={({ field }) => (
                  <InputNumber
                    aria-label={t('purchasing.orderedOf', { n: index + 1 })}
                    aria-invalid={cellError(index, 'orderedQty')}
                    status={cellError(index, 'orderedQty') ? 'error' : undefined}
                    min={1}
                    precision={0}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                    style={{ width: 100 }}
                  />
                )}
              />
            ),
          },
          {
            key: 'price',
            title: t('purchasing.unitPrice'),
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.unitPriceFen`}
                render={({ field }) => (
                  <InputNumber
                    aria-label={t('purchasing.unitPriceOf', { n: index + 1 })}
                    aria-invalid={cellError(index, 'unitPriceFen')}
                    status={cellError(index, 'unitPriceFen') ? 'error' : undefined}
                    placeholder={t('purchasing.unitPriceHint')}
                    prefix="¥"
                    min={0}
                    precision={2}
                    value={field.value === null ? null : field.value / 100}
                    onChange={(v) => field.onChange(yuanToFen(typeof v === 'number' ? v : null))}
                    style={{ width: 170 }}
                  />
                )}
              />
            ),
          },
          {
            key: 'remove',
            title: '',
            render: (_, { index }) => (
              <Button
                aria-label={t('purchasing.removeLine', { n: index + 1 })}
                icon={<DeleteOutlined aria-hidden />}
                disabled={lines.fields.length === 1}
                onClick={() => lines.remove(index)}
              />
            ),
          },
        ]}
        footer={() => (
          <>
            <LineErrors errors={formState.errors.lines} errorText={errorText} />
            <div style={{ textAlign: 'right' }}>
              {t('purchasing.total')}: {formatFen(totalFen)}
            </div>
          </>
        )}
      />
      <Button
        icon={<PlusOutlined aria-hidden />}
        style={{ margin: '12px 0' }}
        onClick={() => lines.append({ ...EMPTY_LINE })}
      >
        {t('purchasing.addLine')}
      </Button>
      <TextField control={control} name="note" id="po-note" label={t('purchasing.note')} maxLength={500} />
      <FormAlert errors={formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('purchasing.save')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

/**
 * Receive a delivery: supplier, delivery note, date, and a line per part with what arrived and,
 * after inspection, how many were rejected and why. Accepted = delivered − rejected.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DeskError, ReceiptView } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { describedBy, FieldFrame, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { usePartLinesScan } from '../../scan/part-lines';
import { ScanField } from '../../scan/scan-field';
import { DateField, PartSelect } from './fields';
import { OrderPicker } from './purchasing-receipt-order';
import { todayLocal, yuanToFen } from './format';

export type Line = {
  partId: string;
  /** Known when the line came from a purchase order, so the part shows before any search. */
  partNo?: string;
  partName?: string;
  deliveredQty: number | null;
  unitCostFen: number | null;
  rejectedQty: number | null;
  rejectReason: string;
};
export type ReceiptForm = {
  supplierId: string;
  purchaseOrderId: string | undefined;
  locationId: string | undefined;
  supplierRef: string;
  receivedOn: string;
  note: string;
  lines: Line[];
};

export const EMPTY_LINE: Line = { partId: '', deliveredQty: null, unitCostFen: null, rejectedQty: 0, rejectReason: '' };
const isFormField = fieldsOf<ReceiptForm>(
  'supplierId',
  'purchaseOrderId',
  'locationId',
  'supplierRef',
  'receivedOn',
  'note',
  'lines',
);

function partShown(line: Line): { id: string; partNo: string; name: string } | undefined {
  return line.partNo ? { id: line.partId, partNo: line.partNo, name: line.partName ?? '' } : undefined;
}

/** The desk names inspection fields under `inspection`; this form keeps them on the line. */
function toFormError(error: DeskError): DeskError {
  const rename = (field: string) =>
    field
      .replace(/^lines\.(\d+)\.inspection\.acceptedQty$/, 'lines.$1.rejectedQty')
      .replace(/^lines\.(\d+)\.inspection\./, 'lines.$1.');
  return {
    ...error,
    ...(error.field ? { field: rename(error.field) } : {}),
    ...(error.issues ? { issues: error.issues.map((i) => ({ ...i, field: rename(i.field) })) } : {}),
  };
}

export function ReceiptFormDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (receipt: ReceiptView) => void;
}) {
  const { t } = useTranslation('parts');
  return (
    <Drawer
      open={open}
      title={t('receipt.newTitle')}
      size={1000}
      onClose={onClose}
      destroyOnHidden
      styles={{ body: { paddingBottom: 80 } }}
    >
      {open ? <ReceiptFormBody onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  );
}

function ReceiptFormBody({ onSaved, onCancel }: { onSaved: (receipt: ReceiptView) => void; onCancel: () => void }) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const create = useDeskMutation('parts.receiptCreate');
  const { state: lookups } = useDeskQuery('parts.lookups', {});
  const { control, handleSubmit, getValues, setValue, setError, formState } = useForm<ReceiptForm>({
    defaultValues: {
      supplierId: '',
      purchaseOrderId: undefined,
      locationId: undefined,
      supplierRef: '',
      receivedOn: todayLocal(),
      note: '',
      lines: [{ ...EMPTY_LINE }],
    },
  });
  const lines = useFieldArray({ control, name: 'lines' });
  const supplierId = useWatch({ control, name: 'supplierId' });
  // A scanned label counts one more delivered of its part (what was rejected is typed at inspection).
  const scan = usePartLinesScan({
    current: () => getValues('lines').map((line) => ({ partId: line.partId, qty: line.deliveredQty })),
    setQty: (index, qty) => setValue(`lines.${index}.deliveredQty`, qty),
    fill: (index, partId) => lines.update(index, { ...getValues(`lines.${index}`), partId, deliveredQty: 1 }),
    add: (partId) => lines.append({ ...EMPTY_LINE, partId, deliveredQty: 1 }),
  });
  const suppliers = (lookups.value?.suppliers ?? []).filter((s) => !s.retired);
  const locations = lookups.value?.locations ?? [];

  const submit = handleSubmit(async () => {
    const v = getValues();
    const result = await create.run({
      supplierId: v.supplierId,
      ...(v.purchaseOrderId ? { purchaseOrderId: v.purchaseOrderId } : {}),
      ...(v.locationId ? { locationId: v.locationId } : {}),
      supplierRef: v.supplierRef,
      receivedOn: v.receivedOn,
      note: v.note,
      lines: v.lines.map((line) => {
        const delivered = line.deliveredQty ?? Number.NaN;
        const rejected = line.rejectedQty ?? 0;
        return {
          partId: line.partId,
          deliveredQty: delivered,
          unitCostFen: line.unitCostFen ?? Number.NaN,
          inspection: { acceptedQty: delivered - rejected, rejectedQty: rejected, rejectReason: line.rejectReason },
        };
      }),
    });
    if (result.ok) onSaved(result.value);
    else applyDeskError(toFormError(result.error), setError, isFormField);
  });

  const cellError = (index: number, key: keyof Line): string | undefined =>
    formState.errors.lines?.[index]?.[key]?.message;
  const cellProps = (index: number, key: keyof Line, label: string) => ({
    'aria-label': label,
    'aria-invalid': cellError(index, key) !== undefined,
    status: cellError(index, key) !== undefined ? ('error' as const) : undefined,
  });

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Controller
        control={control}
        name="supplierId"
        render={({ field, fieldState }) => (
          <FieldFrame id="receipt-supplier" label={t('receipt.supplier')} required error={fieldState.error?.message}>
            <Select
              {...describedBy('receipt-supplier', fieldState.error?.message, undefined)}
              value={field.value || undefined}
              onChange={(id) => {
                field.onChange(id);
                setValue('purchaseOrderId', undefined);
              }}
              options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
              virtual={false}
            />
          </FieldFrame>
        )}
      />
      <OrderPicker
        control={control}
        supplierId={supplierId}
        onLines={(open) => lines.replace(open.length > 0 ? open : [{ ...EMPTY_LINE }])}
      />
      <Space size="large" wrap>
        <TextField
          control={control}
          name="supplierRef"
          id="receipt-ref"
          label={t('receipt.supplierRef')}
          maxLength={40}
        />
        <DateField control={control} name="receivedOn" id="receipt-date" label={t('receipt.receivedOn')} required />
        {locations.length > 1 ? (
          <Controller
            control={control}
            name="locationId"
            render={({ field }) => (
              <FieldFrame id="receipt-location" label={t('receipt.location')}>
                <Select
                  id="receipt-location"
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
      <ScanField onCode={scan.onCode} />
      <Table<{ key: string; index: number }>
        size="small"
        pagination={false}
        aria-label={t('receipt.lines')}
        dataSource={lines.fields.map((f, index) => ({ key: f.id, index }))}
        columns={[
          {
            key: 'part',
            title: t('receipt.part'),
            width: '34%',
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.partId`}
                render={({ field }) => (
                  <PartSelect
                    value={field.value || undefined}
                    onChange={(id) => field.onChange(id)}
                    initial={scan.scannedPart(field.value) ?? partShown(getValues(`lines.${index}`))}
                    label={t('receipt.partOf', { n: index + 1 })}
                    invalid={cellError(index, 'partId') !== undefined}
                  />
                )}
              />
            ),
          },
          ...(['deliveredQty', 'rejectedQty'] as const).map((key) => ({
            key,
            title: key === 'deliveredQty' ? t('receipt.delivered') : t('receipt.rejected'),
            render: (_: unknown, { index }: { index: number }) => (
              <Controller
                control={control}
                name={`lines.${index}.${key}`}
                render={({ field }) => (
                  <InputNumber
                    {...cellProps(
                      index,
                      key,
                      t(key === 'deliveredQty' ? 'receipt.deliveredOf' : 'receipt.rejectedOf', { n: index + 1 }),
                    )}
                    min={0}
                    precision={0}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
                    style={{ width: 90 }}
                  />
                )}
              />
            ),
          })),
          {
            key: 'cost',
            title: t('receipt.unitCost'),
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.unitCostFen`}
                render={({ field }) => (
                  <InputNumber
                    {...cellProps(index, 'unitCostFen', t('receipt.unitCostOf', { n: index + 1 }))}
                    prefix="¥"
                    min={0}
                    precision={2}
                    value={field.value === null ? null : field.value / 100}
                    onChange={(v) => field.onChange(yuanToFen(typeof v === 'number' ? v : null))}
                    style={{ width: 110 }}
                  />
                )}
              />
            ),
          },
          {
            key: 'reason',
            title: t('receipt.rejectReason'),
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.rejectReason`}
                render={({ field }) => (
                  <Input
                    {...cellProps(index, 'rejectReason', t('receipt.rejectReasonOf', { n: index + 1 }))}
                    value={field.value}
                    onChange={field.onChange}
                    maxLength={200}
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
                aria-label={t('receipt.removeLine', { n: index + 1 })}
                icon={<DeleteOutlined aria-hidden />}
                disabled={lines.fields.length === 1}
                onClick={() => lines.remove(index)}
              />
            ),
          },
        ]}
        footer={() => <LineErrors errors={formState.errors.lines} errorText={errorText} />}
      />
      <Button
        icon={<PlusOutlined aria-hidden />}
        style={{ margin: '12px 0' }}
        onClick={() => lines.append({ ...EMPTY_LINE })}
      >
        {t('receipt.addLine')}
      </Button>
      <TextField control={control} name="note" id="receipt-note" label={t('receipt.note')} maxLength={500} />
      <FormAlert errors={formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('receipt.save')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

type LineErrorMap = ReadonlyArray<
  Partial<Record<keyof Line, { message?: string | undefined } | undefined>> | undefined
> & { message?: string; root?: { message?: string } };

/** Errors of the lines, said in words under the table: "Line 2: …". */
export function LineErrors({ errors, errorText }: { errors: unknown; errorText: (key: string | undefined) => string }) {
  const { t } = useTranslation('parts');
  const list = errors as LineErrorMap | undefined;
  if (!list) return null;
  const messages: string[] = [];
  if (list.message) messages.push(errorText(list.message));
  if (list.root?.message) messages.push(errorText(list.root.message));
  list.forEach?.((line, index) => {
    for (const error of Object.values(line ?? {}))
      if (error?.message) messages.push(`${t('receipt.line', { n: index + 1 })}: ${errorText(error.message)}`);
  });
  if (messages.length === 0) return null;
  return (
    <div role="alert" style={{ color: '#cf1322' }}>
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </div>
  );
}

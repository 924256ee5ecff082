/** The steps of a return to supplier as small dialogs: ship (date, carrier, waybill), record the credit, cancel. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Form, Modal, Space, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  supplierReturnCancelSchema,
  supplierReturnCreditSchema,
  supplierReturnShipSchema,
  type SupplierReturnView,
} from '../../../db/api';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { DateField, MoneyField } from './fields';
import { formatFen, todayLocal } from './format';

export type ReturnStep = 'ship' | 'credit' | 'cancel';

type StepProps = { record: SupplierReturnView; onCancel: () => void; onDone: (view: SupplierReturnView) => void };

/** One dialog for whichever step was chosen; nothing is mounted while it is closed. */
export function ReturnStepDialog({
  step,
  record,
  onClose,
  onDone,
}: {
  step: ReturnStep | null;
  record: SupplierReturnView | null;
  onClose: () => void;
  onDone: (view: SupplierReturnView) => void;
}) {
  const { t } = useTranslation('parts');
  const open = step !== null && record !== null;
  const title = open ? t(`returns.${step}Title`, { number: record.number }) : '';
  return (
    <Modal open={open} title={title} footer={null} destroyOnHidden onCancel={onClose}>
      {open && step === 'ship' ? <ShipForm record={record} onCancel={onClose} onDone={onDone} /> : null}
      {open && step === 'credit' ? <CreditForm record={record} onCancel={onClose} onDone={onDone} /> : null}
      {open && step === 'cancel' ? <CancelForm record={record} onCancel={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function Buttons({
  label,
  saving,
  onCancel,
  danger,
}: {
  label: string;
  saving: boolean;
  onCancel: () => void;
  danger?: boolean;
}) {
  const { t } = useTranslation('parts');
  return (
    <Space>
      <Button type="primary" danger={danger ?? false} htmlType="submit" loading={saving}>
        {label}
      </Button>
      <Button onClick={onCancel}>{t('actions.close')}</Button>
    </Space>
  );
}

type ShipInput = z.input<typeof supplierReturnShipSchema>;

function ShipForm({ record, onCancel, onDone }: StepProps) {
  const { t } = useTranslation('parts');
  const ship = useDeskMutation('parts.supplierReturnShip');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    ShipInput,
    unknown,
    z.output<typeof supplierReturnShipSchema>
  >({
    resolver: zodResolver(supplierReturnShipSchema),
    defaultValues: { returnId: record.id, shippedOn: todayLocal(), carrier: '', waybillNo: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await ship.run(getValues());
    if (result.ok) onDone(result.value);
    else applyDeskError(result.error, setError, fieldsOf<ShipInput>('shippedOn', 'carrier', 'waybillNo'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <DateField control={control} name="shippedOn" id="ship-on" label={t('returns.shippedOn')} required />
      <TextField
        control={control}
        name="carrier"
        id="ship-carrier"
        label={t('returns.carrier')}
        help={t('returns.carrierHelp')}
        required
        autoFocus
        maxLength={40}
      />
      <TextField control={control} name="waybillNo" id="ship-waybill" label={t('returns.waybillNo')} maxLength={40} />
      <FormAlert errors={formState.errors} />
      <Buttons label={t('returns.shipSubmit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

type CreditInput = z.input<typeof supplierReturnCreditSchema>;

function CreditForm({ record, onCancel, onDone }: StepProps) {
  const { t } = useTranslation('parts');
  const credit = useDeskMutation('parts.supplierReturnCredit');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    CreditInput,
    unknown,
    z.output<typeof supplierReturnCreditSchema>
  >({
    resolver: zodResolver(supplierReturnCreditSchema),
    defaultValues: { returnId: record.id, creditNoteNo: '', creditFen: record.valueFen },
  });
  const submit = handleSubmit(async () => {
    const result = await credit.run(getValues());
    if (result.ok) onDone(result.value);
    else applyDeskError(result.error, setError, fieldsOf<CreditInput>('creditNoteNo', 'creditFen'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <TextField
        control={control}
        name="creditNoteNo"
        id="credit-note"
        label={t('returns.creditNoteNo')}
        required
        autoFocus
        maxLength={40}
      />
      <MoneyField
        control={control}
        name="creditFen"
        id="credit-fen"
        label={t('returns.creditFen')}
        help={t('returns.creditHelp', { value: formatFen(record.valueFen) })}
        required
      />
      <FormAlert errors={formState.errors} />
      <Buttons label={t('returns.creditSubmit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

type CancelInput = z.input<typeof supplierReturnCancelSchema>;

function CancelForm({ record, onCancel, onDone }: StepProps) {
  const { t } = useTranslation('parts');
  const cancel = useDeskMutation('parts.supplierReturnCancel');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    CancelInput,
    unknown,
    z.output<typeof supplierReturnCancelSchema>
  >({
    resolver: zodResolver(supplierReturnCancelSchema),
    defaultValues: { returnId: record.id, reason: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await cancel.run(getValues());
    if (result.ok) onDone(result.value);
    else applyDeskError(result.error, setError, fieldsOf<CancelInput>('reason'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Typography.Paragraph>{t('returns.cancelHint')}</Typography.Paragraph>
      <TextField
        control={control}
        name="reason"
        id="cancel-reason"
        label={t('returns.cancelReason')}
        required
        autoFocus
        maxLength={200}
      />
      <FormAlert errors={formState.errors} />
      <Buttons label={t('returns.cancelSubmit')} saving={formState.isSubmitting} onCancel={onCancel} danger />
    </Form>
  );
}

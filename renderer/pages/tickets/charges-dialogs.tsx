/**
 * The Charges section's dialogs: add labour, give a discount, take a deposit or payment, refund a
 * payment, void a line. Each checks its values with the contract's schema, calls the desk, and puts
 * a refusal on the field it names. Amounts are typed in yuan and kept in fen.
 */
import { Alert, Button, Checkbox, Form, Modal, Space, Typography } from 'antd';
import { useController, useForm, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  addDiscountSchema,
  addLabourSchema,
  PAYMENT_METHODS,
  refundSchema,
  takePaymentSchema,
  voidLineSchema,
  type ChargeLineView,
  type DeskError,
  type PaymentMethod,
  type PaymentView,
  type TicketCharges,
} from '../../../db/api';
import { NumberField, SelectField, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { MoneyField } from '../parts/fields';
import { formatFen } from '../parts/format';

export type ChargesDialog =
  | { kind: 'labour' }
  | { kind: 'discount' }
  | { kind: 'deposit' }
  | { kind: 'payment' }
  | { kind: 'refund'; payment: PaymentView }
  | { kind: 'void'; line: ChargeLineView };

type Props = {
  dialog: ChargesDialog;
  charges: TicketCharges;
  onClose: () => void;
  onSaved: (charges: TicketCharges) => void;
  call: (
    dialog: ChargesDialog,
    input: unknown,
  ) => Promise<{ ok: true; value: TicketCharges } | { ok: false; error: DeskError }>;
};

type Values = Record<string, unknown>;

/** Checks with the schema, calls, and shows whatever was refused where it belongs. */
function useDialogForm(props: Props, schema: z.ZodType, defaults: Values, fields: ReadonlyArray<string>) {
  const form = useForm<Values>({ defaultValues: defaults });
  const isField = fieldsOf<Values>(...fields);
  const submit = form.handleSubmit(async (values) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        form.setError(isField(path) ? path : 'root.server', { type: 'validation', message: issue.message });
      }
      return;
    }
    const result = await props.call(props.dialog, parsed.data);
    if (result.ok) props.onSaved(result.value);
    else applyDeskError(result.error, form.setError, isField);
  });
  return { form, submit };
}

function Buttons({ onClose, pending }: { onClose: () => void; pending: boolean }) {
  const { t } = useTranslation('charges');
  return (
    <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
      <Button onClick={onClose}>{t('actions.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('actions.save')}
      </Button>
    </Space>
  );
}

function CoveredField({ control }: { control: Control<FieldValues> }) {
  const { t } = useTranslation('charges');
  const { field } = useController({ control, name: 'covered' });
  return (
    <Form.Item>
      <Checkbox checked={field.value === true} onChange={(e) => field.onChange(e.target.checked)}>
        {t('fields.covered')}
      </Checkbox>
    </Form.Item>
  );
}

function DialogBody(props: Props) {
  const { t } = useTranslation('charges');
  const { dialog, charges } = props;
  const methods = PAYMENT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }));
  const spec = ((): { schema: z.ZodType; defaults: Values; fields: string[] } => {
    switch (dialog.kind) {
      case 'labour':
        return {
          schema: addLabourSchema,
          defaults: {
            ticketId: charges.ticketId,
            description: '',
            quantity: 1,
            unitPriceFen: null,
            covered: charges.underWarranty,
          },
          fields: ['description', 'quantity', 'unitPriceFen', 'covered'],
        };
      case 'discount':
        return {
          schema: addDiscountSchema,
          defaults: { ticketId: charges.ticketId, amountFen: null, reason: '' },
          fields: ['amountFen', 'reason'],
        };
      case 'deposit':
      case 'payment':
        return {
          schema: takePaymentSchema,
          defaults: {
            ticketId: charges.ticketId,
            kind: dialog.kind,
            method: 'cash',
            amountFen: dialog.kind === 'payment' && charges.balanceDueFen > 0 ? charges.balanceDueFen : null,
            note: '',
          },
          fields: ['method', 'amountFen', 'note'],
        };
      case 'refund':
        return {
          schema: refundSchema,
          defaults: { paymentId: dialog.payment.id, amountFen: dialog.payment.refundableFen, reason: '' },
          fields: ['amountFen', 'reason'],
        };
      case 'void':
        return { schema: voidLineSchema, defaults: { lineId: dialog.line.id, reason: '' }, fields: ['reason'] };
    }
  })();
  const { form, submit } = useDialogForm(props, spec.schema, spec.defaults, spec.fields);
  const control = form.control;
  const pending = form.formState.isSubmitting;
  const id = (name: string) => `charges-${dialog.kind}-${name}`;

  return (
    <Form layout="vertical" onFinish={() => (form.clearErrors(), void submit())}>
      {dialog.kind === 'labour' ? (
        <>
          <TextField
            control={control}
            name="description"
            id={id('description')}
            label={t('fields.description')}
            required
            maxLength={200}
            autoFocus
          />
          <NumberField
            control={control}
            name="quantity"
            id={id('quantity')}
            label={t('fields.quantity')}
            min={1}
            max={999}
            required
          />
          <MoneyField
            control={control}
            name="unitPriceFen"
            id={id('unitPriceFen')}
            label={t('fields.unitPrice')}
            required
          />
          <CoveredField control={control} />
        </>
      ) : null}
      {dialog.kind === 'discount' ? (
        <>
          <MoneyField control={control} name="amountFen" id={id('amountFen')} label={t('fields.amount')} required />
          <TextField
            control={control}
            name="reason"
            id={id('reason')}
            label={t('fields.reason')}
            required
            maxLength={200}
          />
        </>
      ) : null}
      {dialog.kind === 'deposit' || dialog.kind === 'payment' ? (
        <>
          <Alert type="info" showIcon title={t('dialogs.recorded')} style={{ marginBottom: 16 }} />
          {dialog.kind === 'payment' ? (
            <Typography.Paragraph strong>
              {t('dialogs.due', { amount: formatFen(charges.balanceDueFen) })}
            </Typography.Paragraph>
          ) : null}
          <SelectField<Values, Values, PaymentMethod>
            control={control}
            name="method"
            id={id('method')}
            label={t('fields.method')}
            options={methods}
            required
          />
          <MoneyField control={control} name="amountFen" id={id('amountFen')} label={t('fields.amount')} required />
          <TextField control={control} name="note" id={id('note')} label={t('fields.note')} maxLength={200} />
        </>
      ) : null}
      {dialog.kind === 'refund' ? (
        <>
          <Typography.Paragraph>
            {t('dialogs.refundable', {
              amount: formatFen(dialog.payment.refundableFen),
              method: t(`methods.${dialog.payment.method}`),
            })}
          </Typography.Paragraph>
          <MoneyField control={control} name="amountFen" id={id('amountFen')} label={t('fields.amount')} required />
          <TextField
            control={control}
            name="reason"
            id={id('reason')}
            label={t('fields.reason')}
            required
            maxLength={200}
            autoFocus
          />
        </>
      ) : null}
      {dialog.kind === 'void' ? (
        <TextField
          control={control}
          name="reason"
          id={id('reason')}
          label={t('fields.reason')}
          required
          maxLength={200}
          autoFocus
        />
      ) : null}
      <FormAlert errors={form.formState.errors} />
      <Buttons onClose={props.onClose} pending={pending} />
    </Form>
  );
}

export function ChargesDialogs(props: Omit<Props, 'dialog'> & { dialog: ChargesDialog | null }) {
  const { t } = useTranslation('charges');
  const { dialog, charges } = props;
  const number = charges.ticketNumber;
  const title = !dialog
    ? ''
    : dialog.kind === 'refund'
      ? t('dialogs.refund', {
          amount: formatFen(dialog.payment.amountFen),
          method: t(`methods.${dialog.payment.method}`),
        })
      : dialog.kind === 'void'
        ? t('dialogs.void', { item: dialog.line.description })
        : t(`dialogs.${dialog.kind}`, { number });
  return (
    <Modal open={dialog !== null} title={title} onCancel={props.onClose} footer={null} destroyOnHidden width={520}>
      {dialog ? <DialogBody {...props} dialog={dialog} /> : null}
    </Modal>
  );
}

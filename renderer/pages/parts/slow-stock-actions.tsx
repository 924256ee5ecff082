/**
 * What the parts lead does with slow stock, from the slow-moving report: put it on clearance at a
 * reduced price (what jobs are charged until the stock is gone), end that, or send it back to the
 * supplier under an agreement (a return that takes it off the shelf now; it ships from Receiving).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { App, Button, Form, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { clearanceStartSchema, type PartDetail, type SlowLine } from '../../../db/api';
import { NumberField, SelectField, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';
import { MoneyField } from './fields';
import { formatFen } from './format';

type Acting = 'clearance' | 'return' | null;

export function SlowStockActions({ line }: { line: SlowLine }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [acting, setActing] = useState<Acting>(null);
  const end = useDeskMutation('parts.clearanceEnd');
  const part = `${line.partNo} ${line.name}`;
  const endIt = async (): Promise<void> => {
    const result = await end.run({ partId: line.partId, reason: '' });
    if (result.ok) void message.success(t('clearance.ended', { part: line.partNo }));
    else void message.error(errorText(result.error.key));
  };
  return (
    <Space direction="vertical" size={4}>
      {line.clearance ? (
        <Tag color="volcano">{t('clearance.tag', { price: formatFen(line.clearance.priceFen) })}</Tag>
      ) : null}
      <Space wrap size="small">
        {can('parts.clearance') ? (
          <Button
            size="small"
            onClick={() => setActing('clearance')}
            aria-label={`${line.clearance ? t('clearance.change') : t('clearance.start')} ${line.partNo}`}
          >
            {line.clearance ? t('clearance.change') : t('clearance.start')}
          </Button>
        ) : null}
        {can('parts.clearance') && line.clearance ? (
          <Popconfirm
            title={t('clearance.endConfirm', { part, price: formatFen(line.priceFen) })}
            okText={t('clearance.end')}
            cancelText={t('actions.cancel')}
            onConfirm={() => endIt()}
          >
            <Button size="small" aria-label={`${t('clearance.end')} ${line.partNo}`}>
              {t('clearance.end')}
            </Button>
          </Popconfirm>
        ) : null}
        {can('parts.approve') ? (
          <Button
            size="small"
            onClick={() => setActing('return')}
            aria-label={`${t('clearance.returnIt')} ${line.partNo}`}
          >
            {t('clearance.returnIt')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={acting !== null}
        title={acting === 'return' ? t('clearance.returnTitle', { part }) : t('clearance.title', { part })}
        footer={null}
        destroyOnHidden
        onCancel={() => setActing(null)}
      >
        {acting === 'clearance' ? (
          <ClearanceForm
            line={line}
            onCancel={() => setActing(null)}
            onDone={(priceFen) => {
              setActing(null);
              void message.success(t('clearance.started', { part: line.partNo, price: formatFen(priceFen) }));
            }}
          />
        ) : null}
        {acting === 'return' ? (
          <ReturnLoader
            line={line}
            onCancel={() => setActing(null)}
            onDone={(number) => {
              setActing(null);
              void message.success(t('clearance.returned', { number }));
            }}
          />
        ) : null}
      </Modal>
    </Space>
  );
}

function Buttons({ label, saving, onCancel }: { label: string; saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation('parts');
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={saving}>
        {label}
      </Button>
      <Button onClick={onCancel}>{t('actions.close')}</Button>
    </Space>
  );
}

type ClearanceInput = z.input<typeof clearanceStartSchema>;

function ClearanceForm({
  line,
  onCancel,
  onDone,
}: {
  line: SlowLine;
  onCancel: () => void;
  onDone: (fen: number) => void;
}) {
  const { t } = useTranslation('parts');
  const start = useDeskMutation('parts.clearanceStart');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    ClearanceInput,
    unknown,
    z.output<typeof clearanceStartSchema>
  >({
    resolver: zodResolver(clearanceStartSchema),
    defaultValues: { partId: line.partId, priceFen: line.clearance?.priceFen ?? line.costFen, reason: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await start.run(getValues());
    if (result.ok) onDone(result.value.priceFen);
    else applyDeskError(result.error, setError, fieldsOf<ClearanceInput>('priceFen', 'reason'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Typography.Paragraph>{t('clearance.hint', { price: formatFen(line.priceFen) })}</Typography.Paragraph>
      <MoneyField control={control} name="priceFen" id="clearance-price" label={t('clearance.price')} required />
      <TextField
        control={control}
        name="reason"
        id="clearance-reason"
        label={t('clearance.reason')}
        required
        autoFocus
        maxLength={200}
      />
      <FormAlert errors={formState.errors} />
      <Buttons label={t('clearance.submit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

/** The return needs the part's suppliers and where its stock sits: read them before the form shows. */
function ReturnLoader(props: { line: SlowLine; onCancel: () => void; onDone: (number: string) => void }) {
  const { t } = useTranslation('parts');
  const { state } = useDeskQuery('parts.get', { id: props.line.partId });
  const lookups = useDeskQuery('parts.lookups', {});
  if (!state.value || !lookups.state.value) return <Typography.Text>{t('loading')}</Typography.Text>;
  return <ReturnForm {...props} part={state.value} suppliers={lookups.state.value.suppliers} />;
}

const returnFormSchema = z.object({
  supplierId: z.string().min(1, 'required'),
  locationId: z.string().min(1, 'required'),
  qty: z.number({ error: 'qty_whole' }).int('qty_whole').min(1, 'qty_positive'),
  agreementRef: z.string().trim().max(60, 'too_long'),
  reason: z.string().trim().min(1, 'reason_required').max(200, 'too_long'),
});
type ReturnInput = z.input<typeof returnFormSchema>;

function ReturnForm({
  line,
  part,
  suppliers,
  onCancel,
  onDone,
}: {
  line: SlowLine;
  part: PartDetail;
  suppliers: ReadonlyArray<{ id: string; name: string }>;
  onCancel: () => void;
  onDone: (number: string) => void;
}) {
  const { t } = useTranslation('parts');
  const create = useDeskMutation('parts.supplierReturnCreate');
  const stocked = part.stock.filter((s) => s.qty > 0);
  // The part's own suppliers first: the one it is usually bought from is the one to ask.
  const ordered = [...part.suppliers, ...suppliers.filter((s) => !part.suppliers.some((p) => p.id === s.id))];
  const { control, handleSubmit, getValues, setError, formState } = useForm<ReturnInput>({
    resolver: zodResolver(returnFormSchema),
    defaultValues: {
      supplierId: ordered[0]?.id ?? '',
      locationId: stocked[0]?.id ?? '',
      qty: stocked[0]?.qty ?? line.onHand,
      agreementRef: '',
      reason: '',
    },
  });
  const submit = handleSubmit(async () => {
    const { qty, ...values } = getValues();
    const input = { ...values, lines: [{ partId: line.partId, qty }] };
    const result = await create.run(input);
    if (result.ok) onDone(result.value.number);
    else {
      const error = { ...result.error, field: result.error.field === 'lines.0.qty' ? 'qty' : result.error.field };
      applyDeskError(
        error,
        setError,
        fieldsOf<ReturnInput>('supplierId', 'locationId', 'qty', 'agreementRef', 'reason'),
      );
    }
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <Typography.Paragraph>{t('clearance.returnHint')}</Typography.Paragraph>
      <SelectField
        control={control}
        name="supplierId"
        id="return-supplier"
        label={t('clearance.supplier')}
        required
        options={ordered.map((s) => ({ value: s.id, label: s.name }))}
      />
      <SelectField
        control={control}
        name="locationId"
        id="return-location"
        label={t('clearance.location')}
        required
        options={stocked.map((s) => ({ value: s.id, label: `${s.code} ${s.name} (${s.qty} ${part.unit})` }))}
      />
      <NumberField
        control={control}
        name="qty"
        id="return-qty"
        label={t('clearance.qty')}
        required
        min={1}
        max={99999}
      />
      <TextField
        control={control}
        name="agreementRef"
        id="return-agreement"
        label={t('clearance.agreementRef')}
        help={t('clearance.agreementHelp')}
        maxLength={60}
      />
      <TextField
        control={control}
        name="reason"
        id="return-reason"
        label={t('clearance.returnReason')}
        required
        autoFocus
        maxLength={200}
      />
      <FormAlert errors={formState.errors} />
      <Buttons label={t('clearance.returnSubmit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

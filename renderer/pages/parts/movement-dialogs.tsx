/** Manual movements from a part's drawer: adjust (the parts lead), transfer (clerks), reverse. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Form, Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  adjustSchema,
  partsReasonSchema,
  transferSchema,
  type LocationSummary,
  type MovementView,
  type PartDetail,
} from '../../../db/api';
import { NumberField, SelectField, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { formatTime, signed } from './format';

function Buttons({ submitLabel, saving, onCancel }: { submitLabel: string; saving: boolean; onCancel: () => void }) {
  const { t } = useTranslation('parts');
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{t('actions.cancel')}</Button>
    </Space>
  );
}

function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open={open} title={title} footer={null} destroyOnHidden onCancel={onClose}>
      {open ? children : null}
    </Modal>
  );
}

type MovementProps = {
  open: boolean;
  part: PartDetail;
  locations: ReadonlyArray<LocationSummary>;
  onClose: () => void;
  onDone: () => void;
};
type AdjustInput = z.input<typeof adjustSchema>;
type TransferInput = z.input<typeof transferSchema>;

export function AdjustDialog({ open, part, locations, onClose, onDone }: MovementProps) {
  const { t } = useTranslation('parts');
  return (
    <Dialog open={open} title={`${t('adjust.title')} · ${part.partNo}`} onClose={onClose}>
      <AdjustForm part={part} locations={locations} onCancel={onClose} onDone={onDone} />
    </Dialog>
  );
}

function AdjustForm({
  part,
  locations,
  onCancel,
  onDone,
}: {
  part: PartDetail;
  locations: ReadonlyArray<LocationSummary>;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('parts');
  const adjust = useDeskMutation('parts.adjust');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    AdjustInput,
    unknown,
    z.output<typeof adjustSchema>
  >({
    resolver: zodResolver(adjustSchema),
    defaultValues: { partId: part.id, locationId: locations[0]?.id, qty: 0, reason: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await adjust.run(getValues());
    if (result.ok) onDone();
    else applyDeskError(result.error, setError, fieldsOf<AdjustInput>('qty', 'reason', 'locationId'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      {locations.length > 1 ? (
        <SelectField
          control={control}
          name="locationId"
          id="adjust-location"
          label={t('adjust.location')}
          options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
        />
      ) : null}
      <NumberField
        control={control}
        name="qty"
        id="adjust-qty"
        label={t('adjust.qty')}
        required
        autoFocus
        min={-99999}
        max={99999}
      />
      <TextField
        control={control}
        name="reason"
        id="adjust-reason"
        label={t('adjust.reason')}
        required
        maxLength={200}
      />
      <FormAlert errors={formState.errors} />
      <Buttons submitLabel={t('adjust.submit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

export function TransferDialog({ open, part, locations, onClose, onDone }: MovementProps) {
  const { t } = useTranslation('parts');
  return (
    <Dialog open={open} title={`${t('transfer.title')} · ${part.partNo}`} onClose={onClose}>
      <TransferForm part={part} locations={locations} onCancel={onClose} onDone={onDone} />
    </Dialog>
  );
}

function TransferForm({
  part,
  locations,
  onCancel,
  onDone,
}: {
  part: PartDetail;
  locations: ReadonlyArray<LocationSummary>;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('parts');
  const transfer = useDeskMutation('parts.transfer');
  const options = locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }));
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    TransferInput,
    unknown,
    z.output<typeof transferSchema>
  >({
    resolver: zodResolver(transferSchema),
    defaultValues: {
      partId: part.id,
      fromLocationId: locations[0]?.id ?? '',
      toLocationId: locations[1]?.id ?? '',
      qty: 1,
      reason: '',
    },
  });
  const submit = handleSubmit(async () => {
    const result = await transfer.run(getValues());
    if (result.ok) onDone();
    else
      applyDeskError(
        result.error,
        setError,
        fieldsOf<TransferInput>('fromLocationId', 'toLocationId', 'qty', 'reason'),
      );
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <SelectField
        control={control}
        name="fromLocationId"
        id="transfer-from"
        label={t('transfer.from')}
        required
        options={options}
      />
      <SelectField
        control={control}
        name="toLocationId"
        id="transfer-to"
        label={t('transfer.to')}
        required
        options={options}
      />
      <NumberField
        control={control}
        name="qty"
        id="transfer-qty"
        label={t('transfer.qty')}
        required
        min={1}
        max={99999}
      />
      <TextField control={control} name="reason" id="transfer-reason" label={t('transfer.reason')} maxLength={200} />
      <FormAlert errors={formState.errors} />
      <Buttons submitLabel={t('transfer.submit')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

const reverseFormSchema = z.object({ reason: partsReasonSchema });

export function ReverseDialog({
  movement,
  onClose,
  onDone,
}: {
  movement: MovementView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('parts');
  return (
    <Dialog open={movement !== null} title={t('history.reverseTitle')} onClose={onClose}>
      {movement ? <ReverseForm movement={movement} onCancel={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}

function ReverseForm({
  movement,
  onCancel,
  onDone,
}: {
  movement: MovementView;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('parts');
  const reverse = useDeskMutation('parts.reverse');
  const { control, handleSubmit, getValues, setError, formState } = useForm<
    z.input<typeof reverseFormSchema>,
    unknown,
    z.output<typeof reverseFormSchema>
  >({
    resolver: zodResolver(reverseFormSchema),
    defaultValues: { reason: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await reverse.run({ movementId: movement.id, reason: getValues().reason });
    if (result.ok) onDone();
    else applyDeskError(result.error, setError, fieldsOf<z.input<typeof reverseFormSchema>>('reason'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <p>
        {formatTime(movement.at)} · {t(`kinds.${movement.kind}`)} {signed(movement.qty)} · {movement.locationCode}
      </p>
      <TextField
        control={control}
        name="reason"
        id="reverse-reason"
        label={t('history.reason')}
        required
        autoFocus
        maxLength={200}
      />
      <FormAlert errors={formState.errors} />
      <Buttons submitLabel={t('history.reverse')} saving={formState.isSubmitting} onCancel={onCancel} />
    </Form>
  );
}

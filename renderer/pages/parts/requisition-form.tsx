/**
 * The requisition form (配件领用单) a technician fills in: the repair ticket it is for (found by
 * its number), the location it issues from, and the parts and quantities needed, each showing its
 * stock per location (part-stock.tsx). It then waits for the parts lead's signature.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { RequisitionView, TicketRef } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { describedBy, FieldFrame, TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation, useDeskQuery, type QueryState } from '../../use-desk';
import { usePartLinesScan } from '../../scan/part-lines';
import { ScanField } from '../../scan/scan-field';
import { PartSelect } from './fields';
import { PartStock, useIssueLocations } from './part-stock';
import { LineErrors } from './receipt-form';

type Line = { partId: string; qty: number | null };
type RequisitionForm = { ticketId: string; locationId: string; note: string; lines: Line[] };
const isFormField = fieldsOf<RequisitionForm>('ticketId', 'locationId', 'note', 'lines');

type Props = {
  open: boolean;
  ticketNumber?: string | undefined;
  onClose: () => void;
  onSaved: (requisition: RequisitionView) => void;
};

export function RequisitionFormDrawer({ open, ticketNumber, onClose, onSaved }: Props) {
  const { t } = useTranslation('parts');
  return (
    <Drawer open={open} title={t('requisition.newTitle')} size="large" onClose={onClose} destroyOnHidden>
      {open ? <RequisitionFormBody ticketNumber={ticketNumber} onSaved={onSaved} onCancel={onClose} /> : null}
    </Drawer>
  );
}

/** The ticket number box; the lookup itself lives in the form, which needs the ticket's id. */
function TicketFinder({
  initial,
  lookup,
  onSearch,
}: {
  initial: string;
  lookup: QueryState<TicketRef> | null;
  onSearch: (number: string) => void;
}) {
  const { t } = useTranslation('parts');
  const [number, setNumber] = useState(initial);
  const found = lookup?.status === 'ok' ? lookup.value : null;
  const error = lookup?.status === 'error' ? lookup.error.key : undefined;
  return (
    <FieldFrame id="requisition-ticket" label={t('requisition.ticketNumber')} required error={error}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          {...describedBy('requisition-ticket', error, undefined)}
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          onSearch={(value) => onSearch(value.trim())}
          enterButton={t('requisition.findTicket')}
          placeholder="S012-2-20261123-0042"
          style={{ maxWidth: 420 }}
        />
        {found ? (
          <Alert
            type="success"
            showIcon
            title={t('requisition.ticketFound', {
              number: found.number,
              customer: found.customerName ?? '',
              summary: found.summary,
            })}
          />
        ) : null}
      </Space>
    </FieldFrame>
  );
}

function RequisitionFormBody({
  ticketNumber,
  onSaved,
  onCancel,
}: {
  ticketNumber?: string | undefined;
  onSaved: (r: RequisitionView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('parts');
  const errorText = useErrorText();
  const create = useDeskMutation('parts.requisitionCreate');
  const [ticketQuery, setTicketQuery] = useState(ticketNumber ?? '');
  const { state: lookup } = useDeskQuery(
    'parts.ticketLookup',
    { number: ticketQuery },
    { enabled: ticketQuery !== '' },
  );
  const ticket = lookup.status === 'ok' ? lookup.value : null;
  const { control, handleSubmit, getValues, setValue, setError, clearErrors, formState } = useForm<RequisitionForm>({
    defaultValues: { ticketId: '', locationId: '', note: '', lines: [{ partId: '', qty: 1 }] },
  });
  const lines = useFieldArray({ control, name: 'lines' });
  const watched = useWatch({ control, name: 'lines' });
  const { locations, mainId } = useIssueLocations();
  const chosenLocation = useWatch({ control, name: 'locationId' }) || mainId;
  const location = locations.find((l) => l.id === chosenLocation);
  const scan = usePartLinesScan({
    current: () => getValues('lines'),
    setQty: (index, qty) => setValue(`lines.${index}.qty`, qty),
    fill: (index, partId) => lines.update(index, { partId, qty: 1 }),
    add: (partId) => lines.append({ partId, qty: 1 }),
  });
  const submit = handleSubmit(async () => {
    const v = getValues();
    if (!ticket) return setError('ticketId', { message: 'ticket_unknown' });
    const result = await create.run({
      ticketId: ticket.id,
      ...(chosenLocation ? { locationId: chosenLocation } : {}),
      note: v.note,
      lines: v.lines.map((l) => ({ partId: l.partId, qty: l.qty ?? Number.NaN })),
    });
    if (result.ok) onSaved(result.value);
    else applyDeskError(result.error, setError, isFormField);
  });
  const cellError = (index: number, key: keyof Line) => formState.errors.lines?.[index]?.[key]?.message;

  return (
    <Form layout="vertical" onFinish={() => void submit()}>
      <TicketFinder
        initial={ticketNumber ?? ''}
        lookup={ticketQuery === '' ? null : lookup}
        onSearch={(number) => {
          setTicketQuery(number);
          clearErrors('ticketId');
        }}
      />
      {formState.errors.ticketId?.message ? (
        <Alert
          type="error"
          role="alert"
          showIcon
          title={errorText(formState.errors.ticketId.message)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {locations.length > 1 ? (
        <FieldFrame id="requisition-location" label={t('requisition.location')} required>
          <Controller
            control={control}
            name="locationId"
            render={({ field }) => (
              <Select
                id="requisition-location"
                value={chosenLocation}
                onChange={(id: string) => field.onChange(id)}
                options={locations.map((l) => ({ value: l.id, label: `${l.code} ${l.name}` }))}
                virtual={false}
                style={{ maxWidth: 320 }}
              />
            )}
          />
        </FieldFrame>
      ) : null}
      <ScanField onCode={scan.onCode} />
      <Table<{ key: string; index: number }>
        size="small"
        pagination={false}
        aria-label={t('requisition.lines')}
        dataSource={lines.fields.map((f, index) => ({ key: f.id, index }))}
        columns={[
          {
            key: 'part',
            title: t('requisition.part'),
            width: '60%',
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.partId`}
                render={({ field }) => (
                  <>
                    <PartSelect
                      value={field.value || undefined}
                      onChange={(id) => field.onChange(id)}
                      initial={scan.scannedPart(field.value)}
                      label={t('requisition.partOf', { n: index + 1 })}
                      invalid={cellError(index, 'partId') !== undefined}
                    />
                    <PartStock
                      partId={field.value}
                      qty={watched[index]?.qty ?? null}
                      location={location}
                      line={index + 1}
                    />
                  </>
                )}
              />
            ),
          },
          {
            key: 'qty',
            title: t('requisition.qty'),
            render: (_, { index }) => (
              <Controller
                control={control}
                name={`lines.${index}.qty`}
                render={({ field }) => (
                  <InputNumber
                    aria-label={t('requisition.qtyOf', { n: index + 1 })}
                    aria-invalid={cellError(index, 'qty') !== undefined}
                    status={cellError(index, 'qty') !== undefined ? 'error' : undefined}
                    min={1}
                    precision={0}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
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
                aria-label={t('requisition.removeLine', { n: index + 1 })}
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
        onClick={() => lines.append({ partId: '', qty: 1 })}
      >
        {t('requisition.addLine')}
      </Button>
      <TextField control={control} name="note" id="requisition-note" label={t('requisition.note')} maxLength={500} />
      <FormAlert errors={formState.errors} />
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('requisition.submit')}
        </Button>
        <Button onClick={onCancel}>{t('actions.cancel')}</Button>
      </Space>
    </Form>
  );
}

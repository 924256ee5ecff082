/** The suppliers parts come from (the store's admin, while the store owns the catalogue), each with its delivery record. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Collapse, Form, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { supplierSchema, type SupplierRecordLine, type SupplierSummary } from '../../../db/api';
import { TextField } from '../../forms/fields';
import { FormAlert } from '../../forms/form-alert';
import { applyDeskError, fieldsOf } from '../../forms/server-error';
import { useDeskMutation } from '../../use-desk';
import { defaultRecordPeriod, onTimeFigure, rejectedFigure, useSupplierRecord } from './purchasing-record';

type SupplierInput = z.input<typeof supplierSchema>;

export function SuppliersPanel({ suppliers }: { suppliers: ReadonlyArray<SupplierSummary> }) {
  const { t } = useTranslation('parts');
  // The Purchasing tab's query over its default period: one request for the whole list.
  const [{ from, to }] = useState(defaultRecordPeriod);
  const record = useSupplierRecord(from, to);
  const lineOf = (id: string) => record.state.value?.items.find((r) => r.supplierId === id);
  return (
    <Collapse
      style={{ marginTop: 24 }}
      items={[
        {
          key: 'suppliers',
          label: `${t('supplier.title')} (${suppliers.length})`,
          children: (
            <>
              <List
                size="small"
                dataSource={[...suppliers]}
                locale={{ emptyText: t('supplier.none') }}
                renderItem={(s) => (
                  <List.Item aria-label={s.name}>
                    <span>
                      {s.name} {s.contact} {s.phone}
                    </span>
                    {record.allowed && record.state.value ? <RecordOf line={lineOf(s.id)} from={from} /> : null}
                  </List.Item>
                )}
              />
              <SupplierForm />
            </>
          ),
        },
      ]}
    />
  );
}

/** A supplier's delivery record beside its name, the same figures as the Purchasing tab's table. */
function RecordOf({ line, from }: { line: SupplierRecordLine | undefined; from: string }) {
  const { t } = useTranslation('parts');
  return (
    <Typography.Text type="secondary">
      {line && line.deliveries > 0
        ? t('supplier.recordSince', { from, onTime: onTimeFigure(line), rejected: rejectedFigure(line) })
        : t('supplier.noRecordSince', { from })}
    </Typography.Text>
  );
}

function SupplierForm() {
  const { t } = useTranslation('parts');
  const create = useDeskMutation('parts.supplierCreate');
  const { control, handleSubmit, getValues, setError, reset, formState } = useForm<
    SupplierInput,
    unknown,
    z.output<typeof supplierSchema>
  >({
    resolver: zodResolver(supplierSchema),
    defaultValues: { name: '', contact: '', phone: '' },
  });
  const submit = handleSubmit(async () => {
    const result = await create.run(getValues());
    if (result.ok) reset();
    else applyDeskError(result.error, setError, fieldsOf<SupplierInput>('name', 'contact', 'phone'));
  });
  return (
    <Form layout="vertical" onFinish={() => void submit()} style={{ marginTop: 16 }}>
      <Space wrap align="end">
        <TextField
          control={control}
          name="name"
          id="supplier-name"
          label={t('supplier.name')}
          required
          maxLength={60}
        />
        <TextField
          control={control}
          name="contact"
          id="supplier-contact"
          label={t('supplier.contact')}
          maxLength={40}
        />
        <TextField control={control} name="phone" id="supplier-phone" label={t('supplier.phone')} maxLength={30} />
        <Form.Item>
          <Button htmlType="submit" loading={formState.isSubmitting}>
            {t('supplier.new')}
          </Button>
        </Form.Item>
      </Space>
      <FormAlert errors={formState.errors} />
    </Form>
  );
}

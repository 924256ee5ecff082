/**
 * The receipt form's purchase-order picker: once a supplier is chosen, its approved orders with
 * something still open; choosing one fills the lines with the open quantities at the agreed prices
 * (the clerk then corrects what actually arrived). The desk checks every line against the order.
 */
import { Select } from 'antd';
import { useState } from 'react';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { desk } from '../../desk';
import { FieldFrame } from '../../forms/fields';
import { useDeskQuery } from '../../use-desk';
import type { Line, ReceiptForm } from './receipt-form';

export function OrderPicker({
  control,
  supplierId,
  onLines,
}: {
  control: Control<ReceiptForm>;
  supplierId: string;
  onLines: (lines: Line[]) => void;
}) {
  const { t } = useTranslation('parts');
  const [loading, setLoading] = useState(false);
  const { state } = useDeskQuery(
    'parts.purchaseOrders',
    { supplierId, receivable: true },
    { enabled: supplierId !== '', refetchOn: ['parts.changed'] },
  );
  const orders = supplierId === '' ? [] : (state.value?.items ?? []).filter((o) => o.supplierId === supplierId);
  if (orders.length === 0) return null;
  return (
    <Controller
      control={control}
      name="purchaseOrderId"
      render={({ field }) => (
        <FieldFrame id="receipt-order" label={t('purchasing.receiveAgainst')} help={t('purchasing.receiveAgainstHint')}>
          <Select
            id="receipt-order"
            aria-describedby="receipt-order-help"
            value={field.value}
            allowClear
            loading={loading}
            virtual={false}
            placeholder={t('purchasing.noOrder')}
            options={orders.map((o) => ({
              value: o.id,
              label: `${o.number}${o.contractNo ? ` · ${o.contractNo}` : ''} · ${o.expectedOn}`,
            }))}
            onChange={async (id: string | undefined) => {
              field.onChange(id);
              if (!id) return;
              setLoading(true);
              const result = await desk.call('parts.purchaseOrder', { purchaseOrderId: id });
              setLoading(false);
              if (!result.ok) return;
              onLines(
                result.value.lines
                  .filter((line) => line.openQty > 0)
                  .map((line) => ({
                    partId: line.partId,
                    partNo: line.partNo,
                    partName: line.partName,
                    deliveredQty: line.openQty,
                    unitCostFen: line.unitPriceFen,
                    rejectedQty: 0,
                    rejectReason: '',
                  })),
              );
            }}
            style={{ maxWidth: 520 }}
          />
        </FieldFrame>
      )}
    />
  );
}

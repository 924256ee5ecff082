/**
 * "Create purchase orders" on the reorder list: drafts one order per preferred supplier for the
 * ticked lines at their suggested quantities and cost prices, expected in a week; the parts group
 * then checks prices and contract numbers on the Purchasing tab and submits them.
 */
import { ShoppingCartOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReorderLine } from '../../../db/api';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation } from '../../use-desk';
import { todayLocal } from './format';
import { partsHref } from './route';

/** A week from today (YYYY-MM-DD): the usual lead time; each draft's date can be changed before submitting. */
function inAWeek(): string {
  const [y, m, d] = todayLocal().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10);
}

export function PurchaseFromReorderButton({ lines }: { lines: ReadonlyArray<ReorderLine> }) {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const create = useDeskMutation('parts.purchaseOrdersFromReorder');
  if (!can('parts.order')) return null;
  return (
    <Tooltip title={t('purchasing.fromReorderHint')}>
      <Button
        type="primary"
        icon={<ShoppingCartOutlined aria-hidden />}
        disabled={lines.length === 0}
        loading={create.pending}
        onClick={async () => {
          const result = await create.run({
            expectedOn: inAWeek(),
            lines: lines.map((line) => ({ partId: line.partId, orderedQty: line.suggestedQty })),
          });
          if (!result.ok) {
            void message.error(errorText(result.error.key));
            return;
          }
          void message.success(t('purchasing.fromReorderDone', { count: result.value.items.length }));
          window.location.hash = partsHref('purchasing');
        }}
      >
        {t('purchasing.fromReorder')}
      </Button>
    </Tooltip>
  );
}

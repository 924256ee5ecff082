/**
 * The after-sales plan dialog's 三包 check, as the main process makes it (db/tickets/plan-window.ts):
 * a refund outside the return window, or an exchange outside the exchange window (or either with no
 * purchase date), is said before the step is sent, with the dates, and asks the manager for the
 * reason. Everyone else is told to choose another plan; the main process refuses them in any case.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyView } from '../../../db/api';
import type { FieldSpec } from './spec-fields';
import { useWarrantyDetail } from './warranty-tag';

export type PlanOutside = 'return' | 'exchange' | 'unknown';

export function planOutside(view: WarrantyView | null, plan: unknown): PlanOutside | null {
  if (plan !== 'refund' && plan !== 'replace') return null;
  if (view === null || view.status === 'unknown' || view.purchaseDate === null) return 'unknown';
  const until = plan === 'refund' ? view.returnUntil : view.exchangeUntil;
  if (until !== null && view.judgedOn <= until) return null;
  return plan === 'refund' ? 'return' : 'exchange';
}

export const overrideReasonSpec: FieldSpec = { name: 'overrideReason', kind: 'multiline', required: true, max: 500 };

export function PlanWindowAlert({
  view,
  outside,
  mayOverride,
}: {
  view: WarrantyView | null;
  outside: PlanOutside;
  mayOverride: boolean;
}) {
  const { t } = useTranslation('tickets');
  const detail = useWarrantyDetail();
  const title =
    outside === 'unknown'
      ? t('sanbao.unknownPurchase')
      : outside === 'return'
        ? t('sanbao.outsideReturn')
        : t('sanbao.outsideExchange');
  return (
    <Alert
      type={mayOverride ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-plan-window={outside}
      title={title}
      description={
        <>
          {view && outside !== 'unknown' ? (
            <>
              {detail(view)}
              <br />
            </>
          ) : null}
          {mayOverride ? t('sanbao.managerWithReason') : t('sanbao.managerOnly')}
        </>
      }
    />
  );
}

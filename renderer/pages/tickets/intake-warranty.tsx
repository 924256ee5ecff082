/**
 * The intake form's live 三包 status: judged as the main process judges the saved ticket
 * (db/tickets/warranty-of-ticket.ts), by the same function (warrantyView) with the chosen
 * product's category windows and the store's holidays, so what the clerk sees while typing is what
 * the ticket will say. A date typed without a registered product has no category: the national
 * defaults, as on save.
 */
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SANBAO_RULES, warrantyView, type ProductDetail, type SanbaoRules } from '../../../db/api';
import { useDeskQuery } from '../../use-desk';
import { todayLocal } from './format';
import { useWarrantyDetail, WarrantyTag } from './warranty-tag';

export function IntakeWarranty({ product, typedDate }: { product: ProductDetail | undefined; typedDate: unknown }) {
  const { t } = useTranslation('tickets');
  const detail = useWarrantyDetail();
  const categories = useDeskQuery('customers.categories', {}).state.value;
  const days = useDeskQuery('tickets.calendarDays', {}).state.value;
  const calendarDays = useMemo(() => (days ? new Map(days) : undefined), [days]);
  const category = product ? categories?.find((c) => c.code === product.category) : undefined;
  const rules: SanbaoRules = category
    ? { returnDays: category.returnDays, exchangeDays: category.exchangeDays, warrantyMonths: category.warrantyMonths }
    : DEFAULT_SANBAO_RULES;
  const view = warrantyView(
    {
      purchaseDate: product?.purchaseDate ?? (typeof typedDate === 'string' ? typedDate : null),
      warrantyEnd: product?.warrantyEnd ?? null,
      rules,
      ...(calendarDays ? { calendarDays } : {}),
    },
    todayLocal(),
  );
  return (
    <div data-intake-warranty={view.status} style={{ marginBottom: 16 }}>
      <span>{t('intake.warranty')}: </span>
      <WarrantyTag view={view} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {detail(view)}
      </Typography.Text>
    </div>
  );
}

/**
 * The 三包 status as a tag (可退 · 3 天 / Return · 3 d), with the dates it was judged by on hover:
 * the purchase, each window's last day and the warranty end (db/tickets/warranty-of-ticket.ts).
 */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarrantyView } from '../../../db/api';
import { useTicketFormat } from './format';

const COLOURS = {
  return_window: 'green',
  exchange_window: 'cyan',
  in_warranty: 'blue',
  expired: 'default',
  unknown: 'warning',
} as const;

export function useWarrantyDetail(): (view: WarrantyView) => string {
  const { t } = useTranslation('tickets');
  const format = useTicketFormat();
  return (view) => {
    const judged = t('sanbao.judgedOn', { date: format.date(view.judgedOn) });
    if (view.purchaseDate === null || view.status === 'unknown') return `${t('sanbao.noPurchaseDate')} ${judged}`;
    const windows = [
      t('sanbao.bought', { date: format.date(view.purchaseDate) }),
      view.returnUntil ? t('sanbao.returnUntil', { date: format.date(view.returnUntil) }) : t('sanbao.noReturn'),
      view.exchangeUntil
        ? t('sanbao.exchangeUntil', { date: format.date(view.exchangeUntil) })
        : t('sanbao.noExchange'),
      view.warrantyEnd ? t('sanbao.warrantyUntil', { date: format.date(view.warrantyEnd) }) : '',
    ].filter(Boolean);
    return `${windows.join(t('sanbao.separator'))}${t('sanbao.end')} ${judged}`;
  };
}

export function WarrantyTag({ view }: { view: WarrantyView }) {
  const { t } = useTranslation('tickets');
  const detail = useWarrantyDetail();
  const days =
    view.daysLeft === null
      ? ''
      : view.daysLeft === 0
        ? t('sanbao.lastDay')
        : t('sanbao.daysLeft', { count: view.daysLeft });
  return (
    <Tooltip title={detail(view)}>
      <Tag color={COLOURS[view.status]} data-warranty={view.status} style={{ whiteSpace: 'nowrap' }}>
        {t(`sanbao.tag.${view.status}`)}
        {days ? ` · ${days}` : ''}
      </Tag>
    </Tooltip>
  );
}

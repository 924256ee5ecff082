/**
 * Spare parts (配件管理, docs/DOMAIN.md §7): stock, requisitions, receiving, stocktakes and reports as
 * tabs, the tab in the address (#/parts/requisitions) so a link or a reload lands on it. The parts
 * lead sees stock below zero flagged at the top (docs/SYNC.md §2.5: flagged, never blocking).
 */
import { Alert, Badge, Button, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../db/api';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskQuery } from '../../use-desk';
import { CatalogueTab } from './catalogue-tab';
import { ReceivingTab } from './receiving-tab';
import { ReportsTab } from './reports-tab';
import { RequisitionsTab } from './requisitions-tab';
import { PurchasingTab } from './purchasing-tab';
import { partsHref, TABS, usePartsRoute, type Tab } from './route';
import { StocktakeTab } from './stocktake-tab';

const TAB_PERMISSION: Record<Tab, Permission> = {
  stock: 'parts.read',
  requisitions: 'parts.read',
  purchasing: 'parts.read',
  receiving: 'parts.read',
  stocktake: 'parts.read',
  reports: 'parts.reports',
};

export function PartsPage() {
  const { t } = useTranslation('parts');
  const { can } = useSignedIn();
  const route = usePartsRoute();
  const { state: alerts } = useDeskQuery('parts.alerts', {}, { refetchOn: ['parts.changed'] });
  const tabs = TABS.filter((tab) => can(TAB_PERMISSION[tab]));
  // A technician comes here to ask for parts; everyone else starts at the stock.
  const fallback: Tab = can('parts.request') && !can('parts.issue') ? 'requisitions' : 'stock';
  const current = route.tab && tabs.includes(route.tab) ? route.tab : fallback;
  const counts = alerts.value;

  const label = (tab: Tab, badge = 0): ReactNode => (
    <span>
      {t(`tabs.${tab}`)} {badge > 0 ? <Badge count={badge} size="small" aria-hidden /> : null}
    </span>
  );
  const render: Record<Tab, () => ReactNode> = {
    stock: () => <CatalogueTab openId={route.tab === 'stock' ? route.id : null} />,
    requisitions: () => <RequisitionsTab openId={route.tab === 'requisitions' ? route.id : null} />,
    purchasing: () => <PurchasingTab openId={route.tab === 'purchasing' ? route.id : null} />,
    receiving: () => <ReceivingTab openId={route.tab === 'receiving' ? route.id : null} />,
    stocktake: () => <StocktakeTab openId={route.tab === 'stocktake' ? route.id : null} />,
    reports: () => <ReportsTab />,
  };

  return (
    <section aria-labelledby="parts-title">
      <Typography.Title level={2} id="parts-title" style={{ marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      {counts && counts.negative > 0 && can('parts.approve') ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('alerts.negative', { count: counts.negative })}
          action={
            <Button size="small" href={partsHref('reports')}>
              {t('alerts.showNegative')}
            </Button>
          }
        />
      ) : null}
      <Tabs
        activeKey={current}
        onChange={(key) => {
          window.location.hash = partsHref(key as Tab);
        }}
        items={tabs.map((tab) => ({
          key: tab,
          label: label(
            tab,
            tab === 'requisitions'
              ? can('parts.approve')
                ? (counts?.toApprove ?? 0)
                : can('parts.issue')
                  ? (counts?.toIssue ?? 0)
                  : 0
              : tab === 'reports'
                ? (counts?.reorder ?? 0)
                : 0,
          ),
          children: tab === current ? render[tab]() : null,
        }))}
      />
    </section>
  );
}

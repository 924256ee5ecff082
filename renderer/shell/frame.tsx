/**
 * The frame around the pages, inside the router: the menu of the pages this role may use, and
 * the content area, which shows a skeleton while a page's chunk loads, so a switch never flashes
 * an empty area.
 */
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { useSyncStatus } from '../pages/sync/use-sync-status';
import { FirstSyncScreen, ResyncBanner } from './first-sync';
import { PageLoading } from './page-loading';
import { pageHref, pageOfPath, type Page } from './router';

export function PagesFrame({ pages }: { pages: readonly Page[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigation = useNavigation();
  const current = pageOfPath(location.pathname);
  const syncStatus = useSyncStatus().state.value;
  const firstSync = syncStatus?.firstSync ? syncStatus : null;
  const resyncing = syncStatus?.resyncing ? syncStatus : null;
  const loading = navigation.state === 'loading';
  // While a page loads, the menu already marks the one asked for.
  const chosen = loading && navigation.location ? pageOfPath(navigation.location.pathname) : current;

  return (
    <Layout>
      <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={0}>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={chosen ? [chosen] : []}
            // Plain links: the address is the one place a page is chosen, by the menu, a link in a page or the user.
            items={pages.map((page) => ({ key: page, label: <a href={pageHref(page)}>{t(`nav.${page}`)}</a> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout.Content style={{ padding: 24, minWidth: 0 }}>
        {resyncing && <ResyncBanner status={resyncing} />}
        {firstSync && current !== 'sync' ? (
          <FirstSyncScreen status={firstSync} />
        ) : loading ? (
          <PageLoading />
        ) : (
          <Outlet />
        )}
      </Layout.Content>
    </Layout>
  );
}

/**
 * The signed-in app: header, the pages this role may use, and the idle lock. Pages a role cannot
 * use are not shown at all; the dispatcher checks every call regardless.
 */
import { Layout, Menu, Result } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission, SessionStatus, SignedInStaff } from '../../db/api';
import { CounterPage } from '../pages/counter/counter-page';
import { ImportPage } from '../pages/customers/import-page';
import { PartsPage } from '../pages/parts/parts-page';
import { BackupsPage } from '../pages/backups/backups-page';
import { PrintPage } from '../pages/print/print-page';
import { SettingsPage } from '../pages/settings';
import { StaffPage } from '../pages/staff';
import { SyncPage } from '../pages/sync/sync-page';
import { FollowUpsPage } from '../pages/tickets/follow-ups-page';
import { RepairBoardPage } from '../pages/tickets/repair-board-page';
import { ServiceSettingsPage } from '../pages/tickets/service-settings-page';
import { TicketsPage } from '../pages/tickets/tickets-page';
import { MyJobsPage } from '../pages/today/my-jobs-page';
import { TodayPage } from '../pages/today/today-page';
import { useDeskMutation } from '../use-desk';
import { useSyncStatus } from '../pages/sync/use-sync-status';
import { FirstSyncScreen, ResyncBanner } from './first-sync';
import { ShellHeader } from './header';
import { useIdleLock } from './idle-lock';
import { pageHref, useHashPage, type Page } from './router';
import { SignedInContext } from './signed-in';
import { startPage } from './start-page';

type PageDef = { page: Page; permission: Permission; render: () => ReactNode };

const PAGE_DEFS: ReadonlyArray<PageDef> = [
  { page: 'counter', permission: 'customers.read', render: () => <CounterPage /> },
  { page: 'today', permission: 'tickets.reports', render: () => <TodayPage /> },
  { page: 'my-jobs', permission: 'tickets.ownJobs', render: () => <MyJobsPage /> },
  { page: 'tickets', permission: 'tickets.read', render: () => <TicketsPage /> },
  { page: 'repairs', permission: 'tickets.read', render: () => <RepairBoardPage /> },
  { page: 'followups', permission: 'tickets.work', render: () => <FollowUpsPage /> },
  { page: 'import', permission: 'customers.import', render: () => <ImportPage /> },
  { page: 'parts', permission: 'parts.read', render: () => <PartsPage /> },
  { page: 'staff', permission: 'staff.manage', render: () => <StaffPage /> },
  { page: 'settings', permission: 'store.manage', render: () => <SettingsPage /> },
  { page: 'printing', permission: 'print.setup', render: () => <PrintPage /> },
  { page: 'service', permission: 'tickets.settings', render: () => <ServiceSettingsPage /> },
  { page: 'sync', permission: 'customers.read', render: () => <SyncPage /> },
  { page: 'backups', permission: 'backup.manage', render: () => <BackupsPage /> },
];

type ShellProps = {
  staff: SignedInStaff;
  store: NonNullable<SessionStatus['store']>;
  /** After signing out: the errors key that explains why, or null when the staff member chose to. */
  onSignedOut: (reason: string | null) => void;
};

export function Shell({ staff, store, onSignedOut }: ShellProps) {
  const { t } = useTranslation();
  const signOut = useDeskMutation('session.signOut');
  const can = (permission: Permission): boolean => staff.permissions.includes(permission);
  const pages = PAGE_DEFS.filter((def) => can(def.permission));
  const hashPage = useHashPage();
  const landing = startPage(
    staff,
    pages.map((def) => def.page),
  );
  const current = pages.find((def) => def.page === hashPage) ?? pages.find((def) => def.page === landing);
  const shownPage = current?.page;

  useEffect(() => {
    // Keep the address naming the page on screen (a role without the page asked for sees another).
    if (shownPage && hashPage !== shownPage) window.history.replaceState(null, '', pageHref(shownPage));
  }, [hashPage, shownPage]);

  const lock = async (reason: 'manual' | 'idle'): Promise<void> => {
    await signOut.run({ reason });
    onSignedOut(reason === 'idle' ? 'session_expired' : null);
  };
  useIdleLock(store.idleLockMinutes, () => void lock('idle'));
  const syncStatus = useSyncStatus().state.value;
  const firstSync = syncStatus?.firstSync ? syncStatus : null;
  const resyncing = syncStatus?.resyncing ? syncStatus : null;

  return (
    <SignedInContext value={{ staff, store, can }}>
      <Layout style={{ minHeight: '100%' }}>
        <ShellHeader onLock={() => void lock('manual')} locking={signOut.pending} />
        <Layout>
          <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={0}>
            <nav aria-label={t('nav.label')}>
              <Menu
                mode="inline"
                selectedKeys={current ? [current.page] : []}
                items={pages.map((def) => ({
                  key: def.page,
                  label: <a href={pageHref(def.page)}>{t(`nav.${def.page}`)}</a>,
                }))}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content style={{ padding: 24, minWidth: 0 }}>
            {resyncing && <ResyncBanner status={resyncing} />}
            {firstSync && current?.page !== 'sync' ? (
              <FirstSyncScreen status={firstSync} />
            ) : current ? (
              current.render()
            ) : (
              <Result status="403" title={t('permission_denied', { ns: 'errors' })} />
            )}
          </Layout.Content>
        </Layout>
      </Layout>
    </SignedInContext>
  );
}

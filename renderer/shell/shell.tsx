/**
 * The signed-in app: the header, then react-router's hash router over the pages this role may
 * use. Each page is its own chunk, loaded when first opened. A page a role cannot use is not in the
 * menu and its address shows "no permission"; the dispatcher checks every call regardless.
 */
import { Button, Layout, Result } from 'antd';
import { useEffect, useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import type { Permission, SessionStatus, SignedInStaff } from '../../db/api';
import { CounterScanner } from '../scan/counter-scanner';
import { useDeskMutation } from '../use-desk';
import { PagesFrame } from './frame';
import { ShellHeader } from './header';
import { useIdleLock } from './idle-lock';
import { PageLoadFailed, PageLoading } from './page-loading';
import { pageHref, type Page } from './router';
import { SignedInContext } from './signed-in';
import { startPage } from './start-page';

export type PageDef = { page: Page; permission: Permission; load: () => Promise<ComponentType> };

/** The pages in menu order, one line each: its name (= its address), the permission it needs, its chunk. */
// prettier-ignore
export const PAGE_DEFS: ReadonlyArray<PageDef> = [
  { page: 'counter', permission: 'customers.read', load: async () => (await import('../pages/counter/counter-page')).CounterPage },
  { page: 'today', permission: 'tickets.reports', load: async () => (await import('../pages/today/today-page')).TodayPage },
  { page: 'my-jobs', permission: 'tickets.ownJobs', load: async () => (await import('../pages/today/my-jobs-page')).MyJobsPage },
  { page: 'tickets', permission: 'tickets.read', load: async () => (await import('../pages/tickets/tickets-page')).TicketsPage },
  { page: 'repairs', permission: 'tickets.read', load: async () => (await import('../pages/tickets/repair-board-page')).RepairBoardPage },
  { page: 'followups', permission: 'tickets.work', load: async () => (await import('../pages/tickets/follow-ups-page')).FollowUpsPage },
  { page: 'takings', permission: 'charges.take', load: async () => (await import('../pages/takings/takings-page')).TakingsPage },
  { page: 'import', permission: 'customers.import', load: async () => (await import('../pages/customers/import-page')).ImportPage },
  { page: 'parts', permission: 'parts.read', load: async () => (await import('../pages/parts/parts-page')).PartsPage },
  { page: 'staff', permission: 'staff.manage', load: async () => (await import('../pages/staff')).StaffPage },
  { page: 'settings', permission: 'store.manage', load: async () => (await import('../pages/settings')).SettingsPage },
  { page: 'printing', permission: 'print.setup', load: async () => (await import('../pages/print/print-page')).PrintPage },
  { page: 'service', permission: 'tickets.settings', load: async () => (await import('../pages/tickets/service-settings-page')).ServiceSettingsPage },
  { page: 'messages', permission: 'messages.settings', load: async () => (await import('../pages/messages/message-settings-page')).MessageSettingsPage },
  // Everyone signed in has a training record and an assessment; what each sees is decided per row in the main process.
  { page: 'training', permission: 'customers.read', load: async () => (await import('../pages/training/training-page')).TrainingPage },
  { page: 'sync', permission: 'customers.read', load: async () => (await import('../pages/sync/sync-page')).SyncPage },
  { page: 'backups', permission: 'backup.manage', load: async () => (await import('../pages/backups/backups-page')).BackupsPage },
];

/** The page marked `data-page` once it is on screen (tests and the benchmark wait on it); no box of its own. */
function onScreenAs(page: Page, Content: ComponentType): ComponentType {
  return function OnScreen() {
    return (
      <div data-page={page} style={{ display: 'contents' }}>
        <Content />
      </div>
    );
  };
}

/** A page the role may not use (a typed address, an old bookmark), with the way back to the role's own page. */
function NotPermitted({ landing }: { landing: Page | undefined }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('permission_denied', { ns: 'errors' })}
      extra={
        landing && (
          <Button type="primary" href={pageHref(landing)}>
            {t(`nav.${landing}`)}
          </Button>
        )
      }
    />
  );
}

function routesFor(staff: SignedInStaff): RouteObject[] {
  const allowed = PAGE_DEFS.filter((def) => staff.permissions.includes(def.permission));
  const pages = allowed.map((def) => def.page);
  // The page a role lands on when the address names none (shell/start-page.ts).
  const landing = pages.length > 0 ? startPage(staff, pages) : undefined;
  // The address names no page (or one that does not exist): show the landing page and say so in the address.
  const toLanding = landing ? <Navigate replace to={`/${landing}`} /> : <NotPermitted landing={undefined} />;
  return [
    {
      path: '/',
      element: <PagesFrame pages={pages} />,
      children: [
        { index: true, element: toLanding },
        ...PAGE_DEFS.map((def): RouteObject => ({
          // `/*`: the tickets and parts pages keep their own places below their name (`#/tickets/<id>`).
          path: `${def.page}/*`,
          ...(allowed.includes(def)
            ? {
                lazy: async () => ({ Component: onScreenAs(def.page, await def.load()) }),
                hydrateFallbackElement: <PageLoading />,
                ErrorBoundary: PageLoadFailed,
              }
            : { element: <NotPermitted landing={landing} /> }),
        })),
        { path: '*', element: toLanding },
      ],
    },
  ];
}

/** The same staff object while the role and permissions stay (a re-read session is a new object). */
function useKeptStaff(staff: SignedInStaff): SignedInStaff {
  const keyOf = (s: SignedInStaff) => `${s.id}|${s.role}|${s.permissions.join(',')}`;
  const [kept, setKept] = useState(staff);
  if (keyOf(kept) !== keyOf(staff)) {
    setKept(staff);
    return staff;
  }
  return kept;
}

/**
 * One router per signed-in staff member (the pages follow the role). It is disposed of — its
 * history listener removed — once no longer shown; a tick later, since StrictMode's trial unmount
 * in development is followed at once by a remount of the same router.
 */
function usePagesRouter(staff: SignedInStaff) {
  const kept = useKeptStaff(staff);
  const router = useMemo(() => createHashRouter(routesFor(kept)), [kept]);
  useEffect(() => {
    const pending = disposals.get(router);
    if (pending !== undefined) window.clearTimeout(pending);
    return () => {
      disposals.set(
        router,
        window.setTimeout(() => router.dispose(), 0),
      );
    };
  }, [router]);
  return router;
}

const disposals = new WeakMap<ReturnType<typeof createHashRouter>, number>();

type ShellProps = {
  staff: SignedInStaff;
  store: NonNullable<SessionStatus['store']>;
  /** After signing out: the errors key that explains why, or null when the staff member chose to. */
  onSignedOut: (reason: string | null) => void;
};

export function Shell({ staff, store, onSignedOut }: ShellProps) {
  const signOut = useDeskMutation('session.signOut');
  const can = (permission: Permission): boolean => staff.permissions.includes(permission);
  const router = usePagesRouter(staff);

  const lock = async (reason: 'manual' | 'idle'): Promise<void> => {
    await signOut.run({ reason });
    onSignedOut(reason === 'idle' ? 'session_expired' : null);
  };
  useIdleLock(store.idleLockMinutes, () => void lock('idle'));

  return (
    <SignedInContext value={{ staff, store, can }}>
      <Layout style={{ minHeight: '100%' }}>
        <ShellHeader onLock={() => void lock('manual')} locking={signOut.pending} />
        {can('tickets.read') && <CounterScanner />}
        {/* Rendered at once, not as a transition: a counter clicking a page wants it now, not when React finds time. */}
        <RouterProvider router={router} useTransitions={false} />
      </Layout>
    </SignedInContext>
  );
}

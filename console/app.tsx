/**
 * The console: the sign-in page until head office knows the browser's session, then the signed-in
 * layout with one route per page of pages.tsx (each its own chunk). A session that ends (idle,
 * signed out elsewhere) brings the sign-in page back without losing the address.
 */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import type { SessionAnswer } from '../headoffice/console/contract/session';
import { api, ApiError, setCsrfToken, whenSignedOut } from './api';
import { consolePages } from './pages';
import { SessionContext, type ConsoleSession } from './session';
import { ConsoleLayout } from './shell/layout';
import { NotFound, NotPermitted } from './shell/not-found';
import { SignIn } from './shell/sign-in';

function routesFor(session: ConsoleSession): RouteObject[] {
  return [
    {
      path: '/',
      element: <ConsoleLayout />,
      children: [
        ...consolePages.map((page): RouteObject => ({
          ...(page.path === '' ? { index: true } : { path: `${page.path}/*` }),
          ...(page.permission === null || session.can(page.permission)
            ? { lazy: async () => ({ Component: (await page.load()).default }) }
            : { element: <NotPermitted /> }),
        })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

function SignedIn({ session }: { session: ConsoleSession }) {
  const router = useMemo(() => createBrowserRouter(routesFor(session), { basename: '/console' }), [session]);
  return (
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} />
    </SessionContext.Provider>
  );
}

export function ConsoleApp() {
  const { i18n } = useTranslation();
  const [answer, setAnswer] = useState<SessionAnswer | null | 'loading'>('loading');

  const accept = useCallback((next: SessionAnswer | null) => {
    if (next) setCsrfToken(next.csrfToken);
    setAnswer(next);
  }, []);

  useEffect(() => {
    whenSignedOut(() => setAnswer(null));
    api
      .get<SessionAnswer>('/session')
      .then(accept)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        accept(null);
      });
  }, [accept]);

  const session = useMemo((): ConsoleSession | null => {
    if (answer === 'loading' || answer === null) return null;
    return {
      staff: answer.staff,
      permissions: answer.permissions,
      can: (permission) => answer.permissions.includes(permission),
      signOut: async () => {
        await api.send('DELETE', '/session').catch(() => {});
        setAnswer(null);
      },
    };
  }, [answer]);

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      // The font list styles.css sets, bundled CJK face included, for antd's own components too.
      theme={{ token: { fontFamily: 'var(--hq-font-family)' } }}
    >
      <AntApp style={{ height: '100%' }}>
        {answer === 'loading' ? (
          <div className="hq-centre">
            <Spin />
          </div>
        ) : session ? (
          <SignedIn session={session} />
        ) : (
          <SignIn onSignedIn={accept} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

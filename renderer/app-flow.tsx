/**
 * What the counter sees first: store setup on the first run, sign-in when nobody is signed in,
 * else the shell. `session.status` decides, re-read on every event that can change the answer
 * and whenever a call finds the session gone.
 */
import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionLost } from './desk';
import { timeText } from './pages/backups/format';
import { Shell } from './shell/shell';
import { useDeskQuery } from './use-desk';

// Screens shown before the shell, each its own chunk: setup and the damaged file are rare.
const DamagedScreen = lazy(async () => ({ default: (await import('./pages/backups/damaged-screen')).DamagedScreen }));
const SetupPage = lazy(async () => ({ default: (await import('./pages/setup')).SetupPage }));
const SignInPage = lazy(async () => ({ default: (await import('./pages/sign-in')).SignInPage }));

function Loading() {
  const { t } = useTranslation();
  return (
    <div className="cd-centre">
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

function Screen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

export function AppFlow() {
  const { t } = useTranslation();
  const { t: tb, i18n } = useTranslation('backup');
  const { state, refetch } = useDeskQuery(
    'session.status',
    {},
    { refetchOn: ['session.changed', 'setup.changed', 'store.changed', 'staff.changed'] },
  );
  // A damaged file takes over the screen, whoever is signed in: nothing can be saved anyway.
  const health = useDeskQuery('backup.status', {}, { refetchOn: ['backup.changed'] }).state.value;
  /** Why the sign-in screen is showing (locked when idle, session gone), as an errors key. */
  const [signedOutBecause, setSignedOutBecause] = useState<string | null>(null);

  useEffect(
    () =>
      onSessionLost((error) => {
        setSignedOutBecause(error.key);
        refetch();
      }),
    [refetch],
  );

  const status = state.value;
  if (health?.damaged)
    return (
      <Screen>
        <DamagedScreen health={health} />
      </Screen>
    );
  if (!status) {
    if (state.status === 'error') {
      return (
        <div className="cd-centre">
          <Result
            status="error"
            title={t('app.unreachable')}
            extra={<Button onClick={refetch}>{t('app.retry')}</Button>}
          />
        </div>
      );
    }
    return <Loading />;
  }

  if (status.needsSetup || !status.store)
    return (
      <Screen>
        <SetupPage onDone={refetch} />
      </Screen>
    );
  if (!status.staff) {
    return (
      <Screen>
        <SignInPage
          reason={signedOutBecause}
          notice={
            health?.restoredFrom
              ? tb('restoredFrom', {
                  when: timeText(health.restoredFrom.createdAt, i18n.language),
                  kind: tb(`kinds.${health.restoredFrom.kind}`),
                })
              : null
          }
          onSignedIn={() => {
            // Whoever signs in starts on their role's page (shell/start-page.ts), not where the last person left off.
            window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
            setSignedOutBecause(null);
            refetch();
          }}
        />
      </Screen>
    );
  }
  return (
    <Shell
      staff={status.staff}
      store={status.store}
      onSignedOut={(reason) => {
        setSignedOutBecause(reason);
        refetch();
      }}
    />
  );
}

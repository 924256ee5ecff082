/**
 * What the counter sees first: store setup on the first run, sign-in when nobody is signed in,
 * else the shell. `session.status` decides, re-read on every event that can change the answer
 * and whenever a call finds the session gone.
 */
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionLost } from './desk';
import { DamagedScreen } from './pages/backups/damaged-screen';
import { timeText } from './pages/backups/format';
import { SetupPage } from './pages/setup';
import { SignInPage } from './pages/sign-in';
import { Shell } from './shell/shell';
import { useDeskQuery } from './use-desk';

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
  if (health?.damaged) return <DamagedScreen health={health} />;
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
    return (
      <div className="cd-centre">
        <Spin size="large" description={t('app.loading')} />
      </div>
    );
  }

  if (status.needsSetup || !status.store) return <SetupPage onDone={refetch} />;
  if (!status.staff) {
    return (
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

/**
 * The app's version and its updates on the About/Sync page: what runs, what the updater is doing
 * (checking, downloading with percent, ready to install, or why it failed), and this PC's install
 * window, which a manager sets here (outside it an update installs when the app is closed).
 */
import { Alert, Button, Descriptions, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../forms/error-text';
import { useSignedIn } from '../../shell/signed-in';
import { useDeskMutation, useDeskQuery } from '../../use-desk';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Window = { from: string; to: string } | null;

export function UpdatePanel() {
  const { t, i18n } = useTranslation('sync');
  const { can } = useSignedIn();
  const status = useDeskQuery('app.updateStatus', {}, { refetchOn: ['sync.changed'] }).state.value;
  const windowQuery = useDeskQuery('store.installWindow', {}, { refetchOn: ['store.changed'] });
  const installWindow = windowQuery.state.value ?? null;
  if (!status) return null;

  const stateText = {
    off: t('update.off'),
    idle: t('update.idle'),
    checking: t('update.checking'),
    downloading: t('update.downloading', { version: status.available }),
    ready: t('update.ready', { version: status.available }),
    error: t(`update.error.${status.error ?? 'failed'}`, { defaultValue: t('update.error.failed') }),
  }[status.state];

  return (
    <Descriptions bordered size="small" column={1} title={t('update.title')} style={{ margin: '24px 0' }}>
      <Descriptions.Item label={t('update.version')}>{status.current}</Descriptions.Item>
      <Descriptions.Item label={t('update.state')}>
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text type={status.state === 'error' ? 'danger' : undefined}>{stateText}</Typography.Text>
          {status.state === 'downloading' && status.percent !== null && (
            <Progress percent={status.percent} size="small" style={{ maxWidth: 320 }} />
          )}
        </Space>
      </Descriptions.Item>
      {status.checkedAt && (
        <Descriptions.Item label={t('update.checkedAt')}>
          {new Date(status.checkedAt).toLocaleString(i18n.language)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('update.window')}>
        {can('store.manage') ? (
          // Keyed by the saved window, so the fields start from it again after a save elsewhere.
          <WindowEditor key={JSON.stringify(installWindow)} saved={installWindow} refetch={windowQuery.refetch} />
        ) : installWindow ? (
          t('update.windowValue', installWindow)
        ) : (
          t('update.onQuit')
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {installWindow ? t('update.windowHelp', installWindow) : t('update.onQuitHelp')}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

function WindowEditor({ saved, refetch }: { saved: Window; refetch: () => void }) {
  const { t } = useTranslation('sync');
  const save = useDeskMutation('store.setInstallWindow');
  const errorText = useErrorText();
  const [from, setFrom] = useState(saved?.from ?? '');
  const [to, setTo] = useState(saved?.to ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (window: Window) => {
    if (window && (!TIME.test(window.from) || !TIME.test(window.to))) return setProblem(t('update.timeFormat'));
    if (window && window.from === window.to) return setProblem(t('update.windowEmpty'));
    setProblem(null);
    const result = await save.run({ window });
    // The key, in the page's language: the error's message is English, for logs.
    if (!result.ok) setProblem(errorText(result.error.key));
    refetch();
  };
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        <Input
          aria-label={t('update.from')}
          placeholder="02:00"
          value={from}
          onChange={(event) => setFrom(event.target.value.trim())}
          style={{ width: 90 }}
          maxLength={5}
        />
        <span>–</span>
        <Input
          aria-label={t('update.to')}
          placeholder="05:00"
          value={to}
          onChange={(event) => setTo(event.target.value.trim())}
          style={{ width: 90 }}
          maxLength={5}
        />
        <Button type="primary" loading={save.pending} onClick={() => void submit({ from, to })}>
          {t('update.save')}
        </Button>
        {saved && (
          <Button onClick={() => void submit(null)} disabled={save.pending}>
            {t('update.clear')}
          </Button>
        )}
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Space>
  );
}
